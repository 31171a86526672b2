import { Injectable } from '@nestjs/common';
import { OverflowAction, RoutingStrategy, type StaffChannel } from '@switchboard/contracts';
import type { SqlStatement } from '@switchboard/db';
import type { OpeningRoute } from '@switchboard/conversations';
import { QueuesService, type RoutingMember, type RoutingQueue } from '@switchboard/queues';
import { capacityChannel, type Candidate } from '../arbiter/arbiter';
import { RulesService, type ActiveRule } from '../rules/rules.service';
import { RoutingSettingsService } from '../settings/routing-settings.service';
import { TtlCache } from '../ttl-cache';

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

/**
 * Where interactions go: the rule a page matches (its queue or its agents), or all available
 * agents; and, for an interaction, the candidates, strategy and offer timeout to use.
 */
@Injectable()
export class RoutingTargets {
  private readonly queueCache = new TtlCache<RoutingQueue | null>();
  private readonly memberCache = new TtlCache<RoutingMember[]>();
  private readonly agentQueueCache = new TtlCache<Array<{ queueId: string; channel: StaffChannel }>>();

  constructor(
    private readonly rules: RulesService,
    private readonly queues: QueuesService,
    private readonly settings: RoutingSettingsService,
  ) {}

  /** Where a new interaction from this page goes. */
  async opening(pageUrl: string | undefined): Promise<OpeningRoute & { rule: ActiveRule | null }> {
    const rule = await this.rules.match(pageUrl);
    const queue = rule?.queueId ? await this.queue(rule.queueId) : null;
    return { queueId: queue?.id ?? null, ruleId: rule?.id ?? null, maxWaitSeconds: queue?.maxWaitSeconds || null, rule };
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

  async forInteraction(interaction: { channel: string; queueId: string | null; ruleId: string | null }): Promise<Target> {
    const channel = capacityChannel(interaction.channel);
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
    return { channel, candidates: 'all', strategy: RoutingStrategy.LeastRecent, offerTimeoutSeconds, cursorKey: 'all' };
  }

  /** The offer timeout of an interaction's route. */
  async offerTimeout(interaction: { queueId: string | null }): Promise<number> {
    const queue = interaction.queueId ? await this.queue(interaction.queueId) : null;
    return queue?.offerTimeoutSeconds ?? (await this.settings.get()).offerTimeoutSeconds;
  }
}
