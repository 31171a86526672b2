import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AuditService } from '@switchboard/audit';
import {
  AuditAction,
  DomainException,
  ErrorCode,
  PresenceStatus,
  StaffChannel,
  invalidField,
  type CurrentUser,
  type Page,
  type Presence,
  type PresenceEvent,
  type SetPresenceRequest,
} from '@switchboard/contracts';
import { pageOf, returningRows, type PageQueryDto } from '@switchboard/db';
import { forbidden } from '@switchboard/permissions';
import { AgentAccessPolicy, QueuesService } from '@switchboard/queues';
import { AgentEvents, UsersService, type RoutingProfile } from '@switchboard/staff';
import { DataSource } from 'typeorm';
import { Dispatcher } from '../dispatch/dispatcher';
import type { PresenceListQueryDto } from '../dto/settings.dto';
import { OfferActions } from '../offers/offer-actions';
import { RoutingNotices } from '../routing-notices';
import { PauseReasonsService } from '../settings/pause-reasons.service';
import { RoutingSettingsService } from '../settings/routing-settings.service';
import { AgentStateStore, type AgentState } from './agent-state';

/** Who changed a status: the agent, another user (audited), or the system (log-in, grace period, disabled account). */
type ChangedBy = { kind: 'self' } | { kind: 'user'; user: CurrentUser } | { kind: 'system' };

const notFound = () => new DomainException(ErrorCode.NotFound, 'Agent not found');

/**
 * Presence: offline, online, or paused with a reason; per-channel switches; kept in PostgreSQL
 * so every node sees it and it survives restarts. Consoles' sockets keep it alive (each node
 * beats for the agents connected to it); an agent gone longer than the grace period goes offline
 * and their pending offers move on. Every change is a presence event, for reports.
 */
@Injectable()
export class PresenceService implements OnModuleInit {
  private readonly logger = new Logger('PresenceService');

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly queues: QueuesService,
    private readonly access: AgentAccessPolicy,
    private readonly settings: RoutingSettingsService,
    private readonly reasons: PauseReasonsService,
    private readonly states: AgentStateStore,
    private readonly actions: OfferActions,
    private readonly dispatcher: Dispatcher,
    private readonly notices: RoutingNotices,
    private readonly audit: AuditService,
    private readonly agentEvents: AgentEvents,
  ) {}

  onModuleInit(): void {
    this.agentEvents.onChanged((ids) => this.syncProfiles(ids));
  }

  /**
   * A console of this agent connected: they are present. An agent who was offline comes online,
   * or paused when their profile says "login in pause".
   */
  async connected(agentId: string): Promise<void> {
    const [profile] = await this.users.routingProfiles([agentId]);
    if (!profile?.active) return;
    await this.upsertProfiles([profile], true);
    const state = await this.states.get(agentId);
    if (state?.status === PresenceStatus.Offline) {
      await this.apply(agentId, { status: profile.loginInPause ? PresenceStatus.Paused : PresenceStatus.Online, pauseReasonId: null }, { kind: 'system' });
    } else {
      this.dispatcher.later({ agents: [agentId] });
    }
  }

  /** This node still has consoles of these agents open. */
  async heartbeat(agentIds: readonly string[]): Promise<void> {
    if (!agentIds.length) return;
    await this.dataSource.query(
      `insert into routing_agent_beats (agent_id, last_seen_at) select a.agent_id, now() from routing_agents a where a.agent_id = any($1::uuid[])
       on conflict (agent_id) do update set last_seen_at = excluded.last_seen_at`,
      [agentIds],
    );
  }

  /** Agents not seen for the grace period go offline (on whichever node notices first). */
  async expireAbsent(graceSeconds: number): Promise<string[]> {
    const gone = await returningRows<{ agent_id: string }>(
      this.dataSource,
      `update routing_agents set status = 'offline', pause_reason_id = null, status_since = now()
        where status <> 'offline'
          and not exists (select 1 from routing_agent_beats b where b.agent_id = routing_agents.agent_id and b.last_seen_at >= now() - make_interval(secs => $1::int))
        returning agent_id`,
      [graceSeconds],
    );
    for (const { agent_id: agentId } of gone) await this.afterChange(agentId, PresenceStatus.Offline, null, { kind: 'system' });
    return gone.map((g) => g.agent_id);
  }

  async get(agentId: string): Promise<Presence> {
    const [presence] = await this.describe([agentId]);
    if (!presence) throw notFound();
    return presence;
  }

  /** An agent's presence, for an actor who may read that agent. */
  async getFor(actor: CurrentUser, agentId: string): Promise<Presence> {
    const [person] = await this.users.summaries([agentId]);
    if (!person) throw notFound();
    await this.access.assertMayRead(actor, person);
    return this.get(agentId);
  }

  /** The agent sets their own status. */
  async setOwn(actor: CurrentUser, request: SetPresenceRequest): Promise<Presence> {
    await this.ensureRow(actor.id);
    await this.apply(actor.id, request, { kind: 'self' });
    return this.get(actor.id);
  }

  /** A supervisor (of the agent's queues) or an admin sets an agent's status; audited. */
  async setFor(actor: CurrentUser, agentId: string, request: SetPresenceRequest): Promise<Presence> {
    const [person] = await this.users.summaries([agentId]);
    if (!person) throw notFound();
    await this.access.assertMayManage(actor, [person]);
    await this.ensureRow(agentId);
    await this.apply(agentId, request, { kind: 'user', user: actor });
    return this.get(agentId);
  }

  /** The agent switches one channel on or off (seed 001), unless the company forbids it. */
  async setChannel(actor: CurrentUser, channel: StaffChannel, enabled: boolean): Promise<Presence> {
    if (!(await this.settings.get()).agentsMayToggleChannels) throw forbidden('Your company does not let agents switch channels', [{ field: 'channel', messages: ['Locked by the company settings'] }]);
    await this.ensureRow(actor.id);
    await this.dataSource.query(
      `update routing_agents set disabled_channels = case when $2 then array_remove(disabled_channels, $3) else array_append(array_remove(disabled_channels, $3), $3) end where agent_id = $1`,
      [actor.id, enabled, channel],
    );
    if (enabled) this.dispatcher.later({ agents: [actor.id] });
    else await this.actions.withdrawAll(actor.id, channel);
    const presence = await this.get(actor.id);
    this.notices.send(actor.id, 'presence.changed', presence);
    return presence;
  }

  /** Presence of the agents the actor may see (a supervisor: their queues' agents). */
  async list(actor: CurrentUser, query: PresenceListQueryDto): Promise<Page<Presence>> {
    const visible = await this.access.visibleAgents(actor);
    const rows: { agentId: string }[] = await this.dataSource.query(
      `select agent_id as "agentId" from routing_agents where active and ($1::boolean or agent_id = any($2::uuid[])) and ($3::text is null or status = $3) order by status_since desc`,
      [visible.all, visible.all ? [] : visible.ids, query.status ?? null],
    );
    let presences = await this.describe(rows.map((r) => r.agentId));
    if (query.q) {
      const q = query.q.toLowerCase();
      presences = presences.filter((p) => p.username.toLowerCase().includes(q) || p.fullName.toLowerCase().includes(q));
    }
    presences.sort((a, b) => (query.order === 'desc' ? -1 : 1) * a.fullName.localeCompare(b.fullName));
    const start = (query.page - 1) * query.pageSize;
    return pageOf(presences.slice(start, start + query.pageSize), presences.length, query);
  }

  /** Online agents who work this channel and have it switched on (transfer targets), by name. */
  async onlineOn(channel: StaffChannel): Promise<Presence[]> {
    const rows: { agentId: string }[] = await this.dataSource.query(
      `select agent_id as "agentId" from routing_agents where active and status = $1 and not ($2 = any(disabled_channels))`,
      [PresenceStatus.Online, channel],
    );
    const presences = await this.describe(rows.map((r) => r.agentId));
    return presences.filter((p) => p.channels.some((c) => c.channel === channel && c.enabled)).sort((a, b) => a.fullName.localeCompare(b.fullName));
  }

  /** An agent's presence history, newest first. */
  async events(actor: CurrentUser, agentId: string, query: PageQueryDto): Promise<Page<PresenceEvent>> {
    const [person] = await this.users.summaries([agentId]);
    if (!person) throw notFound();
    await this.access.assertMayRead(actor, person);
    const [{ n }] = await this.dataSource.query('select count(*)::int as n from presence_events where agent_id = $1', [agentId]);
    const rows: Array<Omit<PresenceEvent, 'at'> & { at: Date }> = await this.dataSource.query(
      `select agent_id as "agentId", status, pause_reason_id as "pauseReasonId", pause_reason_name as "pauseReasonName",
              case when system then 'system' else changed_by::text end as "changedBy", at
         from presence_events where agent_id = $1 order by at desc, id desc offset $2 limit $3`,
      [agentId, (query.page - 1) * query.pageSize, query.pageSize],
    );
    return pageOf(rows.map((r) => ({ ...r, at: r.at.toISOString() })), n as number, query);
  }

  /** Staff changed agents: their room, auto answer, or whether they may work at all. */
  async syncProfiles(agentIds: readonly string[]): Promise<void> {
    const profiles = await this.users.routingProfiles(agentIds);
    await this.upsertProfiles(profiles, false);
    for (const profile of profiles) {
      const state = await this.states.get(profile.id);
      if (!profile.active && state && state.status !== PresenceStatus.Offline) {
        await this.apply(profile.id, { status: PresenceStatus.Offline }, { kind: 'system' });
      } else if (profile.active) {
        this.dispatcher.later({ agents: [profile.id] });
      }
    }
  }

  private async apply(agentId: string, request: SetPresenceRequest, by: ChangedBy): Promise<void> {
    const reasonId = request.pauseReasonId ?? null;
    if (reasonId && request.status !== PresenceStatus.Paused) throw invalidField('pauseReasonId', 'Only a pause has a reason');
    const reason = reasonId ? await this.reasons.get(reasonId) : null;
    if (reasonId && (!reason || reason.archived)) throw invalidField('pauseReasonId', 'No such pause reason');
    const state = await this.states.get(agentId);
    if (!state) throw notFound();
    if (!state.active && request.status !== PresenceStatus.Offline) throw new DomainException(ErrorCode.Conflict, 'This account is disabled');
    // An agent set present without a console of theirs open counts as seen now: the grace period starts.
    await this.dataSource.query(
      `with changed as (update routing_agents set status = $2, pause_reason_id = $3, status_since = now() where agent_id = $1 returning agent_id)
       insert into routing_agent_beats (agent_id, last_seen_at) select agent_id, now() from changed on conflict (agent_id) do nothing`,
      [agentId, request.status, reasonId],
    );
    await this.afterChange(agentId, request.status, reason ? { id: reason.id, name: reason.name } : null, by);
  }

  /** Records the change, moves pending offers on or looks for work, and tells the consoles. */
  private async afterChange(agentId: string, status: PresenceStatus, reason: { id: string; name: string } | null, by: ChangedBy): Promise<void> {
    await this.dataSource.query(
      'insert into presence_events (agent_id, status, pause_reason_id, pause_reason_name, changed_by, system) values ($1, $2, $3, $4, $5, $6)',
      [agentId, status, reason?.id ?? null, reason?.name ?? null, by.kind === 'user' ? by.user.id : null, by.kind === 'system'],
    );
    if (status === PresenceStatus.Online) this.dispatcher.later({ agents: [agentId] });
    else await this.actions.withdrawAll(agentId);
    if (by.kind === 'user' && by.user.id !== agentId) {
      const [person] = await this.users.summaries([agentId]);
      await this.audit.record({ action: AuditAction.PresenceSet, target: { type: 'agent', id: agentId, name: person?.username ?? agentId }, details: { status, reason: reason?.name ?? null } });
    }
    try {
      this.notices.send(agentId, 'presence.changed', await this.get(agentId));
    } catch (error) {
      this.logger.error(error);
    }
  }

  /** Makes sure the agent has a router row (an agent who never opened a console has none). */
  private async ensureRow(agentId: string): Promise<void> {
    if (await this.states.get(agentId)) return;
    const [profile] = await this.users.routingProfiles([agentId]);
    if (!profile) throw notFound();
    await this.upsertProfiles([profile], false);
  }

  private async upsertProfiles(profiles: readonly RoutingProfile[], seen: boolean): Promise<void> {
    if (!profiles.length) return;
    await this.dataSource.query(
      `with agents as (
         insert into routing_agents (agent_id, capacity, tab_limit, auto_answer, login_in_pause, active)
         select p.id, p.capacity, p.tab_limit, p.auto_answer, p.login_in_pause, p.active
           from jsonb_to_recordset($1::jsonb) as p(id uuid, capacity jsonb, tab_limit int, auto_answer jsonb, login_in_pause boolean, active boolean)
         on conflict (agent_id) do update set capacity = excluded.capacity, tab_limit = excluded.tab_limit, auto_answer = excluded.auto_answer,
           login_in_pause = excluded.login_in_pause, active = excluded.active
         returning agent_id)
       insert into routing_agent_beats (agent_id, last_seen_at) select agent_id, now() from agents where $2
       on conflict (agent_id) do update set last_seen_at = excluded.last_seen_at`,
      [
        JSON.stringify(profiles.map((p) => ({ id: p.id, capacity: p.capacity, tab_limit: p.tabLimit, auto_answer: p.autoAnswer, login_in_pause: p.loginInPause, active: p.active }))),
        seen,
      ],
    );
  }

  /** Presences of these agents, in input order (agents without a router row show as offline). */
  private async describe(agentIds: readonly string[]): Promise<Presence[]> {
    if (!agentIds.length) return [];
    const [profiles, states] = await Promise.all([this.users.routingProfiles(agentIds), this.states.many(agentIds)]);
    const byId = new Map(states.map((s) => [s.agentId, s]));
    const reasons = new Map((await this.reasons.list(true)).map((r) => [r.id, r]));
    const memberships = await this.queues.queuesOfAgents(agentIds);
    const result: Presence[] = [];
    for (const id of agentIds) {
      const profile = profiles.find((p) => p.id === id);
      if (!profile) continue;
      const state: Partial<AgentState> = byId.get(id) ?? {};
      const queueChannels = new Set(memberships.filter((m) => m.agentId === id).map((m) => m.channel));
      queueChannels.add(StaffChannel.Chat);
      const reason = state.pauseReasonId ? reasons.get(state.pauseReasonId) : undefined;
      result.push({
        agentId: id,
        username: profile.username,
        fullName: profile.fullName,
        status: state.status ?? PresenceStatus.Offline,
        pauseReason: reason ? { id: reason.id, name: reason.name } : null,
        since: (state.statusSince ?? new Date(0)).toISOString(),
        channels: [...queueChannels].sort().map((channel) => ({ channel, enabled: !(state.disabledChannels ?? []).includes(channel) })),
        load: state.loads ?? {},
        openTotal: state.total ?? 0,
        capacity: profile.capacity,
        tabLimit: profile.tabLimit,
      });
    }
    return result;
  }
}
