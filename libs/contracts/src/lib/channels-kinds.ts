/** The channels an agent has a capacity on and a queue belongs to. */
export const StaffChannel = {
  Chat: 'chat',
  Email: 'email',
  Sms: 'sms',
  WhatsApp: 'whatsapp',
  Voice: 'voice',
  OpenChannel: 'openchannel',
} as const;
export type StaffChannel = (typeof StaffChannel)[keyof typeof StaffChannel];
export const STAFF_CHANNELS: readonly StaffChannel[] = Object.values(StaffChannel);
