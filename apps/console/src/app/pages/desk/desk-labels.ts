import { STAFF_CHANNELS, type InteractionSummary, type StaffChannel } from '@switchboard/contracts';
import { CHANNEL_LABELS } from '../../shared/labels';

/** Interactions name their channel by id; a plugin's own channel shows as its id. */
export function isStaffChannel(channel: string): channel is StaffChannel {
  return (STAFF_CHANNELS as readonly string[]).includes(channel);
}

export function channelLabel(channel: string): string {
  return isStaffChannel(channel) ? CHANNEL_LABELS[channel] : channel;
}

/** The contact's name when known, else their address. */
export function contactLabel(interaction: Pick<InteractionSummary, 'contactName' | 'contactAddress'>): string {
  return interaction.contactName?.trim() || interaction.contactAddress;
}
