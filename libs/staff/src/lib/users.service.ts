import { invalidField } from '@switchboard/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AutoAnswer, ChannelCapacity, CurrentUser, Role, StaffSummary } from '@switchboard/contracts';
import type { StaffDirectory } from '@switchboard/queues';
import { IsNull, type EntityManager, type Repository } from 'typeorm';
import { isUniqueViolation, SqlStatement } from '@switchboard/db';
import { autoAnswerOf, capacityOf, permissionsOf } from './agents/agent.mapper';
import { agentNotFound, conflict } from './staff-errors';
import { UserEntity } from './entities/user.entity';

/** A user as other modules see it. */
export interface StaffUser extends CurrentUser {
  disabled: boolean;
}

/** What routing needs of an agent: room for work, auto answer, and whether they may work at all. */
export interface RoutingProfile {
  id: string;
  username: string;
  fullName: string;
  email: string;
  /** False when disabled or deleted. */
  active: boolean;
  capacity: ChannelCapacity;
  tabLimit: number;
  autoAnswer: AutoAnswer;
  loginInPause: boolean;
}

export interface NewUser {
  username: string;
  email: string;
  fullName: string;
  role: Role;
}

type StaffUserRow = Pick<UserEntity, 'id' | 'username' | 'email' | 'fullName' | 'role' | 'disabled' | 'toastPosition' | 'maskSensitiveData' | 'permissions'>;

function toStaffUser(entity: StaffUserRow): StaffUser {
  const { id, username, email, fullName, role, disabled, toastPosition, maskSensitiveData } = entity;
  return { id, username, email, fullName, role, disabled, toastPosition, maskSensitiveData, permissions: permissionsOf(entity.permissions) };
}

/** A StaffUser from the `row_to_json` of a row of `UsersService.livePart`. */
export function staffUserFromJson(json: unknown): StaffUser {
  return toStaffUser(json as StaffUserRow);
}

/** Live (not deleted) users, for sign-in and for the other modules. */
@Injectable()
export class UsersService implements StaffDirectory {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /** Finds a user by username or e-mail, without regard to case. */
  async findByLogin(login: string): Promise<StaffUser | null> {
    const entity = await this.users
      .createQueryBuilder('u')
      .where('u.deleted_at is null and (lower(u.username) = lower(:login) or lower(u.email) = lower(:login))', { login })
      .getOne();
    return entity ? toStaffUser(entity) : null;
  }

  /** Every authenticated request reads its user: one prepared statement, only the columns a StaffUser has. */
  async findById(id: string): Promise<StaffUser | null> {
    const q = new SqlStatement();
    this.livePart(q, 'live_user', q.param(id, 'uuid'));
    const [row] = await q.run<{ user: StaffUserRow | null }>(this.users.manager.connection, 'select (select row_to_json(u) from live_user u) as user');
    return row?.user ? toStaffUser(row.user) : null;
  }

  /**
   * Part `name` of a composed statement: the live user whose id is the SQL expression `idExpr`
   * (so that a caller can ask about the user and its own tables in one round trip). Read the
   * row's `row_to_json` back with `staffUserFromJson`.
   */
  livePart(q: SqlStatement, name: string, idExpr: string): void {
    q.with(
      name,
      `select id, username, email, full_name as "fullName", role, disabled, toast_position as "toastPosition",
              mask_sensitive_data as "maskSensitiveData", permissions
         from staff_users where id = ${idExpr} and deleted_at is null`,
    );
  }

  async summaries(ids: readonly string[]): Promise<StaffSummary[]> {
    if (!ids.length) return [];
    const rows = await this.users
      .createQueryBuilder('u')
      .where('u.id = any(:ids::uuid[]) and u.deleted_at is null', { ids: [...new Set(ids)] })
      .getMany();
    return rows.map(({ id, username, fullName, role, disabled }) => ({ id, username, fullName, role, disabled }));
  }

  /**
   * Links to agents (with a priority) with each agent's names, by priority then name; links to
   * deleted users are left out.
   */
  async withNames<T extends { agentId: string; priority: number }>(links: readonly T[]): Promise<Array<T & { username: string; fullName: string }>> {
    const people = new Map((await this.summaries(links.map((l) => l.agentId))).map((p) => [p.id, p]));
    return links
      .flatMap((link) => {
        const person = people.get(link.agentId);
        return person ? [{ ...link, username: person.username, fullName: person.fullName }] : [];
      })
      .sort((a, b) => a.priority - b.priority || a.fullName.localeCompare(b.fullName));
  }

  /** Refuses (400 naming `field`) ids that are not active users: unknown, deleted or disabled. */
  async requireActive(field: string, ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    const found = new Set((await this.summaries(ids)).filter((p) => !p.disabled).map((p) => p.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw invalidField(field, `No such active user: ${missing.join(', ')}`);
  }

  /** Routing profiles of these users, deleted ones included (as not active). */
  async routingProfiles(ids: readonly string[]): Promise<RoutingProfile[]> {
    if (!ids.length) return [];
    const rows = await this.users.createQueryBuilder('u').where('u.id = any(:ids::uuid[])', { ids: [...new Set(ids)] }).getMany();
    return rows.map((u) => ({
      id: u.id,
      username: u.username,
      fullName: u.fullName,
      email: u.email,
      active: !u.disabled && !u.deletedAt,
      capacity: capacityOf(u),
      tabLimit: u.tabLimit,
      autoAnswer: autoAnswerOf(u.autoAnswer),
      loginInPause: u.loginInPause,
    }));
  }

  /** Changes a user's e-mail; 409 naming `email` when another user has it. */
  async changeEmail(id: string, email: string): Promise<StaffUser> {
    try {
      await this.users.update({ id, deletedAt: IsNull() }, { email });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('email', 'This email is already used by another agent');
      throw error;
    }
    const user = await this.findById(id);
    if (!user) throw agentNotFound();
    return user;
  }

  async count(manager?: EntityManager): Promise<number> {
    return (manager?.getRepository(UserEntity) ?? this.users).count();
  }

  /** Creates a user; pass the manager of a surrounding transaction to take part in it. */
  async create(user: NewUser, manager?: EntityManager): Promise<StaffUser> {
    const repository = manager?.getRepository(UserEntity) ?? this.users;
    const [row]: { e: string }[] = await repository.query(`select nextval('staff_extension_seq')::text as e`);
    return toStaffUser(await repository.save(repository.create({ ...user, extension: row?.e })));
  }
}
