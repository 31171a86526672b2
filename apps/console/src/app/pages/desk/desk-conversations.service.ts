import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { computed, DestroyRef, effect, inject, Injectable, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { InteractionMessage, MessageAttachment, MessageDelivery, ReplyRequest } from '@switchboard/contracts';
import { firstValueFrom, fromEvent } from 'rxjs';
import { MessagesApi } from '../../api/messages-api.service';
import { ConsoleSocket } from '../../core/console-socket.service';
import { errorMessage } from '../../core/error.interceptor';

/** The contact's "typing" goes away by itself after this long without news. */
export const CONTACT_TYPING_MS = 5000;
/** The agent's typing ends this long after the last key. */
const AGENT_IDLE_MS = 2000;
/** While the agent keeps typing, "typing" is said again at most this often. */
const AGENT_TYPING_REPEAT_MS = 3000;
/** After a reconnection, conversations loaded longer ago than this are loaded again (messages may have been missed). */
const RELOAD_AFTER_MS = 2000;

/** A reply not stored by the server yet: on its way, or refused and kept to send again. */
export interface OutgoingReply {
  clientId: string;
  body: string;
  at: string;
  state: 'sending' | 'unsent';
  error: string | null;
  /** A file the agent sends (then `body` is empty). */
  file?: File;
}

/** The channel's word on a stored reply, when it came by the socket. */
interface DeliveryNews {
  delivery: MessageDelivery;
  error: string | null;
}

/** What the desk knows of one conversation. */
export interface Conversation {
  /** Stored messages, oldest first. */
  messages: InteractionMessage[];
  loading: boolean;
  loadedAt: number;
  loadError: string | null;
  outgoing: OutgoingReply[];
  /** `interaction.delivery` news by message id (it may come before the message itself). */
  deliveries: Record<string, DeliveryNews>;
  contactTyping: boolean;
  /** The contact has read the agent's messages up to this one. */
  contactReadUpTo: string | null;
  /** The last contact message the agent has had on screen; null: none yet. */
  seenUpTo: string | null;
  /** Treat what the first load brings as seen (the desk was opened with it already there). */
  seenOnLoad: boolean;
  /** The last contact message the server was told the agent read. */
  readSent: string | null;
  /** The composer's text, kept while the agent looks at another tab. */
  draft: string;
}

/** How a line's delivery shows: `sending` and `unsent` before the server stored it. */
export type LineDelivery = 'sending' | 'unsent' | MessageDelivery;

/** One line of the chat pane. */
export interface ChatLine {
  /** The message id, or `client:` and the client id of a reply not stored yet. */
  key: string;
  clientId: string | null;
  direction: 'in' | 'out';
  /** Null: the pane names the side (the contact, or "You"). */
  authorName: string | null;
  body: string;
  at: string;
  delivery: LineDelivery | null;
  error: string | null;
  /** An agent's message the contact has read. */
  read: boolean;
  /** Files of a stored message (downloadable). */
  attachments: readonly MessageAttachment[];
  /** The name of a file on its way (a line not stored yet). */
  fileName: string | null;
}

export type SendResult = { ok: true; message: InteractionMessage } | { ok: false; error: string };

const EMPTY: Conversation = {
  messages: [],
  loading: false,
  loadedAt: 0,
  loadError: null,
  outgoing: [],
  deliveries: {},
  contactTyping: false,
  contactReadUpTo: null,
  seenUpTo: null,
  seenOnLoad: false,
  readSent: null,
  draft: '',
};

const rank = (delivery: MessageDelivery | null): number => (delivery === 'sent' || delivery === 'failed' ? 2 : delivery === 'pending' ? 1 : 0);

/** Adds or refreshes messages by id (a later delivery state wins), oldest first. */
export function mergeMessages(current: readonly InteractionMessage[], incoming: readonly InteractionMessage[]): InteractionMessage[] {
  const byId = new Map(current.map((message) => [message.id, message]));
  for (const message of incoming) {
    const known = byId.get(message.id);
    byId.set(message.id, known && rank(known.delivery) > rank(message.delivery) ? { ...message, delivery: known.delivery } : message);
  }
  // Stable: messages of the same instant keep the order they came in.
  return [...byId.values()].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

/** The id of the contact's latest message, or null. */
export function lastContactMessage(conversation: Conversation): string | null {
  for (let i = conversation.messages.length - 1; i >= 0; i--) if (conversation.messages[i].direction === 'in') return conversation.messages[i].id;
  return null;
}

/** Contact messages after the last one the agent has seen. */
export function unreadCount(conversation: Conversation): number {
  const { messages, seenUpTo } = conversation;
  const from = seenUpTo ? messages.findIndex((message) => message.id === seenUpTo) + 1 : 0;
  return messages.slice(from).filter((message) => message.direction === 'in').length;
}

/** The pane's lines: stored messages, then replies on their way. */
export function chatLines(conversation: Conversation): ChatLine[] {
  const readIndex = conversation.contactReadUpTo ? conversation.messages.findIndex((message) => message.id === conversation.contactReadUpTo) : -1;
  const stored = conversation.messages.map((message, index): ChatLine => {
    const news = conversation.deliveries[message.id];
    return {
      key: message.id,
      clientId: message.clientId,
      direction: message.direction,
      authorName: message.authorName,
      body: message.body,
      at: message.createdAt,
      delivery: message.direction === 'out' ? (news?.delivery ?? message.delivery ?? 'sent') : null,
      error: news?.error ?? message.deliveryError ?? null,
      read: message.direction === 'out' && index <= readIndex,
      attachments: message.attachments ?? [],
      fileName: null,
    };
  });
  const outgoing = conversation.outgoing.map(
    (reply): ChatLine => ({
      key: `client:${reply.clientId}`,
      clientId: reply.clientId,
      direction: 'out',
      authorName: null,
      body: reply.body,
      at: reply.at,
      delivery: reply.state,
      error: reply.error,
      read: false,
      attachments: [],
      fileName: reply.file?.name ?? null,
    }),
  );
  return [...stored, ...outgoing];
}

/** A message id of the console's own (crypto.randomUUID needs a secure context; a LAN install may be plain http). */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The conversations of the interactions the agent holds (provided by the desk page): their
 * messages, loaded once and kept live by the console socket, the replies on their way, the
 * contact's typing and read marks, unread counts, and which one is on screen. Tells the contact
 * when the agent types and what the agent has read.
 */
@Injectable()
export class DeskConversations {
  private readonly api = inject(MessagesApi);
  private readonly socket = inject(ConsoleSocket);
  private readonly document = inject(DOCUMENT);
  private readonly destroyed = inject(DestroyRef);

  private readonly store = signal<ReadonlyMap<string, Conversation>>(new Map());
  /** The interactions held, in tab order. */
  private readonly held = signal<readonly string[]>([]);
  private readonly chosen = signal<string | null>(null);
  /** Whether the console's browser tab is shown. */
  private readonly visible = signal(true);
  private readonly contactTypingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly agentTyping = new Map<string, { since: number; idle: ReturnType<typeof setTimeout> }>();

  /** The interaction on screen: the one chosen, else the first held. */
  readonly selected = computed(() => {
    const held = this.held();
    const chosen = this.chosen();
    return chosen && held.includes(chosen) ? chosen : (held[0] ?? null);
  });

  constructor() {
    this.visible.set(this.document.visibilityState !== 'hidden');
    fromEvent(this.document, 'visibilitychange')
      .pipe(takeUntilDestroyed(this.destroyed))
      .subscribe(() => this.visible.set(this.document.visibilityState !== 'hidden'));
    this.live('interaction.message').subscribe(({ interactionId, message }) => this.receive(interactionId, message));
    this.live('interaction.delivery').subscribe(({ interactionId, messageId, delivery, error }) => {
      if (!delivery) return;
      this.update(interactionId, (c) => ({ ...c, deliveries: { ...c.deliveries, [messageId]: { delivery, error } } }));
    });
    this.live('interaction.typing').subscribe(({ interactionId, typing }) => this.contactTyping(interactionId, typing));
    this.live('interaction.read').subscribe(({ interactionId, upTo }) => this.update(interactionId, (c) => ({ ...c, contactReadUpTo: upTo })));
    // After a reconnection, what was said meanwhile is loaded (the first connection finds nothing old to reload).
    this.live('session.ready').subscribe(() => {
      for (const [id, conversation] of this.store()) if (!conversation.loading && conversation.loadedAt && Date.now() - conversation.loadedAt > RELOAD_AFTER_MS) this.load(id);
    });
    // What is on screen (the tab shown, the browser tab visible) counts as read; the contact is told.
    effect(() => {
      const id = this.selected();
      if (!id || !this.visible()) return;
      const conversation = this.store().get(id);
      if (conversation && !conversation.loading) untracked(() => this.seen(id, conversation));
    });
    this.destroyed.onDestroy(() => {
      for (const id of this.agentTyping.keys()) this.stopTyping(id);
      for (const timer of this.contactTypingTimers.values()) clearTimeout(timer);
    });
  }

  /** One conversation, or undefined before it is known. */
  conversation(id: string): Conversation | undefined {
    return this.store().get(id);
  }

  unread(id: string): number {
    const conversation = this.store().get(id);
    return conversation ? unreadCount(conversation) : 0;
  }

  select(id: string): void {
    this.chosen.set(id);
  }

  /**
   * The interactions the agent holds now, in tab order: new ones are loaded, gone ones
   * forgotten. `seen`: what the new ones hold already was there when the desk opened.
   */
  sync(ids: readonly string[], options: { seen?: boolean } = {}): void {
    const known = this.store();
    const next = new Map<string, Conversation>();
    const added: string[] = [];
    for (const id of ids) {
      const conversation = known.get(id);
      if (conversation?.loadedAt || conversation?.loading) next.set(id, conversation);
      else {
        // Messages may have come over the socket before the interaction was listed.
        next.set(id, { ...EMPTY, ...conversation, seenOnLoad: options.seen ?? false });
        added.push(id);
      }
    }
    for (const id of known.keys()) if (!next.has(id)) this.forget(id);
    this.store.set(next);
    this.held.set([...ids]);
    for (const id of added) this.load(id);
  }

  load(id: string): void {
    this.update(id, (c) => ({ ...c, loading: true, loadError: null }));
    this.api
      .list(id)
      .pipe(takeUntilDestroyed(this.destroyed))
      .subscribe({
        next: (messages) =>
          this.update(id, (c) => {
            const merged = mergeMessages(c.messages, messages);
            const stored = new Set(merged.filter((m) => m.direction === 'out' && m.clientId).map((m) => m.clientId));
            const next = { ...c, messages: merged, loading: false, loadedAt: Date.now(), outgoing: c.outgoing.filter((reply) => !stored.has(reply.clientId)) };
            return c.seenOnLoad ? { ...next, seenOnLoad: false, seenUpTo: lastContactMessage(next) } : next;
          }),
        error: (error: unknown) =>
          this.update(id, (c) => ({
            ...c,
            loading: false,
            loadError: error instanceof HttpErrorResponse ? errorMessage(error) : 'The messages could not be loaded.',
          })),
      });
  }

  setDraft(id: string, draft: string): void {
    this.update(id, (c) => (c.draft === draft ? c : { ...c, draft }));
  }

  /** Sends a reply: on screen at once as "sending", stored when the server acknowledges it. */
  send(id: string, text: string): void {
    const body = text.trim();
    if (!body) return;
    const reply: OutgoingReply = { clientId: newClientId(), body, at: new Date().toISOString(), state: 'sending', error: null };
    this.update(id, (c) => ({ ...c, draft: '', outgoing: [...c.outgoing, reply] }));
    this.stopTyping(id);
    void this.transmit(id, reply);
  }

  /** Sends a file as the agent's message: on screen at once as "sending", stored when the server takes it (or refused by it). */
  attach(id: string, file: File): void {
    const reply: OutgoingReply = { clientId: newClientId(), body: '', at: new Date().toISOString(), state: 'sending', error: null, file };
    this.update(id, (c) => ({ ...c, outgoing: [...c.outgoing, reply] }));
    void this.transmit(id, reply);
  }

  /** Downloads a file of the conversation through the authorized endpoint and saves it under its name. */
  async download(id: string, attachment: MessageAttachment): Promise<void> {
    // A failure shows as the usual toast.
    const blob = await firstValueFrom(this.api.download(id, attachment.id)).catch(() => null);
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = attachment.name;
    link.hidden = true;
    this.document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  /** Sends a refused reply again, with its client id: the server stores it once whatever happened before. */
  retry(id: string, clientId: string): void {
    const reply = this.conversation(id)?.outgoing.find((entry) => entry.clientId === clientId);
    if (!reply || reply.state === 'sending') return;
    this.updateReply(id, clientId, { state: 'sending', error: null });
    void this.transmit(id, reply);
  }

  /** Drops a refused reply (the agent gave up on it). */
  discard(id: string, clientId: string): void {
    this.update(id, (c) => ({ ...c, outgoing: c.outgoing.filter((reply) => reply.clientId !== clientId || reply.state === 'sending') }));
  }

  /** A key in the composer: "typing" now and then, "stopped" after a pause. */
  typing(id: string): void {
    const current = this.agentTyping.get(id);
    if (current) clearTimeout(current.idle);
    const now = Date.now();
    const since = !current || now - current.since >= AGENT_TYPING_REPEAT_MS ? now : current.since;
    if (since === now) this.socket.signal('interaction.typing', { interactionId: id, typing: true });
    this.agentTyping.set(id, { since, idle: setTimeout(() => this.stopTyping(id), AGENT_IDLE_MS) });
  }

  stopTyping(id: string): void {
    const current = this.agentTyping.get(id);
    if (!current) return;
    clearTimeout(current.idle);
    this.agentTyping.delete(id);
    this.socket.signal('interaction.typing', { interactionId: id, typing: false });
  }

  private async transmit(id: string, reply: OutgoingReply): Promise<void> {
    const result = reply.file ? await this.upload(id, reply.clientId, reply.file) : await this.deliver(id, { clientId: reply.clientId, body: reply.body });
    if (result.ok) this.receive(id, result.message);
    else this.updateReply(id, reply.clientId, { state: 'unsent', error: result.error });
  }

  /** Over the socket; by REST while the socket is down. */
  private async deliver(interactionId: string, request: ReplyRequest): Promise<SendResult> {
    if (this.socket.connected) {
      const result = await this.socket.request('interaction.send', { interactionId, ...request });
      return result.ok ? { ok: true, message: result.data } : { ok: false, error: result.error.message };
    }
    try {
      return { ok: true, message: await firstValueFrom(this.api.reply(interactionId, request)) };
    } catch (error) {
      return { ok: false, error: error instanceof HttpErrorResponse ? errorMessage(error) : 'The message could not be sent.' };
    }
  }

  /** A file goes by REST (multipart) whether or not the socket is up. */
  private async upload(interactionId: string, clientId: string, file: File): Promise<SendResult> {
    try {
      return { ok: true, message: await firstValueFrom(this.api.sendFile(interactionId, clientId, file)) };
    } catch (error) {
      return { ok: false, error: error instanceof HttpErrorResponse ? errorMessage(error) : 'The file could not be sent.' };
    }
  }

  /** A stored message: a reply's acknowledgement, or news from the socket. Known ids are not added twice. */
  private receive(id: string, message: InteractionMessage): void {
    if (message.direction === 'in') this.contactTyping(id, false);
    this.update(id, (c) => ({
      ...c,
      messages: mergeMessages(c.messages, [message]),
      outgoing: message.direction === 'out' && message.clientId ? c.outgoing.filter((reply) => reply.clientId !== message.clientId) : c.outgoing,
    }));
  }

  private contactTyping(id: string, typing: boolean): void {
    clearTimeout(this.contactTypingTimers.get(id));
    this.contactTypingTimers.delete(id);
    if (typing) this.contactTypingTimers.set(id, setTimeout(() => this.contactTyping(id, false), CONTACT_TYPING_MS));
    this.update(id, (c) => (c.contactTyping === typing ? c : { ...c, contactTyping: typing }));
  }

  private seen(id: string, conversation: Conversation): void {
    const last = lastContactMessage(conversation);
    if (!last || (conversation.seenUpTo === last && conversation.readSent === last)) return;
    if (conversation.readSent !== last) this.socket.signal('interaction.read', { interactionId: id, upTo: last });
    this.update(id, (c) => ({ ...c, seenUpTo: last, readSent: last }));
  }

  private updateReply(id: string, clientId: string, change: Partial<OutgoingReply>): void {
    this.update(id, (c) => ({ ...c, outgoing: c.outgoing.map((reply) => (reply.clientId === clientId ? { ...reply, ...change } : reply)) }));
  }

  /** Changes one conversation (known or not yet: socket news may come before the desk lists it). */
  private update(id: string, change: (conversation: Conversation) => Conversation): void {
    this.store.update((store) => {
      const current = store.get(id) ?? EMPTY;
      const next = change(current);
      if (next === current) return store;
      return new Map(store).set(id, next);
    });
  }

  /** The interaction is no longer the agent's: its timers stop (the server would refuse its signals now). */
  private forget(id: string): void {
    clearTimeout(this.agentTyping.get(id)?.idle);
    this.agentTyping.delete(id);
    clearTimeout(this.contactTypingTimers.get(id));
    this.contactTypingTimers.delete(id);
  }

  private live<E extends 'interaction.message' | 'interaction.delivery' | 'interaction.typing' | 'interaction.read' | 'session.ready'>(event: E) {
    return this.socket.on(event).pipe(takeUntilDestroyed(this.destroyed));
  }
}
