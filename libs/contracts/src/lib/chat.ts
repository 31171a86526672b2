import type { VisitedPage } from './invitations';
import type { PreChatField } from './sites';
import type { MessageAttachment } from './attachments';

/**
 * The web chat's visitor socket (plugins/channel-chat): the widget on a customer's site talks to
 * this socket.io namespace. The handshake carries the site key and, after the first visit, the
 * visitor's token (kept by the widget in the page's localStorage so that a chat survives a page
 * navigation). The server checks the page's Origin against the site's allowed origins.
 */
export const CHAT_NAMESPACE = '/chat';

/** Languages the widget speaks; picked from the page's `lang`, else the browser's, else English. */
export const CHAT_LANGUAGES = ['en', 'cs', 'fr'] as const;
export type ChatLanguage = (typeof CHAT_LANGUAGES)[number];

/** Longest message a visitor may send, in characters. */
export const CHAT_MESSAGE_MAX = 4000;

/** `io(url + CHAT_NAMESPACE, { auth })`. */
export interface ChatHandshake {
  siteKey: string;
  /** The token `chat.ready` gave this browser before; absent or unknown: a new visitor. */
  visitorToken?: string;
  pageUrl?: string;
  /** Who the site says the visitor is; only a signed identity is used (see ChatVisitorIdentity). */
  identity?: ChatVisitorIdentity;
  /** The code of the invitation the page was opened with (`<public URL>/chat/invite/<code>`). */
  invitation?: string;
  /** This visit as the widget saw it (visitor tracking): pages, referrer, start. */
  visit?: ChatVisit;
}

/**
 * A visitor the site has signed in: `signature` is the hex HMAC-SHA256 of `id` keyed with the
 * site's identity secret, computed on the site's server. A valid one makes the visitor that
 * contact on every browser (their open chat and history follow them); a missing signature is
 * ignored (an anonymous visitor), a wrong one refuses the connection. Name and e-mail are shown
 * to agents as given.
 */
export interface ChatVisitorIdentity {
  id: string;
  signature?: string;
  name?: string;
  email?: string;
}

/** Longest visitor identity id, in characters. */
export const CHAT_IDENTITY_ID_MAX = 200;

/** The visit the widget reports on connecting (each page load connects anew). */
export interface ChatVisit {
  /** When the visit's first page was opened. */
  startedAt: string;
  referrer?: string | null;
  /** The pages opened in this visit, latest last (the widget keeps the last 50). */
  pages: Array<Omit<VisitedPage, 'title'> & { title?: string | null }>;
}

/** One message of the visitor's conversation, as the widget shows it. */
export interface ChatMessage {
  id: string;
  /** The widget's own id of a visitor's message (acks and resends match on it); null for agents'. */
  clientId: string | null;
  from: 'visitor' | 'agent';
  /** The agent's display name (agents' messages only). */
  authorName: string | null;
  body: string;
  /** Files sent with it: `POST /api/v1/chat/sites/:siteKey/attachments/:id` downloads one (see ChatAttachmentUpload). */
  attachments: MessageAttachment[];
  at: string;
}

/** The visitor's current (or just ended) conversation. */
export interface ChatConversation {
  interactionId: string;
  /** waiting: nobody answered yet; active: an agent is chatting; ended: closed or abandoned. */
  state: 'waiting' | 'active' | 'ended';
  agentName: string | null;
  messages: ChatMessage[];
}

/** What the widget needs of its site. */
export interface ChatSiteView {
  name: string;
  preChatFields: PreChatField[];
  /** The site's layout rendered in each language (escaped output only); the conversation goes in `[data-sb-slot="conversation"]`. */
  layoutHtml: Record<ChatLanguage, string>;
  /** Whether someone can answer now (an agent online and within business hours); false: the offline form. */
  online: boolean;
  /** The invitation the page was opened with, when it can still open a chat: who will answer. */
  invitation?: { agentName: string } | null;
}

/** Sent once per connection, after the handshake was accepted. */
export interface ChatReady {
  /** Keep it (localStorage) and send it in the next handshake: it is the visitor's only key to their chat. */
  visitorToken: string;
  site: ChatSiteView;
  /** The open conversation, or null (the widget shows the pre-chat form). */
  conversation: ChatConversation | null;
}

/** The acknowledgement of every visitor request. */
export type ChatResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; field?: string } };

/** `chat.message`: the first one of a conversation also carries the pre-chat form's answers. */
export interface ChatSendRequest {
  clientId: string;
  body: string;
  /** The page the visitor writes from (routing rules match it). */
  pageUrl?: string;
  /** Pre-chat answers by field key; required fields must be there when this message opens a chat. */
  fields?: Record<string, string>;
  /** The invitation this chat opens through (an invitation page's, or a proactive one the visitor accepted). */
  invitation?: string;
}

export interface ChatOfflineRequest {
  fields: Record<string, string>;
  body: string;
  pageUrl?: string;
}

/** Events the server sends to a visitor socket. */
export interface ChatServerEvents {
  'chat.ready': (payload: ChatReady) => void;
  /** A new message of the conversation (an agent's, or the visitor's from another tab). */
  'chat.message': (payload: ChatMessage & { interactionId: string }) => void;
  /** An agent answered, or the chat ended. */
  'chat.state': (payload: { interactionId: string; state: ChatConversation['state']; agentName: string | null }) => void;
  'chat.typing': (payload: { typing: boolean; name: string | null }) => void;
  /** The agent has read the visitor's messages up to this one. */
  'chat.read': (payload: { upTo: string }) => void;
  /** An agent invites the browsing visitor to chat (proactive invitation); the chat opens with `invitation`. */
  'chat.invite': (payload: ChatInvite) => void;
}

export interface ChatInvite {
  invitation: string;
  agentName: string;
  /** The agent's words, or null (the widget greets in the visitor's language). */
  message: string | null;
}

/** Events a visitor socket sends; each answers through its acknowledgement. */
export interface ChatClientEvents {
  'chat.message': (request: ChatSendRequest, ack: (result: ChatResult<ChatMessage & { interactionId: string }>) => void) => void;
  /** Resync after a reconnect: the conversation as stored. */
  'chat.sync': (request: Record<string, never>, ack: (result: ChatResult<ChatConversation | null>) => void) => void;
  'chat.typing': (request: { typing: boolean }) => void;
  /** The tab shows this proactive invitation, or (null) no longer does: agents see who is being invited. */
  'chat.invited': (request: { invitation: string | null }) => void;
  'chat.read': (request: { upTo: string }) => void;
  'chat.end': (request: Record<string, never>, ack: (result: ChatResult<null>) => void) => void;
  'chat.rate': (request: { interactionId: string; rating: number; comment?: string }, ack: (result: ChatResult<null>) => void) => void;
  'chat.transcript': (request: { interactionId: string; email: string }, ack: (result: ChatResult<null>) => void) => void;
  'chat.offline': (request: ChatOfflineRequest, ack: (result: ChatResult<{ id: string }>) => void) => void;
}

/** A site as the chat plugin reads it (the chat channel's account settings, which the kernel derives from the site). */
export interface ChatSiteSettings {
  siteKey: string;
  url: string;
  /** Origins whose pages may open the chat: the site's allowed origins (or its URL's), and the server's own (the test page). */
  allowedOrigins: string[];
  preChatFields: PreChatField[];
  /** The site's layout rendered in each language. */
  layoutHtml: Record<ChatLanguage, string>;
  /** Key of the HMAC that signs visitor identities (server side only: never sent to a browser). */
  identitySecret: string;
}
