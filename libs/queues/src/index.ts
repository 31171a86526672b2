import { CreateQueues1763800200000 } from './lib/migrations/1763800200000-createQueues';
import { AddQueueRouting1764000000000 } from './lib/migrations/1764000000000-addQueueRouting';

export { QueuesModule } from './lib/queues.module';
export { QueuesService, type RoutingMember, type RoutingQueue } from './lib/queues.service';
export { QueueScope } from './lib/queue-scope';
export { AgentAccessPolicy, type AgentVisibility } from './lib/agent-access.policy';
export { STAFF_DIRECTORY, type StaffDirectory } from './lib/staff-directory';

/** This module's migrations (after the staff module's: members reference staff users). */
export const queuesMigrations = [CreateQueues1763800200000, AddQueueRouting1764000000000];
