import { Injectable } from '@nestjs/common';
import { DomainException, ErrorCode, invalidField, type CurrentUser, type Invitation, type InvitationSite, type Page } from '@switchboard/contracts';
import { pageOf, returningRows } from '@switchboard/db';
import type { InvitationGrant, Invitations } from '@switchboard/plugin-sdk';
import { AgentAccessPolicy } from '@switchboard/queues';
import { SitesService } from '@switchboard/sites';
import { UsersService } from '@switchboard/staff';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { InvitationQueryDto } from './invitation.dto';

/** Invitations are web chat's for now: a site is the chat channel's account. */
const CHAT = 'chat';

interface InvitationRow {
  id: string;
  code: string;
  accountId: string;
  agentId: string;
  reusable: boolean;
  uses: number;
  createdAt: Date;
  lastUsedAt: Date | null;
  invalidatedAt: Date | null;
}

const SELECT = `select id, code, account_id as "accountId", agent_id as "agentId", reusable, uses, created_at as "createdAt",
  last_used_at as "lastUsedAt", invalidated_at as "invalidatedAt" from chat_invitations`;

/** The condition of an invitation that can still open a chat. */
const VALID = '(invalidated_at is null and (reusable or uses = 0))';

/** 128 random bits: the code is the only key to the invitation. */
const newCode = () => randomBytes(16).toString('base64url');
const CODE = /^[A-Za-z0-9_-]{22}$/;

const notFound = () => new DomainException(ErrorCode.NotFound, 'Invitation not found');

/** What the intake redeemed: the agent the new interaction goes to. */
export interface Redeemed {
  id: string;
  agentId: string;
}

/**
 * Chat invitations (seed 001): an agent's link opens one chat with them, a REST-made one any
 * number; any can be invalidated; none expires. The code is redeemed when the chat opens
 * (atomically: one-chat codes open exactly one), and given back when opening fails.
 */
@Injectable()
export class InvitationsService implements Invitations {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sites: SitesService,
    private readonly users: UsersService,
    private readonly access: AgentAccessPolicy,
  ) {}

  /** An invitation made through the API (by `actor`, for themself or for an agent they manage: admins any, supervisors their queues' agents). */
  async createFor(actor: CurrentUser, input: { siteId: string; reusable?: boolean; agentId?: string }): Promise<Invitation> {
    const agentId = input.agentId ?? actor.id;
    if (agentId !== actor.id) {
      const [agent] = await this.users.summaries([agentId]);
      if (!agent) throw invalidField('agentId', 'No such agent');
      await this.access.assertMayManage(actor, [agent]);
    }
    const { invitation } = await this.create({ channelId: CHAT, accountId: input.siteId, agentId, reusable: input.reusable ?? true, createdBy: actor.id });
    return invitation;
  }

  async create(input: { channelId: string; accountId: string; agentId: string; reusable: boolean; createdBy?: string }): Promise<{ invitation: Invitation; code: string }> {
    if (input.channelId !== CHAT) throw invalidField('channelId', 'Invitations open web chats only');
    const site = (await this.sites.enabledNames()).find((s) => s.id === input.accountId);
    if (!site) throw invalidField('siteId', 'No enabled site has this id');
    await this.users.requireActive('agentId', [input.agentId]);
    const code = newCode();
    const [row] = await this.dataSource.query(
      `insert into chat_invitations (code, channel, account_id, agent_id, created_by, reusable) values ($1, $2, $3, $4, $5, $6)
       returning id, code, account_id as "accountId", agent_id as "agentId", reusable, uses, created_at as "createdAt", last_used_at as "lastUsedAt", invalidated_at as "invalidatedAt"`,
      [code, CHAT, input.accountId, input.agentId, input.createdBy ?? null, input.reusable],
    );
    const [invitation] = await this.views([row as InvitationRow], new Map([[site.id, site.name]]));
    return { invitation: invitation as Invitation, code };
  }

  async list(actor: CurrentUser, query: InvitationQueryDto): Promise<Page<Invitation>> {
    // Admins see everyone's, supervisors their agents' and their own, agents their own.
    const visible = await this.access.visibleAgents(actor);
    const agentIds = visible.all ? null : [...new Set([...visible.ids, actor.id])];
    if (query.agentId && agentIds && !agentIds.includes(query.agentId)) return pageOf([], 0, query);
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.agentId) where.push(`agent_id = $${params.push(query.agentId)}`);
    else if (agentIds) where.push(`agent_id = any($${params.push(agentIds)}::uuid[])`);
    if (query.siteId) where.push(`account_id = $${params.push(query.siteId)}`);
    if (query.valid !== undefined) where.push(query.valid ? VALID : `not ${VALID}`);
    const filter = where.length ? `where ${where.join(' and ')}` : '';
    const [{ n }] = await this.dataSource.query(`select count(*)::int as n from chat_invitations ${filter}`, params);
    const rows: InvitationRow[] = await this.dataSource.query(
      `${SELECT} ${filter} order by created_at desc, id offset ${(query.page - 1) * query.pageSize} limit ${query.pageSize}`,
      params,
    );
    return pageOf(await this.views(rows), n as number, query);
  }

  /** Invalidates an invitation: it never opens a chat again (chats it opened go on). */
  async invalidate(actor: CurrentUser, id: string): Promise<Invitation> {
    const rows: InvitationRow[] = await this.dataSource.query(`${SELECT} where id = $1`, [id]);
    const row = rows[0];
    if (!row || !(await this.mayActFor(actor, row.agentId))) throw notFound();
    const [changed] = await returningRows<InvitationRow>(
      this.dataSource,
      `update chat_invitations set invalidated_at = coalesce(invalidated_at, now()) where id = $1
       returning id, code, account_id as "accountId", agent_id as "agentId", reusable, uses, created_at as "createdAt", last_used_at as "lastUsedAt", invalidated_at as "invalidatedAt"`,
      [id],
    );
    const [view] = await this.views([changed ?? row]);
    return view as Invitation;
  }

  /** Whether the actor may act on this agent's invitations: their own, or an agent they manage. */
  private async mayActFor(actor: CurrentUser, agentId: string): Promise<boolean> {
    if (agentId === actor.id) return true;
    const [agent] = await this.users.summaries([agentId]);
    return Boolean(agent) && (await this.access.assertMayManage(actor, [agent as { id: string; role: CurrentUser['role'] }]).then(() => true, () => false));
  }

  /** The sites an agent may invite to: the enabled ones. */
  siteOptions(): Promise<InvitationSite[]> {
    return this.sites.enabledNames();
  }

  async check(channelId: string, accountId: string, code: string): Promise<InvitationGrant | null> {
    if (!CODE.test(code ?? '')) return null;
    const [row] = await this.dataSource.query(`select id, agent_id as "agentId" from chat_invitations where code = $1 and channel = $2 and account_id = $3 and ${VALID}`, [code, channelId, accountId]);
    if (!row) return null;
    const [agent] = await this.users.summaries([(row as { agentId: string }).agentId]);
    return agent && !agent.disabled ? { invitationId: (row as { id: string }).id, agentId: agent.id, agentName: agent.fullName } : null;
  }

  /** Spends one use of a valid code of this account: the agent the chat goes to, or null (spent, invalidated, unknown). */
  async redeem(channelId: string, accountId: string, code: string): Promise<Redeemed | null> {
    if (!CODE.test(code ?? '')) return null;
    const [row] = await returningRows<Redeemed>(
      this.dataSource,
      `update chat_invitations set uses = uses + 1, last_used_at = now() where code = $1 and channel = $2 and account_id = $3 and ${VALID}
       returning id, agent_id as "agentId"`,
      [code, channelId, accountId],
    );
    return row ?? null;
  }

  /** Gives back a use whose chat did not open (the message was refused, or joined one already open). */
  async release(redeemed: Redeemed): Promise<void> {
    await this.dataSource.query('update chat_invitations set uses = greatest(uses - 1, 0) where id = $1', [redeemed.id]);
  }

  /** The page a code opens: the site's chat box, or null when the code is unknown. */
  async page(code: string): Promise<{ html: string; valid: boolean } | null> {
    if (!CODE.test(code ?? '')) return null;
    const [row] = await this.dataSource.query(`select account_id as "accountId", agent_id as "agentId", ${VALID} as valid from chat_invitations where code = $1`, [code]);
    if (!row) return null;
    const { accountId, agentId, valid } = row as { accountId: string; agentId: string; valid: boolean };
    const [agent] = await this.users.summaries([agentId]);
    const usable = valid && Boolean(agent) && !agent?.disabled;
    const html = await this.sites.widgetPage(accountId, {
      title: usable ? `Chat with ${agent?.fullName}` : 'Invitation no longer valid',
      heading: usable ? `Chat with ${agent?.fullName}` : 'This invitation is no longer valid',
      text: usable ? 'Write your first message in the chat box on this page: it goes straight to them.' : 'It has been used or withdrawn. You can still start a chat with anyone available.',
      attributes: usable ? { invitation: code } : {},
    });
    return html ? { html, valid: usable } : null;
  }

  private async views(rows: InvitationRow[], knownSites?: Map<string, string>): Promise<Invitation[]> {
    const [sites, agents] = await Promise.all([knownSites ?? this.sites.namesOf(rows.map((r) => r.accountId)), this.users.summaries(rows.map((r) => r.agentId))]);
    const names = new Map(agents.map((a) => [a.id, a.fullName]));
    return rows.map((r) => ({
      id: r.id,
      url: this.sites.publicLink(`/chat/invite/${r.code}`),
      siteId: r.accountId,
      siteName: sites.get(r.accountId) ?? '',
      agentId: r.agentId,
      agentName: names.get(r.agentId) ?? '',
      reusable: r.reusable,
      uses: r.uses,
      valid: !r.invalidatedAt && (r.reusable || r.uses === 0),
      createdAt: new Date(r.createdAt).toISOString(),
      lastUsedAt: r.lastUsedAt ? new Date(r.lastUsedAt).toISOString() : null,
      invalidatedAt: r.invalidatedAt ? new Date(r.invalidatedAt).toISOString() : null,
    }));
  }
}
