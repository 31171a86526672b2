import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, type AddToChannelQueuesResponse, type AgentQueueMembership, type CurrentUser } from '@switchboard/contracts';
import { RequirePermissions, SignedInUser } from '@switchboard/permissions';
import { AddToChannelQueuesDto } from './dto/queue.dto';
import { QueuesService } from './queues.service';

/** One agent's queues, as the agent editor shows them (seed: "add agent to queue" by channel). */
@ApiTags('queues')
@ApiBearerAuth()
@Controller('agents/:id/queues')
export class AgentQueuesController {
  constructor(private readonly queues: QueuesService) {}

  @Get()
  list(@SignedInUser() actor: CurrentUser, @Param('id', new ParseUUIDPipe({ version: '4' })) agentId: string): Promise<AgentQueueMembership[]> {
    return this.queues.membershipsOf(actor, agentId);
  }

  /** Adds the agent to all queues of the channel at once. */
  @Post()
  @RequirePermissions(Permission.QueueMembersManage)
  addToChannel(
    @SignedInUser() actor: CurrentUser,
    @Param('id', new ParseUUIDPipe({ version: '4' })) agentId: string,
    @Body() body: AddToChannelQueuesDto,
  ): Promise<AddToChannelQueuesResponse> {
    return this.queues.addToChannelQueues(actor, agentId, body.channel, body.priority);
  }
}
