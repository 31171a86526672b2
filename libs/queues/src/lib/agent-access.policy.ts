import { Injectable } from '@nestjs/common';
import { Role, type CurrentUser } from '@switchboard/contracts';
import { forbidden } from '@switchboard/permissions';
import { QueueScope } from './queue-scope';

/** The agents an actor may see: every one, or these ids. */
export type AgentVisibility = { all: true } | { all: false; ids: string[] };

/**
 * Queue-scoped access to agents: admins reach everyone; a supervisor reaches only agents (role
 * agent) who are members of a queue the supervisor is enabled on; an agent reaches only
 * themselves, and only to read.
 */
@Injectable()
export class AgentAccessPolicy {
  constructor(private readonly scope: QueueScope) {}

  async visibleAgents(actor: CurrentUser): Promise<AgentVisibility> {
    if (actor.role === Role.Admin) return { all: true };
    if (actor.role === Role.Supervisor) return { all: false, ids: await this.scope.supervisedAgentIds(actor.id) };
    return { all: false, ids: [actor.id] };
  }

  async assertMayRead(actor: CurrentUser, target: { id: string; role: Role }): Promise<void> {
    if (actor.id === target.id) return;
    await this.assertMayManage(actor, [target]);
  }

  /** Refuses with 403 unless the actor may change every one of the targets. */
  async assertMayManage(actor: CurrentUser, targets: readonly { id: string; role: Role }[]): Promise<void> {
    if (actor.role === Role.Admin) return;
    const outside = forbidden('You may only manage agents who are members of your queues');
    if (actor.role !== Role.Supervisor || targets.some((t) => t.role !== Role.Agent)) throw outside;
    if (!(await this.scope.supervisesAll(actor.id, targets.map((t) => t.id)))) throw outside;
  }
}
