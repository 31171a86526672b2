import { Inject, Injectable, Optional } from '@nestjs/common';
import { invalidField, InteractionStatus, type CurrentUser, type InteractionMessage, type ReplyRequest } from '@switchboard/contracts';
import { InteractionsService, MessagesService, type InteractionRow } from '@switchboard/conversations';
import { notYours } from '../offers/offer-actions';
import { OfferStore } from '../offers/offer-store';
import { CHANNEL_HOOKS, type ChannelHooks } from '../ports';
import { RoutingNotices } from '../routing-notices';

/** Longest reply an agent may send, in characters. */
export const REPLY_MAX = 10_000;

/**
 * The agent's side of a conversation: replies (stored, then delivered by the channel's plugin
 * through a job keyed by the message id), the messages of what they hold or are offered, and
 * typing and read signals for the contact.
 */
@Injectable()
export class DeskMessages {
  constructor(
    private readonly messages: MessagesService,
    private readonly interactions: InteractionsService,
    private readonly offers: OfferStore,
    private readonly notices: RoutingNotices,
    @Optional() @Inject(CHANNEL_HOOKS) private readonly hooks?: ChannelHooks,
  ) {}

  /** Stores and sends a reply; the same client id again answers the stored message and sends nothing. */
  async reply(agent: CurrentUser, interactionId: string, request: ReplyRequest): Promise<InteractionMessage> {
    const body = request.body?.trim() ?? '';
    if (!body) throw invalidField('body', 'Write a message');
    if (body.length > REPLY_MAX) throw invalidField('body', `At most ${REPLY_MAX} characters`);
    const stored = await this.messages.appendOutbound({ interactionId, agentId: agent.id, authorName: agent.fullName || agent.username, clientId: request.clientId, body });
    if (!stored) throw notYours();
    if (!stored.duplicate) {
      await this.hooks?.deliver(stored.message.id);
      this.notices.send(agent.id, 'interaction.message', { interactionId, message: stored.message });
    }
    return stored.message;
  }

  /** The messages of an interaction the agent holds or is offered. */
  async list(agentId: string, interactionId: string): Promise<InteractionMessage[]> {
    await this.readable(agentId, interactionId);
    return this.messages.list(interactionId);
  }

  async typing(agent: CurrentUser, interactionId: string, typing: boolean): Promise<void> {
    const interaction = await this.held(agent.id, interactionId);
    this.hooks?.signal(interaction, agent.id, { kind: 'typing', typing, agentName: agent.fullName || agent.username });
  }

  async read(agentId: string, interactionId: string, upTo: string): Promise<void> {
    const interaction = await this.held(agentId, interactionId);
    this.hooks?.signal(interaction, agentId, { kind: 'read', upTo });
  }

  private async held(agentId: string, interactionId: string): Promise<InteractionRow> {
    const interaction = await this.interactions.get(interactionId);
    if (!interaction || interaction.status !== InteractionStatus.Active || interaction.agentId !== agentId) throw notYours();
    return interaction;
  }

  /** Throws unless the agent holds the interaction or has it offered (who may read its messages). */
  async readable(agentId: string, interactionId: string): Promise<void> {
    const interaction = await this.interactions.get(interactionId);
    if (interaction?.agentId === agentId && interaction.status === InteractionStatus.Active) return;
    const offered = interaction?.status === InteractionStatus.Offered && (await this.offers.pendingOf(agentId)).some((o) => o.interactionId === interactionId);
    if (!offered) throw notYours();
  }
}
