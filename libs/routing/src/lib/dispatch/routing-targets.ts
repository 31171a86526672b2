import { TtlCache } from '@switchboard/db';
import { Injectable } from '@nestjs/common';
import { OverflowAction, RoutingStrategy, type StaffChannel } from '@switchboard/contracts';
import type { SqlStatement } from '@switchboard/db';
import type { OpeningRoute } from '@switchboard/conversations';
import { QueuesService, type RoutingMember, type RoutingQueue } from '@switchboard/queues';
import { isOpen, SitesService, type RoutingSite } from '@switchboard/sites';
import { capacityChannel, type Candidate } from '../arbiter/arbiter';
import { RulesService, type ActiveRule } from '../rules/rules.service';
import { RoutingSettingsService } from '../settings/routing-settings.service';

/** Who may take an interaction, and how they are chosen. */
export interface Target {
  channel: StaffChannel;
  candidates: readonly Candidate[] | 'all';
  strategy: RoutingStrategy;
  offerTimeoutSeconds: number;
  /** Key of the round-robin position (the queue or rule). */
  cursorKey: string;
  /** The candidates read in the statement (see ReserveRequest). */
  candidatesSql?: (q: SqlStatement) => string;
}

/** What routes an interaction: its channel and, once stored, its queue, rule or site. */
export interface Route {
  channel: string;
  queueId: string | null;
  ruleId: string | null;
  siteId?: string | null;
  /** The one agent an invitation's interaction goes to. */
  directAgentId?: string | null;
}

/**
 * Where interactions go: the rule a page matches (its queue or its agents), else the agents of
 * the web chat's site, else all available agents; and, for an interaction, the candidates,
 * strategy and offer timeout to use.
 */
@Injectable()
export class RoutingTargets {
  private readonly queueCache = new TtlCache<RoutingQueue | null>();
  private readonly memberCache = new TtlCache<RoutingMember[]>();
  private readonly agentQueueCache = new TtlCache<Array<{ queueId: string; channel: StaffChannel }>>();
  private readonly siteCache = new TtlCache<RoutingSite | null>();
  private readonly agentSiteCache = new TtlCache<string[]>();

  constructor(
    private readonly rules: RulesService,
    private readonly queues: QueuesService,
    private readonly settings: RoutingSettingsService,
    private readonly sites: SitesService,
  ) {}

  /** Where a new interaction from this page (and channel account) goes. */
  async opening(pageUrl: string | undefined, from?: { channel: string; accountId: string }): Promise<OpeningRoute & { rule: ActiveRule | null; site: RoutingSite | null }> {
    const rule = await this.rules.match(pageUrl);
    const queue = rule?.queueId ? await this.queue(rule.queueId) : null;
    const site = !rule && from ? await this.siteOf(from) : null;
    return { queueId: queue?.id ?? null, ruleId: rule?.id ?? null, siteId: site?.id ?? null, maxWaitSeconds: queue?.maxWaitSeconds || null, rule, site };
  }

  /** The site a web chat came through, when it names agents to take its chats. */
  async siteOf(from: { channel: string; accountId: string }): Promise<RoutingSite | null> {
    if (from.channel !== 'chat') return null;
    const site = await this.site(from.accountId);
    return site?.agents.length ? site : null;
  }

  /** Whether a chat site is within its business hours now (anything else: always). */
  async staffedNow(from: { channel: string; accountId: string }): Promise<boolean> {
    if (from.channel !== 'chat') return true;
    const site = await this.site(from.accountId);
    return !site || isOpen(site.businessHours, new Date());
  }

  private site(siteId: string): Promise<RoutingSite | null> {
    return this.siteCache.get(siteId, () => this.sites.routingSite(siteId));
  }

  /** The sites naming an agent (enabled ones). */
  sitesOf(agentId: string): Promise<string[]> {
    return this.agentSiteCache.get(agentId, () => this.sites.sitesOf(agentId));
  }

  queue(queueId: string): Promise<RoutingQueue | null> {
    return this.queueCache.get(queueId, () => this.queues.routingQueue(queueId));
  }

  /** The queues an agent answers, with their channels. */
  queuesOf(agentId: string): Promise<Array<{ queueId: string; channel: StaffChannel }>> {
    return this.agentQueueCache.get(agentId, () => this.queues.queuesOf(agentId));
  }

  /** Where an interaction that waited too long goes next: another queue, offline handling, or nowhere. */
  async overflowOf(queueId: string | null): Promise<{ action: OverflowAction; queue: RoutingQueue | null }> {
    const queue = queueId ? await this.queue(queueId) : null;
    if (!queue) return { action: OverflowAction.None, queue: null };
    if (queue.overflowAction === OverflowAction.Queue) {
      const next = queue.overflowQueueId ? await this.queue(queue.overflowQueueId) : null;
      return next ? { action: OverflowAction.Queue, queue: next } : { action: OverflowAction.None, queue: null };
    }
    return { action: queue.overflowAction, queue: null };
  }

  async forInteraction(interaction: Route): Promise<Target> {
    const channel = capacityChannel(interaction.channel);
    if (interaction.directAgentId) {
      const { offerTimeoutSeconds } = await this.settings.get();
      return { channel, candidates: [{ agentId: interaction.directAgentId, priority: 1 }], strategy: RoutingStrategy.Priority, offerTimeoutSeconds, cursorKey: `agent:${interaction.directAgentId}` };
    }
    const queue = interaction.queueId ? await this.queue(interaction.queueId) : null;
    if (queue) {
      const members = await this.memberCache.get(queue.id, () => this.queues.routingMembers(queue.id));
      return {
        channel,
        candidates: members,
        candidatesSql: (q) => this.queues.membersSql(q, queue.id),
        strategy: queue.strategy,
        offerTimeoutSeconds: queue.offerTimeoutSeconds,
        cursorKey: `queue:${queue.id}`,
      };
    }
    const { offerTimeoutSeconds } = await this.settings.get();
    const rule = interaction.ruleId ? (await this.rules.enabledRules()).find((r) => r.id === interaction.ruleId) : undefined;
    if (rule?.agents.length) return { channel, candidates: rule.agents, strategy: RoutingStrategy.Priority, offerTimeoutSeconds, cursorKey: `rule:${rule.id}` };
    const site = interaction.siteId ? await this.site(interaction.siteId) : null;
    if (site) return { channel, candidates: site.agents, strategy: RoutingStrategy.Priority, offerTimeoutSeconds, cursorKey: `site:${site.id}` };
    return { channel, candidates: 'all', strategy: RoutingStrategy.LeastRecent, offerTimeoutSeconds, cursorKey: 'all' };
  }

  /** The offer timeout of an interaction's route. */
  async offerTimeout(interaction: { queueId: string | null }): Promise<number> {
    const queue = interaction.queueId ? await this.queue(interaction.queueId) : null;
    return queue?.offerTimeoutSeconds ?? (await this.settings.get()).offerTimeoutSeconds;
  }
}
