import type { MessageAttachment } from '@switchboard/contracts';
import type { ContactRef, ConversationMessage } from './kernel-services';

/** A file a contact sends, as the plugin received it: the kernel judges its type from the content. */
export interface ContactFile {
  /** The sender's own id of the message (the widget's): sent again, nothing new is stored. */
  clientId: string;
  /** The name as the contact's device gave it (the kernel keeps it without folders). */
  fileName: string;
  data: Buffer;
  /** The contact's IP address, checked against the blacklist. */
  remoteIp?: string;
}

/** The stored message that carries the file. */
export interface ContactFileSent {
  interactionId: string;
  message: ConversationMessage;
  /** True when this client id had been stored before and nothing new was stored. */
  duplicate: boolean;
}

/** A stored file with its bytes. */
export interface AttachmentContent extends MessageAttachment {
  data: Buffer;
}

/**
 * Files a contact sends and downloads on a live channel (web chat). A file becomes a new message
 * of the contact's open interaction, stored with it in one step, and the agent holding it sees
 * it like any message. Every call names the contact: a file of someone else's interaction is
 * "not found".
 */
export interface ContactAttachments {
  /** The largest file accepted, in bytes (ATTACHMENT_MAX_BYTES): a plugin reads no more of an upload. */
  readonly maxBytes: number;
  /**
   * Stores the file as the contact's message. Throws a DomainException: `BLOCKED` (blacklisted
   * address), `CONFLICT` (no open interaction), `PAYLOAD_TOO_LARGE`, `UNSUPPORTED_MEDIA_TYPE`
   * (judged by the content), `VALIDATION_FAILED` (an empty file). Nothing is stored then.
   */
  send(contact: ContactRef, file: ContactFile): Promise<ContactFileSent>;
  /** A file of one of the contact's own interactions (open or ended), or null. */
  open(contact: ContactRef, attachmentId: string): Promise<AttachmentContent | null>;
}
export const CONTACT_ATTACHMENTS = Symbol('switchboard:ContactAttachments');
