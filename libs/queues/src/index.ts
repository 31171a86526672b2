import { CreateQueues1763800200000 } from './lib/migrations/1763800200000-createQueues';

export { QueuesModule } from './lib/queues.module';
export { QueuesService } from './lib/queues.service';
export { QueueScope } from './lib/queue-scope';
export { AgentAccessPolicy, type AgentVisibility } from './lib/agent-access.policy';
export { STAFF_DIRECTORY, type StaffDirectory } from './lib/staff-directory';

/** This module's migrations (after the staff module's: members reference staff users). */
export const queuesMigrations = [CreateQueues1763800200000];
