import { Injectable, Logger } from '@nestjs/common';
import { DomainException, ErrorCode, InteractionStatus } from '@switchboard/contracts';
import { InteractionsService, type OpeningRoute } from '@switchboard/conversations';
import { BlacklistService } from '@switchboard/sites';
import type { ContactOrigin, InboundMessage, IntakeResult, InteractionIntake, OfflineMessageInput } from '@switchboard/plugin-sdk';
import { capacityChannel } from '../arbiter/arbiter';
import { offersOnReceive } from '../dispatch/dispatcher';
import { Dispatcher } from '../dispatch/dispatcher';
import { InvitationsService, type Redeemed } from '../invitations/invitations.service';
import { RoutingTargets } from '../dispatch/routing-targets';
import { OfferActions } from '../offers/offer-actions';
import { OfflineMessagesService } from '../offline/offline-messages.service';
import { AgentStateStore } from '../presence/agent-state';
import { RoutingNotices } from '../routing-notices';

const NO_ROUTE: OpeningRoute = { queueId: null, ruleId: null, siteId: null, maxWaitSeconds: null };

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
    private readonly blacklist: BlacklistService,
    private readonly notices: RoutingNotices,
    private readonly invitations: InvitationsService,
  ) {}

  async receive(message: InboundMessage): Promise<IntakeResult> {
    await this.refuseBlocked(message.remoteIp);
    // A message that may only continue an open interaction needs no route.
    const opens = message.mayOpen !== false;
    const invited = opens && message.invitation ? await this.redeem(message) : null;
    let stored: { answer: IntakeResult; opened: boolean };
    try {
      stored = await this.store(message, opens, invited);
    } catch (error) {
      if (invited) await this.invitations.release(invited);
      throw error;
    }
    // It joined an interaction already open (opened by another tab meanwhile): the invitation was not used.
    if (invited && !stored.opened) await this.invitations.release(invited);
    return stored.answer;
  }

  /**
   * The agent an invitation's chat goes to, spending one use; null when the chat need not spend
   * it (it joins one already open: a resend, another tab) or the agent cannot answer now (it goes
   * along the site's route instead). Refused when the code cannot open a chat.
   */
  private async redeem(message: InboundMessage): Promise<Redeemed | null> {
    const thread = { channel: message.channelId, accountId: message.accountId, threadKey: message.externalThreadId ?? message.contactAddress };
    if (await this.interactions.hasOpen(thread)) return null;
    const redeemed = await this.invitations.redeem(message.channelId, message.accountId, message.invitation ?? '');
    if (!redeemed) {
      // Another tab's opening message spent it a moment ago: this one joins that chat.
      if (await this.interactions.hasOpen(thread)) return null;
      throw new DomainException(ErrorCode.InvitationInvalid, 'This invitation has been used or withdrawn: start a chat without it');
    }
    if (!(await this.agents.anyOnline(capacityChannel(message.channelId), [redeemed.agentId]))) {
      await this.invitations.release(redeemed);
      return null;
    }
    return redeemed;
  }

  private async store(message: InboundMessage, opens: boolean, invited: Redeemed | null): Promise<{ answer: IntakeResult; opened: boolean }> {
    const opening = opens ? await this.targets.opening(message.pageUrl, { channel: message.channelId, accountId: message.accountId }) : { ...NO_ROUTE, rule: null, site: null };
    // An invitation's chat is held for its agent (no overflow meanwhile); its own route takes over if they do not take it.
    const { rule: _rule, site: _site, ...route } = invited ? { ...opening, directAgentId: invited.agentId, maxWaitSeconds: null } : opening;
    const target = opens ? await this.targets.forInteraction({ channel: message.channelId, ...route }) : null;
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
        contactFields: message.contactFields,
        mayOpen: message.mayOpen,
      },
      route,
      // A new interaction is offered in the statement that stores it: one round trip.
      target ? (q, fresh) => this.dispatcher.offerOnReceive(q, fresh, target) : undefined,
    );
    if (!result) throw new DomainException(ErrorCode.Conflict, 'No conversation is open: start one first');
    // The agent holding the conversation sees the message at once.
    if (result.joined?.agentId && result.joined.status === InteractionStatus.Active) {
      this.notices.send(result.joined.agentId, 'interaction.message', { interactionId: result.interactionId, message: result.joined.message });
    }
    if (result.interaction) {
      const { offers, room } = offersOnReceive(result.extra);
      if (offers.length) this.dispatcher.announce({ interaction: result.interaction, offers });
      // Someone had room but was busy in another statement: try again, waiting for them. A failed
      // dispatch leaves it waiting; the routing clock tries again.
      else if (room) await this.dispatcher.dispatchInteraction(result.interactionId, { channel: message.channelId, ...route }).catch((error: unknown) => this.logger.error(error));
    }
    return { answer: { interactionId: result.interactionId, messageId: result.messageId, duplicate: result.duplicate }, opened: Boolean(result.interaction) };
  }

  abandon(interactionId: string): Promise<void> {
    return this.actions.abandon(interactionId);
  }

  async available(origin: ContactOrigin): Promise<boolean> {
    if (origin.invitation) {
      // An invitation's agent answers whenever they are online (their own link, their own hours).
      const grant = await this.invitations.check(origin.channelId, origin.accountId, origin.invitation);
      if (grant) return this.agents.anyOnline(capacityChannel(origin.channelId), [grant.agentId]);
    }
    if (!(await this.targets.staffedNow({ channel: origin.channelId, accountId: origin.accountId }))) return false;
    const { rule: _rule, site: _site, ...route } = await this.targets.opening(origin.pageUrl, { channel: origin.channelId, accountId: origin.accountId });
    const target = await this.targets.forInteraction({ channel: origin.channelId, ...route });
    return this.agents.anyOnline(capacityChannel(origin.channelId), target.candidates === 'all' ? null : target.candidates.map((c) => c.agentId));
  }

  async leaveOfflineMessage(message: OfflineMessageInput): Promise<{ id: string }> {
    await this.refuseBlocked(message.remoteIp);
    return this.offline.leave(message);
  }

  /** A blacklisted contact is refused before anything is stored (seed 003). */
  private async refuseBlocked(remoteIp: string | undefined): Promise<void> {
    if (await this.blacklist.isBlocked(remoteIp)) throw new DomainException(ErrorCode.Blocked, 'This address is blocked from starting a chat');
  }
}
