/**
 * Chat invitations (seed 001, "Pozvánka"): a link that connects a visitor straight to one agent.
 * An agent's invitation from the desk is good for one chat; one made through the REST API with
 * `reusable: true` serves any number; either may be invalidated. No expiry.
 * `GET/POST /api/v1/invitations`, `POST /api/v1/invitations/:id/invalidate`.
 */
export interface Invitation {
  id: string;
  /** The page that opens the chat: `<public URL>/chat/invite/<code>`. */
  url: string;
  siteId: string;
  siteName: string;
  /** The agent the chat goes to. */
  agentId: string;
  agentName: string;
  reusable: boolean;
  /** Chats opened through it. */
  uses: number;
  /** Whether it can still open a chat (not invalidated, and not used when it is for one chat). */
  valid: boolean;
  createdAt: string;
  lastUsedAt: string | null;
  invalidatedAt: string | null;
}

export interface InvitationRequest {
  siteId: string;
  /** Omitted: true through the REST API; the desk asks for a one-chat link (false). */
  reusable?: boolean;
  /** Another agent's invitation (needs the permission to manage presence); omitted: the caller's own. */
  agentId?: string;
}

export interface InvitationQuery {
  page?: number;
  pageSize?: number;
  /** Only this agent's (the caller's own unless they may see everyone's). */
  agentId?: string;
  siteId?: string;
  /** true: only those that can still open a chat. */
  valid?: boolean;
}

/* ---------- Visitor tracking (seed 000 "Visitors Tracking") ---------- */

/** A page a visitor opened, as their widget reported it. */
export interface VisitedPage {
  url: string;
  title: string | null;
  at: string;
}

/**
 * A visitor with the chat box open in at least one tab right now. `GET /api/v1/chat/visitors`.
 * Pages, referrer and times are what the visitor's browser reports: shown as text, never trusted.
 */
export interface OnlineVisitor {
  /** The visitor's contact address on the site (never their token). */
  id: string;
  siteId: string;
  siteName: string;
  /** From a signed identity or the open chat's pre-chat form. */
  name: string | null;
  /** Whether the site vouched for who they are (signed identity). */
  identified: boolean;
  currentPage: VisitedPage | null;
  /** Latest last, at most 50. */
  pages: VisitedPage[];
  referrer: string | null;
  /** When this visit started (the first page). */
  startedAt: string;
  /** Tabs open with the chat box. */
  tabs: number;
  /** Their open chat, if any. */
  interactionId: string | null;
  /** Whether a proactive invitation is showing on their screen. */
  invited: boolean;
}

/** `POST /api/v1/chat/visitors/invite`: asks a browsing visitor to chat with the caller. */
export interface ProactiveInviteRequest {
  siteId: string;
  visitorId: string;
  /** Shown to the visitor; omitted: a greeting in their language. */
  message?: string;
}

/** An enabled site as an agent picks it for an invitation. `GET /api/v1/invitations/sites`. */
export interface InvitationSite {
  id: string;
  name: string;
}
