import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, type CurrentUser, type Page, type Presence, type PresenceEvent } from '@switchboard/contracts';
import { PageQueryDto } from '@switchboard/db';
import { RequirePermissions, SignedInUser } from '@switchboard/permissions';
import { ChannelParamDto, PresenceListQueryDto, SetChannelDto, SetPresenceDto } from '../dto/settings.dto';
import { PresenceService } from '../presence/presence.service';

const id = new ParseUUIDPipe({ version: '4' });

@ApiTags('presence')
@ApiBearerAuth()
@Controller('presence')
export class PresenceController {
  constructor(private readonly presence: PresenceService) {}

  @Get('me')
  mine(@SignedInUser() actor: CurrentUser): Promise<Presence> {
    return this.presence.get(actor.id);
  }

  @Put('me')
  setMine(@SignedInUser() actor: CurrentUser, @Body() body: SetPresenceDto): Promise<Presence> {
    return this.presence.setOwn(actor, body);
  }

  @Put('me/channels/:channel')
  setChannel(@SignedInUser() actor: CurrentUser, @Param() params: ChannelParamDto, @Body() body: SetChannelDto): Promise<Presence> {
    return this.presence.setChannel(actor, params.channel, body.enabled);
  }

  @Get()
  @RequirePermissions(Permission.PresenceRead)
  list(@SignedInUser() actor: CurrentUser, @Query() query: PresenceListQueryDto): Promise<Page<Presence>> {
    return this.presence.list(actor, query);
  }

  @Get(':agentId')
  @RequirePermissions(Permission.PresenceRead)
  get(@SignedInUser() actor: CurrentUser, @Param('agentId', id) agentId: string): Promise<Presence> {
    return this.presence.getFor(actor, agentId);
  }

  @Put(':agentId')
  @RequirePermissions(Permission.PresenceManage)
  set(@SignedInUser() actor: CurrentUser, @Param('agentId', id) agentId: string, @Body() body: SetPresenceDto): Promise<Presence> {
    return this.presence.setFor(actor, agentId, body);
  }

  @Get(':agentId/events')
  events(@SignedInUser() actor: CurrentUser, @Param('agentId', id) agentId: string, @Query() query: PageQueryDto): Promise<Page<PresenceEvent>> {
    return this.presence.events(actor, agentId, query);
  }
}
