import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgentAccessPolicy } from './agent-access.policy';
import { AgentQueuesController } from './agent-queues.controller';
import { QueueMemberEntity } from './entities/queue-member.entity';
import { QueueSupervisorEntity } from './entities/queue-supervisor.entity';
import { QueueEntity } from './entities/queue.entity';
import { QueueScope } from './queue-scope';
import { QueuesController } from './queues.controller';
import { QueuesService } from './queues.service';

/**
 * Queues and memberships. Needs a STAFF_DIRECTORY provider from a global module (the staff
 * module provides it: staff sits above queues, so it cannot be imported from here).
 */
@Module({
  imports: [TypeOrmModule.forFeature([QueueEntity, QueueMemberEntity, QueueSupervisorEntity])],
  controllers: [QueuesController, AgentQueuesController],
  providers: [QueueScope, AgentAccessPolicy, QueuesService],
  exports: [QueueScope, AgentAccessPolicy, QueuesService],
})
export class QueuesModule {}
