import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, type CurrentUser, type Page, type StaffSummary, type Team } from '@switchboard/contracts';
import { RequirePermissions, SignedInUser } from '@switchboard/permissions';
import { AddTeamMemberDto, CreateTeamDto, TeamListQueryDto, UpdateTeamDto } from './team.dto';
import { TeamsService } from './teams.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('teams')
@ApiBearerAuth()
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @RequirePermissions(Permission.TeamsRead)
  list(@Query() query: TeamListQueryDto): Promise<Page<Team>> {
    return this.teams.list(query);
  }

  @Post()
  @RequirePermissions(Permission.TeamsManage)
  create(@Body() body: CreateTeamDto): Promise<Team> {
    return this.teams.create(body);
  }

  @Get(':id')
  @RequirePermissions(Permission.TeamsRead)
  get(@Param('id', uuid) id: string): Promise<Team> {
    return this.teams.get(id);
  }

  @Patch(':id')
  @RequirePermissions(Permission.TeamsManage)
  update(@Param('id', uuid) id: string, @Body() body: UpdateTeamDto): Promise<Team> {
    return this.teams.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.TeamsManage)
  remove(@Param('id', uuid) id: string): Promise<void> {
    return this.teams.remove(id);
  }

  @Get(':id/members')
  @RequirePermissions(Permission.TeamsRead)
  members(@Param('id', uuid) id: string): Promise<StaffSummary[]> {
    return this.teams.listMembers(id);
  }

  @Post(':id/members')
  @RequirePermissions(Permission.TeamsManage)
  addMember(@SignedInUser() actor: CurrentUser, @Param('id', uuid) id: string, @Body() body: AddTeamMemberDto): Promise<StaffSummary> {
    return this.teams.addMember(actor, id, body.agentId);
  }

  @Delete(':id/members/:agentId')
  @HttpCode(204)
  @RequirePermissions(Permission.TeamsManage)
  removeMember(@Param('id', uuid) id: string, @Param('agentId', uuid) agentId: string): Promise<void> {
    return this.teams.removeMember(id, agentId);
  }
}
