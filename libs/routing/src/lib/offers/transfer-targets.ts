import { Injectable } from '@nestjs/common';
import { InteractionStatus, StaffChannel, type Presence, type TransferTargets } from '@switchboard/contracts';
import { InteractionsService } from '@switchboard/conversations';
import { QueuesService } from '@switchboard/queues';
import { capacityChannel } from '../arbiter/arbiter';
import { PresenceService } from '../presence/presence.service';
import { notYours } from './offer-actions';

/** Whether an agent has room for one more interaction of a channel now (the arbiter decides for real). */
function hasRoomFor(presence: Presence, channel: StaffChannel): boolean {
  const capacity = channel === StaffChannel.Voice ? 1 : (presence.capacity[channel] ?? 0);
  const load = presence.load[channel] ?? 0;
  return (capacity === 0 || load < capacity) && (presence.tabLimit === 0 || presence.openTotal < presence.tabLimit);
}

/**
 * Where the agent holding an open interaction may transfer it. Any agent may transfer to any
 * queue of the channel or to any online agent (the transfer itself checks room), so any agent
 * may see those targets: names and load, nothing more.
 */
@Injectable()
export class TransferTargetsService {
  constructor(
    private readonly interactions: InteractionsService,
    private readonly queues: QueuesService,
    private readonly presence: PresenceService,
  ) {}

  async of(agentId: string, interactionId: string): Promise<TransferTargets> {
    const interaction = await this.interactions.get(interactionId);
    if (!interaction || interaction.status !== InteractionStatus.Active || interaction.agentId !== agentId) throw notYours();
    const channel = capacityChannel(interaction.channel);
    const [queues, online] = await Promise.all([this.queues.namesOfChannel(channel), this.presence.onlineOn(channel)]);
    const agents = online
      .filter((p) => p.agentId !== agentId)
      .map((p) => ({ agentId: p.agentId, username: p.username, fullName: p.fullName, openTotal: p.openTotal, hasRoom: hasRoomFor(p, channel) }));
    return { queues, agents };
  }
}
