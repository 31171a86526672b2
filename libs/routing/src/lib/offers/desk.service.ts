import { Injectable } from '@nestjs/common';
import type { Desk } from '@switchboard/contracts';
import { InteractionsService, toSummary } from '@switchboard/conversations';
import { toOffer } from '../dispatch/dispatcher';
import { OfferStore } from './offer-store';

/** What an agent's desktop shows after a (re)connect: pending offers and open interactions. */
@Injectable()
export class DeskService {
  constructor(
    private readonly offers: OfferStore,
    private readonly interactions: InteractionsService,
  ) {}

  async of(agentId: string): Promise<Desk> {
    const pending = await this.offers.pendingOf(agentId);
    const rows = new Map((await this.interactions.getMany(pending.map((o) => o.interactionId))).map((r) => [r.id, r]));
    const offers = pending.flatMap((offer) => {
      const row = rows.get(offer.interactionId);
      return row ? [toOffer(offer, toSummary(row))] : [];
    });
    return { offers, interactions: (await this.interactions.activeOf(agentId)).map(toSummary) };
  }
}
