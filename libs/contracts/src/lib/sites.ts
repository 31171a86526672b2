/**
 * The chat blacklist (seed 003, "Chat Blacklist Panel"): an address or a range of addresses
 * refused before any interaction exists. `GET/POST /api/v1/blacklist`, `GET/PATCH/DELETE /api/v1/blacklist/:id`.
 */
export interface BlacklistEntry {
  id: string;
  description: string;
  /** First blocked address, canonical (IPv4 dotted, IPv6 compressed lower case). */
  startIp: string;
  /** Last blocked address; the start when one address is blocked. */
  endIp: string;
  /** How many addresses the range holds, as a decimal string (an IPv6 range can exceed 2^53). */
  addressCount: string;
  createdAt: string;
  updatedAt: string;
}

export interface BlacklistEntryRequest {
  description: string;
  startIp: string;
  /** Omitted or null: the start alone. Same family as the start, and not before it. */
  endIp?: string | null;
}

/* ---------- Sites (seed 002 "Gestion des Sites & Hotlines") ---------- */

export const PRE_CHAT_FIELD_TYPES = ['name', 'email', 'phone', 'text', 'textarea'] as const;
export type PreChatFieldType = (typeof PRE_CHAT_FIELD_TYPES)[number];

/** A field of the widget's pre-chat form. */
export interface PreChatField {
  /** Unique within the site: lower-case letters, digits, `-` and `_`, starting with a letter. */
  key: string;
  label: string;
  type: PreChatFieldType;
  required: boolean;
}

/** What a new site asks before a chat: the visitor's name (required) and e-mail (optional). */
export const DEFAULT_PRE_CHAT_FIELDS: readonly PreChatField[] = [
  { key: 'name', label: 'Name', type: 'name', required: true },
  { key: 'email', label: 'E-mail', type: 'email', required: false },
];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One opening period of a day, `HH:MM` 24-hour local time, open before close. */
export interface OpeningPeriod {
  open: string;
  close: string;
}

/** When the chat is staffed, in the site's time zone; a day with no periods is closed. */
export interface BusinessHours {
  /** IANA time zone, e.g. `Europe/Prague`. */
  timezone: string;
  days: Record<Weekday, OpeningPeriod[]>;
}

/** An agent who answers a site's chats (seed 002: "Conseillers", high or low priority; 1 is tried first). */
export interface SiteAgent {
  agentId: string;
  priority: number;
  username: string;
  fullName: string;
}

/** A website with the chat box. `GET/POST /api/v1/sites`, `GET/PATCH/DELETE /api/v1/sites/:id`. */
export interface Site {
  id: string;
  name: string;
  /** The site's address (a reminder for admins; it need not match the real site exactly). */
  url: string;
  description: string | null;
  /** Origins (`https://host[:port]`) whose pages may open the chat; empty = the URL's origin only. */
  allowedOrigins: string[];
  /** Public key in the embed snippet; `POST /api/v1/sites/:id/key` replaces it. */
  siteKey: string;
  /** Chat layout name; null = the default layout. */
  layout: string | null;
  agents: SiteAgent[];
  /** Operators who receive offline messages left on this site; empty = the default recipients. */
  offlineRecipientIds: string[];
  preChatFields: PreChatField[];
  /** Null = always open. */
  businessHours: BusinessHours | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/**
 * The secret that signs a site's visitor identities (ChatVisitorIdentity): the site's server
 * computes the hex HMAC-SHA256 of the visitor's id with it; never put it in a page. Like every
 * secret it is in no other response: `POST /api/v1/sites/:id/identity-secret` makes a new one
 * (the old one stops working) and answers it this once.
 */
export interface SiteIdentitySecret {
  identitySecret: string;
}

export interface SiteRequest {
  name: string;
  url: string;
  description?: string | null;
  allowedOrigins?: string[];
  layout?: string | null;
  agents?: Array<{ agentId: string; priority: number }>;
  offlineRecipientIds?: string[];
  /** Omitted on create: DEFAULT_PRE_CHAT_FIELDS. */
  preChatFields?: PreChatField[];
  businessHours?: BusinessHours | null;
  enabled?: boolean;
}

/** `GET /api/v1/sites/:id/embed`: the one tag to paste before `</body>`, and the "test my module" page. */
export interface SiteEmbed {
  snippet: string;
  testPageUrl: string;
}

/* ---------- Chat layouts (seed 003 "Web Chat Layouts Panel") ---------- */

/**
 * A Handlebars template of the chat box's frame. Output is always escaped (`{{{ }}}` is refused)
 * and scripts are refused; the widget mounts the conversation in the one element carrying
 * `data-sb-slot="conversation"`. `GET /api/v1/layouts`, `GET/PATCH/DELETE /api/v1/layouts/:id`,
 * `POST /api/v1/layouts/:id/clone`, `POST /api/v1/layouts/preview`.
 */
export interface ChatLayout {
  id: string;
  name: string;
  template: string;
  /** The default layout: read-only and never deleted; clone it to make another. */
  builtIn: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ChatLayoutRequest {
  name: string;
  template: string;
}

export interface LayoutCloneRequest {
  name: string;
}

export interface LayoutPreviewRequest {
  template: string;
}

export interface LayoutPreview {
  html: string;
}

/** The values a layout template may use (with the preview's sample values). */
export const LAYOUT_VARIABLES = {
  title: 'Chat with us',
  greeting: 'Hello! How can we help?',
  siteName: 'Example shop',
  siteUrl: 'https://www.example.com',
  footer: 'Powered by Switchboard',
  lang: 'en',
} as const;
export type LayoutVariables = Record<keyof typeof LAYOUT_VARIABLES, string>;

/** The attribute of the element the widget mounts the conversation in. */
export const LAYOUT_SLOT = 'data-sb-slot="conversation"';
