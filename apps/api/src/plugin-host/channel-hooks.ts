import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { InteractionSummary } from '@switchboard/contracts';
import { InteractionsService, MessagesService, type InteractionRow } from '@switchboard/conversations';
import { ChannelSendError, JOB_QUEUE, type AgentActivity, type InteractionRef, type Job, type JobQueue } from '@switchboard/plugin-sdk';
import type { AgentSignal, ChannelHooks } from '@switchboard/routing';
import { USER_NOTIFIER, UsersService, type UserNotifier } from '@switchboard/staff';
import { ChannelRegistry } from './channel-registry';

/** The job that hands one agent's message to its channel's plugin (keyed by the message id). */
export const DELIVER_JOB = 'kernel.deliver';
const DELIVERY_ATTEMPTS = 5;

const refOf = (interaction: InteractionSummary): InteractionRef => ({
  id: interaction.id,
  channelId: interaction.channel,
  accountId: interaction.accountId,
  contactAddress: interaction.contactAddress,
});

/**
 * Routing's ChannelHooks: agents' doings reach the channel plugin's hooks (the web chat shows
 * them to the visitor), and agents' messages go out through the plugin's `send` in a job, so a
 * retry never sends twice and a refusal is told to the agent.
 */
@Injectable()
export class ChannelHooksService implements ChannelHooks, OnModuleInit {
  private readonly logger = new Logger('ChannelHooks');

  constructor(
    private readonly registry: ChannelRegistry,
    private readonly interactions: InteractionsService,
    private readonly messages: MessagesService,
    private readonly users: UsersService,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    @Inject(USER_NOTIFIER) private readonly notifier: UserNotifier,
  ) {}

  onModuleInit(): void {
    this.jobs.handle(DELIVER_JOB, (job: Job<{ messageId: string }>) => this.deliverNow(job));
  }

  signal(interaction: InteractionSummary | string, agentId: string | null, signal: AgentSignal): void {
    this.signalNow(interaction, agentId, signal).catch((error: unknown) => this.logger.error(error));
  }

  async deliver(messageId: string): Promise<void> {
    await this.jobs.add(DELIVER_JOB, { messageId }, { jobId: `deliver-${messageId}`, attempts: DELIVERY_ATTEMPTS, backoffMs: 1000 });
  }

  private async signalNow(given: InteractionSummary | string, agentId: string | null, signal: AgentSignal): Promise<void> {
    const interaction = typeof given === 'string' ? await this.interactions.get(given) : given;
    const plugin = interaction && this.registry.get(interaction.channel);
    if (!interaction || !plugin) return;
    if (signal.kind === 'closed') return plugin.onInteractionClosed?.(refOf(interaction));
    if (!plugin.onAgentActivity) return;
    const activity: AgentActivity = signal.kind === 'answered' ? { kind: 'answered', agentName: await this.nameOf(agentId) } : signal;
    await plugin.onAgentActivity(refOf(interaction), activity);
  }

  private async nameOf(agentId: string | null): Promise<string> {
    const [agent] = agentId ? await this.users.summaries([agentId]) : [];
    return agent?.fullName || agent?.username || '';
  }

  private async deliverNow(job: Job<{ messageId: string }>): Promise<void> {
    const found = await this.messages.withInteraction(job.data.messageId);
    if (!found || found.message.delivery !== 'pending') return;
    const { message, interaction } = found;
    const plugin = this.registry.get(interaction.channel);
    if (!plugin) return this.failed(interaction, message.id, `The ${interaction.channel} channel is not running on this server`);
    try {
      const sent = await plugin.send(refOf(interaction), { id: message.id, body: message.body, authorName: message.authorName ?? undefined, attachments: message.attachments });
      if (await this.messages.setDelivery(message.id, 'sent', { providerMessageId: sent.providerMessageId })) this.tell(interaction, message.id, 'sent', null);
    } catch (error) {
      const final = (error instanceof ChannelSendError && error.kind !== 'transient') || job.attempt >= DELIVERY_ATTEMPTS;
      if (!final) throw error;
      await this.failed(interaction, message.id, error instanceof Error ? error.message : String(error));
    }
  }

  private async failed(interaction: InteractionRow, messageId: string, reason: string): Promise<void> {
    this.logger.warn(`Message ${messageId} not delivered: ${reason}`);
    if (await this.messages.setDelivery(messageId, 'failed', { error: reason.slice(0, 500) })) this.tell(interaction, messageId, 'failed', reason);
  }

  private tell(interaction: InteractionRow, messageId: string, delivery: 'sent' | 'failed', error: string | null): void {
    if (interaction.agentId) this.notifier.notifyUser(interaction.agentId, 'interaction.delivery', { interactionId: interaction.id, messageId, delivery, error });
  }
}
