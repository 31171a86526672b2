import type { ChatMessage } from './chat';
import { DomainException } from './domain-exception';
import { ErrorCode } from './error-codes';

/**
 * Files sent in a conversation (web chat both ways; other channels' attachments later). The
 * server judges a file's type by its content, never by its name or the type the client gave, and
 * refuses one too large with 413 (`PAYLOAD_TOO_LARGE`) and one of a type not accepted with 415
 * (`UNSUPPORTED_MEDIA_TYPE`). An attachment's id is random: it cannot be guessed, and still only
 * the conversation's contact and the agents allowed to read it may download it.
 */
export interface MessageAttachment {
  id: string;
  /** The file's name as sent (without folders), its extension matching its type. */
  name: string;
  /** The type the server found in the content, such as `application/pdf`. */
  mediaType: string;
  /** Bytes. */
  size: number;
}

/** The types accepted, with the extensions a file of each may have (the first one is added to a name without any of them). */
export const ATTACHMENT_TYPES: Readonly<Record<string, readonly string[]>> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
  'text/plain': ['txt', 'log', 'csv'],
  'application/msword': ['doc'],
  'application/vnd.ms-excel': ['xls'],
  'application/vnd.ms-powerpoint': ['ppt'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/vnd.oasis.opendocument.presentation': ['odp'],
};

/** Longest file name kept, in characters (a longer one is shortened, its extension kept). */
export const ATTACHMENT_NAME_MAX = 200;

/** A message as one line of a plain-text transcript: its text, then its files' names in brackets. */
export const messageText = (message: { body: string; attachments: readonly MessageAttachment[] }): string =>
  [message.body, ...message.attachments.map((file) => `[${file.name}]`)].filter(Boolean).join(' ');

/** A size as people read it: `10 MB`, `512 KB`, `300 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/** The 413 of a file over the limit, worded once for every upload route. */
export function attachmentTooLarge(maxBytes: number): DomainException {
  const message = `The file is larger than the ${formatBytes(maxBytes)} allowed`;
  return new DomainException(ErrorCode.PayloadTooLarge, message, [{ field: 'file', messages: [message] }]);
}

/** The 415 of a file whose content is not of an accepted type (`what` names what it is). */
export function attachmentTypeRefused(what: string): DomainException {
  const message = `${what} is not accepted: send an image (PNG, JPEG, GIF, WebP), a PDF, a plain text or an office document`;
  return new DomainException(ErrorCode.UnsupportedMediaType, message, [{ field: 'file', messages: [message] }]);
}

/**
 * The chat widget's files travel over HTTP as multipart/form-data, which a page of another origin
 * may send without a CORS preflight; the site key is in the path, the visitor's token in a field
 * (never in a URL, which logs and proxies keep). The page's Origin must be one the site allows.
 *
 * - `POST /api/v1/chat/sites/:siteKey/attachments`, fields `visitorToken`, `clientId` (the
 *   widget's id of the message: sent again, nothing new is stored) and `file`: the file becomes a
 *   new message of the visitor's open conversation (409 `CONFLICT` when none is open). Answers
 *   ChatAttachmentSent.
 * - `POST /api/v1/chat/sites/:siteKey/attachments/:id/download`, field `visitorToken`: the file,
 *   only when it belongs to a conversation of this visitor (404 otherwise).
 */
export interface ChatAttachmentSent {
  interactionId: string;
  message: ChatMessage;
}
