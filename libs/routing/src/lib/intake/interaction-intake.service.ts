import { Injectable, Logger } from '@nestjs/common';
import { InteractionsService } from '@switchboard/conversations';
import type { ContactOrigin, InboundMessage, IntakeResult, InteractionIntake, OfflineMessageInput } from '@switchboard/plugin-sdk';
import { capacityChannel } from '../arbiter/arbiter';
import { offersOnReceive } from '../dispatch/dispatcher';
import { Dispatcher } from '../dispatch/dispatcher';
import { RoutingTargets } from '../dispatch/routing-targets';
import { OfferActions } from '../offers/offer-actions';
import { OfflineMessagesService } from '../offline/offline-messages.service';
import { AgentStateStore } from '../presence/agent-state';

/**
 * The kernel's InteractionIntake (ARCHITECTURE.md section 3): stores what a channel plugin
 * received (deduped on the provider's or client's id), opens the interaction with the route its
 * page matches, and dispatches it at once.
 */
@Injectable()
export class InteractionIntakeService implements InteractionIntake {
  private readonly logger = new Logger('InteractionIntake');

  constructor(
    private readonly interactions: InteractionsService,
    private readonly targets: RoutingTargets,
    private readonly dispatcher: Dispatcher,
    private readonly actions: OfferActions,
    private readonly offline: OfflineMessagesService,
    private readonly agents: AgentStateStore,
  ) {}

  async receive(message: InboundMessage): Promise<IntakeResult> {
    const { rule: _rule, ...route } = await this.targets.opening(message.pageUrl);
    const target = await this.targets.forInteraction({ channel: message.channelId, queueId: route.queueId, ruleId: route.ruleId });
    const result = await this.interactions.receive(
      {
        channel: message.channelId,
        accountId: message.accountId,
        contactAddress: message.contactAddress,
        contactName: message.contactName,
        externalThreadId: message.externalThreadId,
        externalMessageId: message.externalMessageId,
        body: message.body,
        pageUrl: message.pageUrl,
      },
      route,
      // A new interaction is offered in the statement that stores it: one round trip.
      (q, fresh) => this.dispatcher.offerOnReceive(q, fresh, target),
    );
    if (result.interaction) {
      const { offers, room } = offersOnReceive(result.extra);
      if (offers.length) this.dispatcher.announce({ interaction: result.interaction, offers });
      // Someone had room but was busy in another statement: try again, waiting for them. A failed
      // dispatch leaves it waiting; the routing clock tries again.
      else if (room) await this.dispatcher.dispatchInteraction(result.interactionId, { channel: message.channelId, queueId: route.queueId, ruleId: route.ruleId }).catch((error: unknown) => this.logger.error(error));
    }
    return { interactionId: result.interactionId, messageId: result.messageId, duplicate: result.duplicate };
  }

  abandon(interactionId: string): Promise<void> {
    return this.actions.abandon(interactionId);
  }

  async available(origin: ContactOrigin): Promise<boolean> {
    const opening = await this.targets.opening(origin.pageUrl);
    const target = await this.targets.forInteraction({ channel: origin.channelId, queueId: opening.queueId, ruleId: opening.ruleId });
    return this.agents.anyOnline(capacityChannel(origin.channelId), target.candidates === 'all' ? null : target.candidates.map((c) => c.agentId));
  }

  leaveOfflineMessage(message: OfflineMessageInput): Promise<{ id: string }> {
    return this.offline.leave(message);
  }
}
