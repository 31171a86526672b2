/** How attachments are limited (the kernel's configuration: ATTACHMENT_MAX_BYTES). */
export interface AttachmentOptions {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
}
export const ATTACHMENT_OPTIONS = Symbol('ATTACHMENT_OPTIONS');
