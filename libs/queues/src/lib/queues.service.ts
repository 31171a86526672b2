import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DEFAULT_QUEUE_ROUTING,
  DomainException,
  ErrorCode,
  Role,
  type AgentQueueMembership,
  type CurrentUser,
  type Page,
  type Queue,
  type QueueMember,
  type QueueRouting,
  type StaffChannel,
  type StaffSummary,
} from '@switchboard/contracts';
import { containsPattern, direction, isForeignKeyViolation, isUniqueViolation, pageOf, preparedQuery, type SqlStatement } from '@switchboard/db';
import { forbidden } from '@switchboard/permissions';
import { DataSource, type EntityManager, type Repository } from 'typeorm';
import { AgentAccessPolicy } from './agent-access.policy';
import type { CreateQueueDto, QueueListQueryDto, UpdateQueueDto } from './dto/queue.dto';
import { QueueMemberEntity } from './entities/queue-member.entity';
import { QueueSupervisorEntity } from './entities/queue-supervisor.entity';
import { QueueEntity } from './entities/queue.entity';
import { queueNameTaken, queueNotFound, userNotFound } from './queue-errors';
import { QueueScope } from './queue-scope';
import { STAFF_DIRECTORY, type StaffDirectory } from './staff-directory';

type QueueRow = QueueEntity & { memberCount: number; supervisorCount: number };

const SORT_EXPRESSION: Record<QueueListQueryDto['sort'], string> = {
  name: 'lower(q.name)',
  channel: 'q.channel',
  memberCount: '"memberCount"',
  createdAt: 'q.created_at',
};

/** A queue as the router needs it. */
export interface RoutingQueue extends QueueRouting {
  id: string;
  name: string;
  channel: StaffChannel;
}
/** A member as the router tries them (priority 1 first). */
export interface RoutingMember {
  agentId: string;
  priority: number;
}

function toQueue(row: QueueRow): Queue {
  return {
    id: row.id,
    name: row.name,
    channel: row.channel,
    description: row.description,
    strategy: row.strategy,
    offerTimeoutSeconds: row.offerTimeoutSeconds,
    maxWaitSeconds: row.maxWaitSeconds,
    overflowAction: row.overflowAction,
    overflowQueueId: row.overflowQueueId,
    memberCount: Number(row.memberCount),
    supervisorCount: Number(row.supervisorCount),
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/** Queues per channel, their members (with a priority) and the supervisors enabled on them. */
@Injectable()
export class QueuesService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(QueueEntity) private readonly queues: Repository<QueueEntity>,
    @InjectRepository(QueueMemberEntity) private readonly members: Repository<QueueMemberEntity>,
    @InjectRepository(QueueSupervisorEntity) private readonly supervisors: Repository<QueueSupervisorEntity>,
    private readonly scope: QueueScope,
    private readonly access: AgentAccessPolicy,
    @Inject(STAFF_DIRECTORY) private readonly directory: StaffDirectory,
  ) {}

  private rows() {
    return this.queues
      .createQueryBuilder('q')
      .select('q.id', 'id')
      .addSelect('q.name', 'name')
      .addSelect('q.channel', 'channel')
      .addSelect('q.description', 'description')
      .addSelect('q.strategy', 'strategy')
      .addSelect('q.offer_timeout_seconds', 'offerTimeoutSeconds')
      .addSelect('q.max_wait_seconds', 'maxWaitSeconds')
      .addSelect('q.overflow_action', 'overflowAction')
      .addSelect('q.overflow_queue_id', 'overflowQueueId')
      .addSelect('q.created_at', 'createdAt')
      .addSelect('(select count(*) from queue_members m where m.queue_id = q.id)', 'memberCount')
      .addSelect('(select count(*) from queue_supervisors s where s.queue_id = q.id)', 'supervisorCount');
  }

  async list(actor: CurrentUser, query: QueueListQueryDto): Promise<Page<Queue>> {
    const builder = this.rows();
    if (actor.role !== Role.Admin) builder.andWhere('q.id = any(:own::uuid[])', { own: await this.scope.supervisedQueueIds(actor.id) });
    if (query.channel) builder.andWhere('q.channel = :channel', { channel: query.channel });
    if (query.q) builder.andWhere('(q.name ilike :q or q.description ilike :q)', { q: containsPattern(query.q) });
    const total = await builder.getCount();
    const rows = await builder
      .orderBy(SORT_EXPRESSION[query.sort], direction(query))
      .addOrderBy('q.id', direction(query))
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getRawMany<QueueRow>();
    return pageOf(rows.map(toQueue), total, query);
  }

  /** A queue the actor may see: any for admins, their own for supervisors. */
  async get(actor: CurrentUser, id: string): Promise<Queue> {
    const row = await this.rows().where('q.id = :id', { id }).getRawOne<QueueRow>();
    if (!row) throw queueNotFound();
    await this.assertSupervises(actor, id);
    return toQueue(row);
  }

  async create(dto: CreateQueueDto): Promise<Queue> {
    await this.checkOverflow(null, dto);
    try {
      const saved = await this.queues.save(
        this.queues.create({
          name: dto.name,
          channel: dto.channel,
          description: dto.description ?? null,
          strategy: dto.strategy ?? DEFAULT_QUEUE_ROUTING.strategy,
          offerTimeoutSeconds: dto.offerTimeoutSeconds ?? DEFAULT_QUEUE_ROUTING.offerTimeoutSeconds,
          maxWaitSeconds: dto.maxWaitSeconds ?? DEFAULT_QUEUE_ROUTING.maxWaitSeconds,
          overflowAction: dto.overflowAction ?? DEFAULT_QUEUE_ROUTING.overflowAction,
          overflowQueueId: dto.overflowQueueId ?? null,
        }),
      );
      return toQueue({ ...saved, memberCount: 0, supervisorCount: 0 });
    } catch (error) {
      if (isUniqueViolation(error)) throw queueNameTaken();
      throw error;
    }
  }

  async update(actor: CurrentUser, id: string, dto: UpdateQueueDto): Promise<Queue> {
    const existing = await this.queues.findOneBy({ id });
    if (!existing) throw queueNotFound();
    if (dto.channel && dto.channel !== existing.channel && (await this.members.countBy({ queueId: id })) > 0) {
      throw new DomainException(ErrorCode.Conflict, 'Remove the members before changing the channel', [
        { field: 'channel', messages: ['The queue has members'] },
      ]);
    }
    await this.checkOverflow(existing, dto);
    try {
      await this.queues.update({ id }, { ...dto });
    } catch (error) {
      if (isUniqueViolation(error)) throw queueNameTaken();
      throw error;
    }
    return this.get(actor, id);
  }

  async remove(id: string): Promise<void> {
    const result = await this.queues.delete({ id });
    if (!result.affected) throw queueNotFound();
  }

  async listMembers(actor: CurrentUser, queueId: string): Promise<QueueMember[]> {
    await this.get(actor, queueId);
    const rows = await this.members.findBy({ queueId });
    const people = new Map((await this.directory.summaries(rows.map((r) => r.agentId))).map((p) => [p.id, p]));
    return rows
      .flatMap((r) => {
        const person = people.get(r.agentId);
        return person ? [{ ...person, priority: r.priority }] : [];
      })
      .sort((a, b) => a.priority - b.priority || a.fullName.localeCompare(b.fullName));
  }

  async addMember(actor: CurrentUser, queueId: string, agentId: string, priority = 1): Promise<QueueMember> {
    await this.get(actor, queueId);
    const person = await this.person(agentId);
    await this.access.assertMayManage(actor, [person]);
    try {
      await this.members.insert({ queueId, agentId, priority });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainException(ErrorCode.Conflict, 'Already a member of this queue', [{ field: 'agentId', messages: ['Already a member'] }]);
      }
      throw error;
    }
    return { ...person, priority };
  }

  async updateMember(actor: CurrentUser, queueId: string, agentId: string, priority: number): Promise<QueueMember> {
    await this.get(actor, queueId);
    const person = await this.person(agentId);
    await this.access.assertMayManage(actor, [person]);
    const result = await this.members.update({ queueId, agentId }, { priority });
    if (!result.affected) throw new DomainException(ErrorCode.NotFound, 'Not a member of this queue');
    return { ...person, priority };
  }

  async removeMember(actor: CurrentUser, queueId: string, agentId: string): Promise<void> {
    await this.get(actor, queueId);
    const person = await this.person(agentId);
    await this.access.assertMayManage(actor, [person]);
    const result = await this.members.delete({ queueId, agentId });
    if (!result.affected) throw new DomainException(ErrorCode.NotFound, 'Not a member of this queue');
  }

  async listSupervisors(actor: CurrentUser, queueId: string): Promise<StaffSummary[]> {
    await this.get(actor, queueId);
    const rows = await this.supervisors.findBy({ queueId });
    return (await this.directory.summaries(rows.map((r) => r.supervisorId))).sort((a, b) => a.fullName.localeCompare(b.fullName));
  }

  async addSupervisor(actor: CurrentUser, queueId: string, supervisorId: string): Promise<StaffSummary> {
    await this.get(actor, queueId);
    const person = await this.person(supervisorId);
    if (person.role !== Role.Supervisor) {
      throw new DomainException(ErrorCode.ValidationFailed, 'Only a supervisor can be enabled on a queue', [
        { field: 'agentId', messages: [`${person.username} is not a supervisor`] },
      ]);
    }
    try {
      await this.supervisors.insert({ queueId, supervisorId });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainException(ErrorCode.Conflict, 'Already enabled on this queue', [{ field: 'agentId', messages: ['Already a supervisor'] }]);
      }
      throw error;
    }
    return person;
  }

  async removeSupervisor(queueId: string, supervisorId: string): Promise<void> {
    const result = await this.supervisors.delete({ queueId, supervisorId });
    if (!result.affected) throw new DomainException(ErrorCode.NotFound, 'Not a supervisor of this queue');
  }

  /** The queues an agent is a member of (for the agent, their supervisors and admins). */
  async membershipsOf(actor: CurrentUser, agentId: string): Promise<AgentQueueMembership[]> {
    await this.access.assertMayRead(actor, await this.person(agentId));
    return this.memberships(agentId);
  }

  /**
   * Adds the agent to every queue of a channel the actor may manage (all of them for an admin,
   * the supervisor's own otherwise) where they are not a member yet.
   */
  async addToChannelQueues(actor: CurrentUser, agentId: string, channel: StaffChannel, priority = 1) {
    await this.access.assertMayManage(actor, [await this.person(agentId)]);
    const own = actor.role === Role.Admin ? null : await this.scope.supervisedQueueIds(actor.id);
    const inserted: unknown[] = await this.dataSource.query(
      `insert into queue_members (queue_id, agent_id, priority)
       select q.id, $1, $2 from queues q
        where q.channel = $3 and ($4::uuid[] is null or q.id = any($4::uuid[]))
       on conflict do nothing
       returning queue_id`,
      [agentId, priority, channel, own],
    );
    return { added: inserted.length, memberships: await this.memberships(agentId) };
  }

  /**
   * Places new agents in queues inside the caller's transaction. A supervisor may place agents
   * only in queues they are enabled on; unknown queues are refused.
   */
  async placeNewAgents(manager: EntityManager, actor: CurrentUser, agentIds: readonly string[], queueIds: readonly string[]): Promise<void> {
    const ids = [...new Set(queueIds)];
    if (!ids.length || !agentIds.length) return;
    if (actor.role !== Role.Admin) {
      const own = new Set(await this.scope.supervisedQueueIds(actor.id, manager));
      if (ids.some((id) => !own.has(id))) throw forbidden('You may only place agents in your own queues', [{ field: 'queueIds', messages: ['Not your queue'] }]);
    }
    try {
      await manager.query(
        `insert into queue_members (queue_id, agent_id) select q, a from unnest($1::uuid[]) q cross join unnest($2::uuid[]) a`,
        [ids, agentIds],
      );
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new DomainException(ErrorCode.ValidationFailed, 'Unknown queue', [{ field: 'queueIds', messages: ['No such queue'] }]);
      throw error;
    }
  }

  /** Removes a (deleted) agent from every queue, inside the caller's transaction. */
  async removeEverywhere(manager: EntityManager, agentIds: readonly string[]): Promise<void> {
    if (!agentIds.length) return;
    await manager.query('delete from queue_members where agent_id = any($1::uuid[])', [agentIds]);
    await manager.query('delete from queue_supervisors where supervisor_id = any($1::uuid[])', [agentIds]);
  }

  /** The ids of a queue's members (for the agents list's queue filter). */
  async memberIds(queueId: string): Promise<string[]> {
    return (await this.members.findBy({ queueId })).map((m) => m.agentId);
  }

  /** A queue's routing settings, or null when it was deleted. */
  async routingQueue(queueId: string): Promise<RoutingQueue | null> {
    const row = await this.queues.findOneBy({ id: queueId });
    if (!row) return null;
    const { id, name, channel, strategy, offerTimeoutSeconds, maxWaitSeconds, overflowAction, overflowQueueId } = row;
    return { id, name, channel, strategy, offerTimeoutSeconds, maxWaitSeconds, overflowAction, overflowQueueId };
  }

  /** Every queue of a channel by name: where an agent may transfer an interaction of that channel. */
  async namesOfChannel(channel: StaffChannel): Promise<Array<{ id: string; name: string }>> {
    return (await this.queues.find({ where: { channel }, order: { name: 'ASC' }, select: { id: true, name: true } })).map(({ id, name }) => ({ id, name }));
  }

  /** Who answers a queue, with their priorities. */
  async routingMembers(queueId: string): Promise<RoutingMember[]> {
    return (await this.members.findBy({ queueId })).map(({ agentId, priority }) => ({ agentId, priority }));
  }

  /** SQL rows (agent_id, priority) of a queue's members, for a statement another module composes. */
  membersSql(q: SqlStatement, queueId: string): string {
    return `select agent_id, priority from queue_members where queue_id = ${q.param(queueId, 'uuid')}`;
  }

  /** The queues an agent answers, with their channels. */
  async queuesOf(agentId: string): Promise<Array<{ queueId: string; channel: StaffChannel }>> {
    return this.queuesOfAgents([agentId]);
  }

  /** The queues these agents answer, with their channels (one read for a whole list). */
  async queuesOfAgents(agentIds: readonly string[]): Promise<Array<{ agentId: string; queueId: string; channel: StaffChannel }>> {
    // Routing asks for each agent whose room frees: prepared, planned once per connection.
    return preparedQuery(
      this.dataSource,
      `select m.agent_id as "agentId", q.id as "queueId", q.channel from queue_members m join queues q on q.id = m.queue_id where m.agent_id = any($1::uuid[])`,
      [agentIds],
    );
  }

  /** Overflow to a queue needs that queue (not this one, on the same channel). */
  private async checkOverflow(existing: QueueEntity | null, dto: UpdateQueueDto): Promise<void> {
    const action = dto.overflowAction ?? existing?.overflowAction ?? 'none';
    const target = dto.overflowQueueId !== undefined ? dto.overflowQueueId : (existing?.overflowQueueId ?? null);
    if (action !== 'queue') return;
    const fail = (message: string) => new DomainException(ErrorCode.ValidationFailed, message, [{ field: 'overflowQueueId', messages: [message] }]);
    if (!target) throw fail('Choose the queue to overflow to');
    if (existing && target === existing.id) throw fail('A queue cannot overflow to itself');
    const queue = await this.queues.findOneBy({ id: target });
    if (!queue) throw fail('No such queue');
    const channel = dto.channel ?? existing?.channel;
    if (queue.channel !== channel) throw fail('The overflow queue must be on the same channel');
  }

  private async memberships(agentId: string): Promise<AgentQueueMembership[]> {
    const rows: AgentQueueMembership[] = await this.dataSource.query(
      `select q.id as "queueId", q.name, q.channel, m.priority from queue_members m join queues q on q.id = m.queue_id
        where m.agent_id = $1 order by q.channel, lower(q.name)`,
      [agentId],
    );
    return rows;
  }

  private async person(id: string): Promise<StaffSummary & { role: Role }> {
    const [person] = await this.directory.summaries([id]);
    if (!person) throw userNotFound();
    return person;
  }

  private async assertSupervises(actor: CurrentUser, queueId: string): Promise<void> {
    if (actor.role === Role.Admin) return;
    if (actor.role !== Role.Supervisor || !(await this.scope.supervisesQueue(actor.id, queueId))) {
      throw forbidden('You are not enabled on this queue');
    }
  }
}
