import type { Contact } from '@switchboard/contracts';

/** Tells every open console that a contact changed (the kernel's socket, which masks per user). */
export interface ContactBroadcast {
  contactSaved(contact: Contact): void;
}
export const CONTACT_BROADCAST = Symbol('CONTACT_BROADCAST');
