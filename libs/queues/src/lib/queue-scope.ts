import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** Who supervises what: the queue-scoped part of access control. */
@Injectable()
export class QueueScope {
  constructor(private readonly dataSource: DataSource) {}

  async supervisedQueueIds(supervisorId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { queue_id: string }[] = await manager.query('select queue_id from queue_supervisors where supervisor_id = $1', [supervisorId]);
    return rows.map((r) => r.queue_id);
  }

  /** The agents who are members of at least one queue the supervisor is enabled on. */
  async supervisedAgentIds(supervisorId: string): Promise<string[]> {
    const rows: { agent_id: string }[] = await this.dataSource.query(
      `select distinct m.agent_id from queue_members m
         join queue_supervisors s on s.queue_id = m.queue_id
        where s.supervisor_id = $1`,
      [supervisorId],
    );
    return rows.map((r) => r.agent_id);
  }

  /** Whether every one of the agents is in one of the supervisor's queues. */
  async supervisesAll(supervisorId: string, agentIds: readonly string[]): Promise<boolean> {
    if (!agentIds.length) return true;
    const [row]: { n: number }[] = await this.dataSource.query(
      `select count(distinct m.agent_id)::int as n from queue_members m
         join queue_supervisors s on s.queue_id = m.queue_id
        where s.supervisor_id = $1 and m.agent_id = any($2::uuid[])`,
      [supervisorId, [...new Set(agentIds)]],
    );
    return row?.n === new Set(agentIds).size;
  }

  async supervisesQueue(supervisorId: string, queueId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('select 1 from queue_supervisors where supervisor_id = $1 and queue_id = $2', [
      supervisorId,
      queueId,
    ]);
    return rows.length > 0;
  }
}
