import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, type CurrentUser, type Page, type Queue, type QueueMember, type StaffSummary } from '@switchboard/contracts';
import { RequirePermissions, SignedInUser } from '@switchboard/permissions';
import {
  AddQueueMemberDto,
  AddQueueSupervisorDto,
  CreateQueueDto,
  QueueListQueryDto,
  UpdateQueueDto,
  UpdateQueueMemberDto,
} from './dto/queue.dto';
import { QueuesService } from './queues.service';

const id = new ParseUUIDPipe({ version: '4' });

@ApiTags('queues')
@ApiBearerAuth()
@Controller('queues')
export class QueuesController {
  constructor(private readonly queues: QueuesService) {}

  @Get()
  @RequirePermissions(Permission.QueuesRead)
  list(@SignedInUser() actor: CurrentUser, @Query() query: QueueListQueryDto): Promise<Page<Queue>> {
    return this.queues.list(actor, query);
  }

  @Post()
  @RequirePermissions(Permission.QueuesManage)
  create(@Body() body: CreateQueueDto): Promise<Queue> {
    return this.queues.create(body);
  }

  @Get(':id')
  @RequirePermissions(Permission.QueuesRead)
  get(@SignedInUser() actor: CurrentUser, @Param('id', id) queueId: string): Promise<Queue> {
    return this.queues.get(actor, queueId);
  }

  @Patch(':id')
  @RequirePermissions(Permission.QueuesManage)
  update(@SignedInUser() actor: CurrentUser, @Param('id', id) queueId: string, @Body() body: UpdateQueueDto): Promise<Queue> {
    return this.queues.update(actor, queueId, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.QueuesManage)
  remove(@Param('id', id) queueId: string): Promise<void> {
    return this.queues.remove(queueId);
  }

  @Get(':id/members')
  @RequirePermissions(Permission.QueuesRead)
  members(@SignedInUser() actor: CurrentUser, @Param('id', id) queueId: string): Promise<QueueMember[]> {
    return this.queues.listMembers(actor, queueId);
  }

  @Post(':id/members')
  @RequirePermissions(Permission.QueueMembersManage)
  addMember(@SignedInUser() actor: CurrentUser, @Param('id', id) queueId: string, @Body() body: AddQueueMemberDto): Promise<QueueMember> {
    return this.queues.addMember(actor, queueId, body.agentId, body.priority);
  }

  @Patch(':id/members/:agentId')
  @RequirePermissions(Permission.QueueMembersManage)
  updateMember(
    @SignedInUser() actor: CurrentUser,
    @Param('id', id) queueId: string,
    @Param('agentId', id) agentId: string,
    @Body() body: UpdateQueueMemberDto,
  ): Promise<QueueMember> {
    return this.queues.updateMember(actor, queueId, agentId, body.priority);
  }

  @Delete(':id/members/:agentId')
  @HttpCode(204)
  @RequirePermissions(Permission.QueueMembersManage)
  removeMember(@SignedInUser() actor: CurrentUser, @Param('id', id) queueId: string, @Param('agentId', id) agentId: string): Promise<void> {
    return this.queues.removeMember(actor, queueId, agentId);
  }

  @Get(':id/supervisors')
  @RequirePermissions(Permission.QueuesRead)
  supervisors(@SignedInUser() actor: CurrentUser, @Param('id', id) queueId: string): Promise<StaffSummary[]> {
    return this.queues.listSupervisors(actor, queueId);
  }

  @Post(':id/supervisors')
  @RequirePermissions(Permission.QueueSupervisorsManage)
  addSupervisor(@SignedInUser() actor: CurrentUser, @Param('id', id) queueId: string, @Body() body: AddQueueSupervisorDto): Promise<StaffSummary> {
    return this.queues.addSupervisor(actor, queueId, body.agentId);
  }

  @Delete(':id/supervisors/:agentId')
  @HttpCode(204)
  @RequirePermissions(Permission.QueueSupervisorsManage)
  removeSupervisor(@Param('id', id) queueId: string, @Param('agentId', id) agentId: string): Promise<void> {
    return this.queues.removeSupervisor(queueId, agentId);
  }
}
