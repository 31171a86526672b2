import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@switchboard/audit';
import { AuditAction, type SessionInfo } from '@switchboard/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { returningRows, SqlStatement } from '@switchboard/db';
import { DataSource } from 'typeorm';
import { Clock } from '../clock';
import { SECURITY_OPTIONS, type SecurityOptions } from '../security-options';
import { SecurityException } from '../security.exception';
import { SessionEvents } from './session-events';

/** Refresh tokens are random; a fast hash is enough to store them (nothing to brute-force). */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
const newToken = () => randomBytes(32).toString('base64url');

export interface NewSession {
  sessionId: string;
  refreshToken: string;
  expiresAt: Date;
}

interface SessionRow {
  id: string;
  user_id: string;
  created_at: Date;
  last_used_at: Date;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

/**
 * Signed-in devices. Each session is one family of refresh tokens: every refresh spends the
 * token and hands out the next; a spent token coming back means it was stolen, so the whole
 * family (the session) ends.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly events: SessionEvents,
    private readonly audit: AuditService,
    @Inject(SECURITY_OPTIONS) private readonly options: SecurityOptions,
  ) {}

  async create(userId: string, client: { ip: string | null; userAgent: string | null }): Promise<NewSession> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.options.refreshTokenTtlSeconds * 1000);
    const refreshToken = newToken();
    const sessionId = await this.dataSource.transaction(async (manager) => {
      const [session] = (await manager.query(
        `insert into security_sessions (user_id, created_at, last_used_at, expires_at, ip, user_agent) values ($1, $2, $2, $3, $4, $5) returning id`,
        [userId, now, expiresAt, client.ip, client.userAgent],
      )) as { id: string }[];
      const id = (session as { id: string }).id;
      await manager.query('insert into security_refresh_tokens (token_hash, session_id, created_at) values ($1, $2, $3)', [hashToken(refreshToken), id, now]);
      return id;
    });
    return { sessionId, refreshToken, expiresAt };
  }

  /**
   * Spends a refresh token and answers the next one. A token spent before revokes its session;
   * an unknown, expired or revoked one is refused. Atomic, so two nodes cannot both spend it.
   */
  async rotate(refreshToken: string): Promise<NewSession & { userId: string }> {
    const now = this.clock.now();
    const hash = hashToken(refreshToken);
    const next = newToken();
    const outcome = await this.dataSource.transaction(async (manager) => {
      const spent = await returningRows<{ id: string; user_id: string; expires_at: Date; revoked_at: Date | null }>(manager, `update security_refresh_tokens t set used_at = $2
         from security_sessions s
         where t.token_hash = $1 and t.used_at is null and s.id = t.session_id
         returning s.id, s.user_id, s.expires_at, s.revoked_at`,
        [hash, now]);
      const session = spent[0];
      if (!session) {
        const [reused] = (await manager.query(
          'select s.id, s.user_id from security_refresh_tokens t join security_sessions s on s.id = t.session_id where t.token_hash = $1 and s.revoked_at is null',
          [hash],
        )) as { id: string; user_id: string }[];
        return reused ? ({ kind: 'reused', ...reused } as const) : ({ kind: 'unknown' } as const);
      }
      if (session.revoked_at || session.expires_at <= now) return { kind: 'unknown' } as const;
      await manager.query('insert into security_refresh_tokens (token_hash, session_id, created_at) values ($1, $2, $3)', [hashToken(next), session.id, now]);
      await manager.query('update security_sessions set last_used_at = $2 where id = $1', [session.id, now]);
      return { kind: 'rotated', sessionId: session.id, userId: session.user_id, expiresAt: session.expires_at } as const;
    });
    if (outcome.kind === 'reused') {
      await this.revoke([outcome.id], 'A used refresh token came back; signed out for safety');
      await this.audit.record({ action: AuditAction.RefreshTokenReused, actor: null, target: { type: 'session', id: outcome.id }, details: { userId: outcome.user_id } });
    }
    if (outcome.kind !== 'rotated') throw SecurityException.unauthenticated('The session has ended; sign in again');
    return { sessionId: outcome.sessionId, userId: outcome.userId, refreshToken: next, expiresAt: outcome.expiresAt };
  }

  /**
   * Whether a session of this user still stands (not revoked, not expired), with the user's row
   * that another module's part (`userPart`, given the user id's SQL expression) reads, as JSON:
   * every authenticated request asks both, in one prepared statement.
   */
  async standingWith(sessionId: string, userId: string, userPart: (q: SqlStatement, name: string, userIdExpr: string) => void): Promise<{ active: boolean; user: unknown }> {
    const q = new SqlStatement();
    const user = q.param(userId, 'uuid');
    userPart(q, 'session_user_row', user);
    const [row] = await q.run<{ active: boolean; user: unknown }>(
      this.dataSource,
      `select exists (select 1 from security_sessions
                       where id = ${q.param(sessionId, 'uuid')} and user_id = ${user} and revoked_at is null and expires_at > ${q.param(this.clock.now(), 'timestamptz')}) as active,
              (select row_to_json(u) from session_user_row u) as user`,
    );
    return { active: row?.active ?? false, user: row?.user ?? null };
  }

  async list(userId: string, currentSessionId?: string): Promise<SessionInfo[]> {
    const rows = (await this.dataSource.query(
      `select id, user_id, created_at, last_used_at, expires_at, ip, user_agent from security_sessions
       where user_id = $1 and revoked_at is null and expires_at > $2 order by last_used_at desc`,
      [userId, this.clock.now()],
    )) as SessionRow[];
    return rows.map((row) => ({
      id: row.id,
      userId: row.user_id,
      createdAt: row.created_at.toISOString(),
      lastUsedAt: row.last_used_at.toISOString(),
      expiresAt: row.expires_at.toISOString(),
      ip: row.ip,
      userAgent: row.user_agent,
      current: row.id === currentSessionId,
    }));
  }

  async countActive(userId: string): Promise<number> {
    const [row] = (await this.dataSource.query(
      'select count(*)::int as n from security_sessions where user_id = $1 and revoked_at is null and expires_at > $2',
      [userId, this.clock.now()],
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  /** The live session a refresh token (spent or not) belongs to, or null. */
  async sessionOfRefreshToken(refreshToken: string): Promise<{ id: string; userId: string } | null> {
    const [row] = (await this.dataSource.query(
      'select s.id, s.user_id from security_refresh_tokens t join security_sessions s on s.id = t.session_id where t.token_hash = $1 and s.revoked_at is null',
      [hashToken(refreshToken)],
    )) as { id: string; user_id: string }[];
    return row ? { id: row.id, userId: row.user_id } : null;
  }

  /** The owner of a live session, or null. */
  async ownerOf(sessionId: string): Promise<string | null> {
    const [row] = (await this.dataSource.query('select user_id from security_sessions where id = $1 and revoked_at is null', [sessionId])) as {
      user_id: string;
    }[];
    return row?.user_id ?? null;
  }

  /** Ends single sessions, and cuts their sockets. */
  async revoke(sessionIds: readonly string[], reason: string): Promise<void> {
    if (!sessionIds.length) return;
    await this.dataSource.query(
      'update security_sessions set revoked_at = $2, revoked_reason = $3 where id = any($1::uuid[]) and revoked_at is null',
      [sessionIds, this.clock.now(), reason],
    );
    await this.events.ended({ sessionIds, reason });
  }

  /** Ends every session of these users (but `except`, the caller's own), and cuts their sockets. */
  async revokeAllOf(userIds: readonly string[], reason: string, except?: string): Promise<void> {
    if (!userIds.length) return;
    const rows = await returningRows<{ id: string }>(this.dataSource, `update security_sessions set revoked_at = $2, revoked_reason = $3
       where user_id = any($1::uuid[]) and revoked_at is null and id is distinct from $4::uuid returning id`,
      [userIds, this.clock.now(), reason, except ?? null]);
    if (except) await this.events.ended({ sessionIds: rows.map((r) => r.id), reason });
    else await this.events.ended({ userIds, reason });
  }
}
