import type { Role } from './auth';
import type { StaffChannel } from './channels-kinds';
import type { QueueRouting } from './routing';

/** A staff member as other lists show them. */
export interface StaffSummary {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  disabled: boolean;
}

export interface Team {
  id: string;
  name: string;
  description: string | null;
  memberCount: number;
  createdAt: string;
}
export interface TeamRequest {
  name: string;
  description?: string | null;
}

/** A queue, with how it routes (strategy, offer timeout, maximum wait and overflow). */
export interface Queue extends QueueRouting {
  id: string;
  name: string;
  channel: StaffChannel;
  description: string | null;
  memberCount: number;
  supervisorCount: number;
  createdAt: string;
}
export interface QueueRequest extends Partial<QueueRouting> {
  name: string;
  channel: StaffChannel;
  description?: string | null;
}

/** Priority of a member in a queue: 1 (tried first) to 10 (tried last); default 1. */
export const QUEUE_PRIORITY_MIN = 1;
export const QUEUE_PRIORITY_MAX = 10;

export interface QueueMember extends StaffSummary {
  priority: number;
}
/** `POST /api/v1/queues/:id/members`. */
export interface AddQueueMemberRequest {
  agentId: string;
  priority?: number;
}
/** `POST /api/v1/queues/:id/supervisors`. */
export interface AddQueueSupervisorRequest {
  agentId: string;
}
/** One of an agent's queue memberships (`GET /api/v1/agents/:id/queues`). */
export interface AgentQueueMembership {
  queueId: string;
  name: string;
  channel: StaffChannel;
  priority: number;
}
/** `POST /api/v1/agents/:id/queues`: add the agent to every queue of a channel. */
export interface AddToChannelQueuesRequest {
  channel: StaffChannel;
  priority?: number;
}
export interface AddToChannelQueuesResponse {
  added: number;
  memberships: AgentQueueMembership[];
}
