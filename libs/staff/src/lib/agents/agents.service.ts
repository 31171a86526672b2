import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditService } from '@switchboard/audit';
import { AuditAction, Role, type Agent, type CreatedAgent, type CurrentUser, type Page } from '@switchboard/contracts';
import { containsPattern, direction, isUniqueViolation, pageOf } from '@switchboard/db';
import { forbidden } from '@switchboard/permissions';
import { AgentAccessPolicy, QueuesService } from '@switchboard/queues';
import { DataSource, In, IsNull, type Repository } from 'typeorm';
import type { AgentListQueryDto, CreateAgentDto, UpdateAgentDto } from '../dto/agent.dto';
import { AvatarEntity } from '../entities/avatar.entity';
import { UserEntity } from '../entities/user.entity';
import { AgentEvents } from '../agent-events';
import { STAFF_CREDENTIALS, USER_NOTIFIER, type StaffCredentials, type UserNotifier } from '../ports';
import { SeatsService } from '../seats.service';
import { agentNotFound, conflict, invalid, UNIQUE_FIELDS } from '../staff-errors';
import { agentColumns, refusedFields } from './agent-input';
import { permissionsOf, toAgent } from './agent.mapper';
import { nextExtensions } from './extensions';

const SORT_EXPRESSION = {
  username: 'lower(u.username)',
  fullName: 'lower(u.full_name)',
  email: 'lower(u.email)',
  role: 'u.role',
  extension: 'u.extension',
  createdAt: 'u.created_at',
} as const;

/** One agent ready to insert: its columns and its password hash. */
export interface PreparedAgent {
  columns: Partial<UserEntity>;
  passwordHash: string;
}

/** Agents: the people who sign in, with the profile of the seed. */
@Injectable()
export class AgentsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(AvatarEntity) private readonly avatars: Repository<AvatarEntity>,
    @Inject(STAFF_CREDENTIALS) private readonly credentials: StaffCredentials,
    private readonly access: AgentAccessPolicy,
    private readonly queues: QueuesService,
    private readonly seats: SeatsService,
    private readonly audit: AuditService,
    private readonly events: AgentEvents,
    @Optional() @Inject(USER_NOTIFIER) private readonly notifier?: UserNotifier,
  ) {}

  async list(actor: CurrentUser, query: AgentListQueryDto): Promise<Page<Agent>> {
    const builder = this.users.createQueryBuilder('u').where('u.deleted_at is null');
    const visible = await this.access.visibleAgents(actor);
    if (!visible.all) builder.andWhere('u.id = any(:visible::uuid[])', { visible: visible.ids });
    if (query.queueId) builder.andWhere('u.id = any(:members::uuid[])', { members: await this.queues.memberIds(query.queueId) });
    if (query.teamId) {
      builder.andWhere('exists (select 1 from staff_team_members t where t.user_id = u.id and t.team_id = :teamId)', { teamId: query.teamId });
    }
    if (query.role) builder.andWhere('u.role = :role', { role: query.role });
    if (query.typology) builder.andWhere('u.typology = :typology', { typology: query.typology });
    if (query.disabled !== undefined) builder.andWhere('u.disabled = :disabled', { disabled: query.disabled });
    if (query.q) {
      builder.andWhere(
        '(u.username ilike :q or u.full_name ilike :q or u.email ilike :q or u.alias ilike :q or u.extension ilike :q)',
        { q: containsPattern(query.q) },
      );
    }
    const order = direction(query);
    const [entities, total] = await builder
      .orderBy(SORT_EXPRESSION[query.sort], order)
      .addOrderBy('u.id', order)
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(await this.withAvatars(entities), total, query);
  }

  /** Agents by id that the actor may see, in the order of the list (for the export). */
  async visible(actor: CurrentUser, ids?: readonly string[]): Promise<Agent[]> {
    const builder = this.users.createQueryBuilder('u').where('u.deleted_at is null');
    const visible = await this.access.visibleAgents(actor);
    if (!visible.all) builder.andWhere('u.id = any(:visible::uuid[])', { visible: visible.ids });
    if (ids) builder.andWhere('u.id = any(:ids::uuid[])', { ids });
    return this.withAvatars(await builder.orderBy('lower(u.username)').getMany());
  }

  async get(actor: CurrentUser, id: string): Promise<Agent> {
    const entity = await this.live(id);
    await this.access.assertMayRead(actor, entity);
    return (await this.withAvatars([entity]))[0] as Agent;
  }

  async create(actor: CurrentUser, dto: CreateAgentDto): Promise<CreatedAgent> {
    const refused = refusedFields(actor, dto);
    if (refused.length) throw forbidden('You may not set these fields', refused);
    if (actor.role !== Role.Admin && !dto.queueIds?.length) {
      throw invalid('queueIds', 'A supervisor must place the new agent in at least one of their queues');
    }
    const generated = dto.password === undefined ? this.credentials.generatePassword() : undefined;
    const password = dto.password ?? (generated as string);
    const problem = (await this.credentials.passwordRules())(password, dto);
    if (problem) throw invalid('password', problem);
    const prepared: PreparedAgent = { columns: { role: Role.Agent, ...agentColumns(dto) }, passwordHash: await this.credentials.hashPassword(password) };
    const [id] = await this.saveNew(actor, [prepared], dto.queueIds ?? []);
    const agent = await this.get(actor, id as string);
    await this.audit.record({ action: AuditAction.AgentCreated, target: agentTarget(agent), details: { role: agent.role } });
    return generated ? { ...agent, generatedPassword: generated } : agent;
  }

  /**
   * Inserts agents, their password hashes and their queue places in one transaction, within the
   * licence seats. Answers the new ids in input order. Duplicates answer 409 naming the field.
   */
  async saveNew(actor: CurrentUser, agents: readonly PreparedAgent[], queueIds: readonly string[]): Promise<string[]> {
    return this.translateUnique(() =>
      this.dataSource.transaction(async (manager) => {
        await this.seats.reserve(manager, agents.filter((a) => !a.columns.disabled).length);
        const extensions = await nextExtensions(manager, agents.filter((a) => !a.columns.extension).length);
        const rows = agents.map((a) => ({ ...a.columns, extension: a.columns.extension ?? extensions.pop() }));
        const ids: string[] = [];
        for (let start = 0; start < rows.length; start += 500) {
          const result = await manager.getRepository(UserEntity).createQueryBuilder().insert().values(rows.slice(start, start + 500)).returning('id').execute();
          ids.push(...(result.raw as { id: string }[]).map((r) => r.id));
        }
        await this.credentials.storeHashes(manager, ids.map((userId, i) => ({ userId, hash: (agents[i] as PreparedAgent).passwordHash })));
        await this.queues.placeNewAgents(manager, actor, ids, queueIds);
        return ids;
      }),
    ).then(async (ids) => {
      await this.events.changed(ids);
      return ids;
    });
  }

  async update(actor: CurrentUser, id: string, dto: UpdateAgentDto): Promise<Agent> {
    const current = await this.live(id);
    await this.access.assertMayManage(actor, [current]);
    const refused = refusedFields(actor, dto);
    if (actor.id === id) {
      if (dto.role !== undefined && dto.role !== current.role) refused.push({ field: 'role', messages: ['You may not change your own role'] });
      if (dto.disabled === true) refused.push({ field: 'disabled', messages: ['You may not disable your own account'] });
    }
    if (refused.length) throw forbidden('You may not set these fields', refused);
    const columns = agentColumns(dto, current);
    await this.translateUnique(() =>
      this.dataSource.transaction(async (manager) => {
        if (current.disabled && columns.disabled === false) await this.seats.reserve(manager, 1);
        await manager.getRepository(UserEntity).update({ id }, columns);
        for (const record of changeRecords(current, columns)) await this.audit.record({ ...record, target: agentTarget(current) }, manager);
      }),
    );
    const roleChanged = columns.role !== undefined && columns.role !== current.role;
    if (columns.disabled === true && !current.disabled) await this.credentials.endSessions([id], 'The account was disabled');
    else if (roleChanged) await this.credentials.endSessions([id], 'Your role changed; sign in again');
    if (columns.maskSensitiveData !== undefined && columns.maskSensitiveData !== current.maskSensitiveData) {
      await this.notifier?.maskingChanged(id, columns.maskSensitiveData);
    }
    await this.events.changed([id]);
    return this.get(actor, id);
  }

  /** Deletes agents (all or none): they can no longer sign in; their rows stay for history. */
  async remove(actor: CurrentUser, ids: readonly string[]): Promise<number> {
    const unique = [...new Set(ids)];
    if (unique.includes(actor.id)) throw forbidden('You may not delete your own account', [{ field: 'ids', messages: ['Includes you'] }]);
    const targets = await this.users.findBy({ id: In(unique), deletedAt: IsNull() });
    if (targets.length !== unique.length) throw agentNotFound();
    await this.access.assertMayManage(actor, targets);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(UserEntity).update({ id: In(unique) }, { deletedAt: new Date(), disabled: true });
      await manager.query('delete from staff_team_members where user_id = any($1::uuid[])', [unique]);
      await manager.getRepository(AvatarEntity).delete({ userId: In(unique) });
      await this.queues.removeEverywhere(manager, unique);
      await this.credentials.forget(manager, unique);
      for (const target of targets) await this.audit.record({ action: AuditAction.AgentDeleted, target: agentTarget(target) }, manager);
    });
    await this.credentials.endSessions(unique, 'The account was deleted');
    await this.events.changed(unique);
    return unique.length;
  }

  /** Sets (or, without one, generates) an agent's password. */
  async setPassword(actor: CurrentUser, id: string, password?: string): Promise<{ generatedPassword?: string }> {
    const target = await this.live(id);
    if (actor.id !== id) await this.access.assertMayManage(actor, [target]);
    const generated = password === undefined ? this.credentials.generatePassword() : undefined;
    const chosen = password ?? (generated as string);
    const problem = (await this.credentials.passwordRules())(chosen, target);
    if (problem) throw invalid('password', problem);
    const hash = await this.credentials.hashPassword(chosen);
    await this.dataSource.transaction(async (manager) => {
      await this.credentials.storeHashes(manager, [{ userId: id, hash }]);
      await this.audit.record({ action: AuditAction.PasswordChanged, target: agentTarget(target), details: { by: actor.id === id ? 'self' : 'manager' } }, manager);
    });
    await this.credentials.endSessions([id], 'Your password was changed; sign in again');
    return generated ? { generatedPassword: generated } : {};
  }

  /** A live agent the actor may manage (for the avatar and team endpoints). */
  async manageable(actor: CurrentUser, id: string): Promise<UserEntity> {
    const entity = await this.live(id);
    await this.access.assertMayManage(actor, [entity]);
    return entity;
  }

  /** A live agent the actor may see. */
  async readable(actor: CurrentUser, id: string): Promise<UserEntity> {
    const entity = await this.live(id);
    await this.access.assertMayRead(actor, entity);
    return entity;
  }

  private async live(id: string): Promise<UserEntity> {
    const entity = await this.users.findOneBy({ id, deletedAt: IsNull() });
    if (!entity) throw agentNotFound();
    return entity;
  }

  private async withAvatars(entities: UserEntity[]): Promise<Agent[]> {
    const ids = entities.map((e) => e.id);
    const withAvatar = new Set(
      ids.length ? (await this.avatars.find({ select: { userId: true }, where: { userId: In(ids) } })).map((a) => a.userId) : [],
    );
    return entities.map((e) => toAgent(e, withAvatar.has(e.id)));
  }

  private async translateUnique<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint;
      if (isUniqueViolation(error) && constraint && UNIQUE_FIELDS[constraint]) {
        const field = UNIQUE_FIELDS[constraint];
        throw conflict(field, `This ${field} is already used by another agent`);
      }
      throw error;
    }
  }
}

/** How an agent appears as the target of an audit row. */
function agentTarget(agent: { id: string; username: string }): { type: string; id: string; name: string } {
  return { type: 'agent', id: agent.id, name: agent.username };
}

/** The audit rows an agent update calls for: role, permissions, masking and the disabled switch, with before and after. */
function changeRecords(current: UserEntity, columns: Partial<UserEntity>): { action: AuditAction; details: Record<string, unknown> }[] {
  const records: { action: AuditAction; details: Record<string, unknown> }[] = [];
  if (columns.role !== undefined && columns.role !== current.role) {
    records.push({ action: AuditAction.RoleChanged, details: { before: current.role, after: columns.role } });
  }
  if (columns.permissions !== undefined && JSON.stringify(permissionsOf(columns.permissions)) !== JSON.stringify(permissionsOf(current.permissions))) {
    records.push({ action: AuditAction.PermissionsChanged, details: { before: permissionsOf(current.permissions), after: permissionsOf(columns.permissions) } });
  }
  if (columns.maskSensitiveData !== undefined && columns.maskSensitiveData !== current.maskSensitiveData) {
    records.push({ action: AuditAction.MaskingChanged, details: { before: current.maskSensitiveData, after: columns.maskSensitiveData } });
  }
  if (columns.disabled !== undefined && columns.disabled !== current.disabled) {
    records.push({ action: columns.disabled ? AuditAction.AccountDisabled : AuditAction.AccountEnabled, details: { before: current.disabled, after: columns.disabled } });
  }
  return records;
}
