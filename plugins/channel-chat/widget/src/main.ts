import type { ChatClientEvents, ChatConversation, ChatReady, ChatResult, ChatSendRequest, ChatServerEvents, ChatSiteView, ChatVisitorIdentity } from '@switchboard/contracts';
import { io, type Socket } from 'socket.io-client';
import { ConversationView } from './conversation-view';
import { el } from './dom';
import { endScreen } from './end-view';
import { Files } from './files';
import { fieldsForm, type FieldsForm } from './forms';
import { fill, pickLanguage, wordsOf } from './i18n';
import { inviteView } from './invite-view';
import { Outbox, newClientId, type Outcome } from './outbox';
import { Shell } from './shell';
import { load, save } from './storage';
import { recordVisit } from './visit';

// Mirrors CHAT_NAMESPACE of @switchboard/contracts (a runtime import would bundle its index).
const CHAT_NAMESPACE = '/chat';
/** How long a request waits for its acknowledgement before it counts as lost (and a message is resent). */
const ACK_MS = 10_000;
/** Pause before resending after a lost acknowledgement or "too many requests". */
const RETRY_MS = 3000;
/** Pause before reconnecting after the server refused (rate limit) or dropped the connection. */
const RECONNECT_MS = 15_000;
/** "Typing" goes out at most this often while the visitor types, and "stopped" after this much idle time. */
const TYPING_EVERY_MS = 3000;
const TYPING_IDLE_MS = 2000;

/** What survives a navigation, per site (localStorage): the visitor's key and the conversation last seen. */
interface Saved {
  token?: string;
  interactionId?: string | null;
  ended?: boolean;
  rated?: boolean;
}

type View = 'none' | 'prechat' | 'offline' | 'offline-done' | 'chat' | 'ended' | 'invite';
type Failure = Extract<ChatResult<unknown>, { ok: false }>;
/** The visitor's requests that answer through an acknowledgement, and what each answers. */
type Request = Exclude<keyof ChatClientEvents, 'chat.typing' | 'chat.read' | 'chat.invited'>;
type Answer<E extends Request> = Parameters<Parameters<ChatClientEvents[E]>[1]>[0];

/** What the snippet's tag says besides the site key. */
interface Options {
  /** The visitor as the site signed them in (`data-visitor-*`). */
  identity?: ChatVisitorIdentity;
  /** The invitation the page carries (`data-invitation`: the invitation page). */
  invitation?: string;
}

function start(server: string, siteKey: string, options: Options): void {
  const key = `sb-chat:${siteKey}`;
  const visit = recordVisit(`${key}:visit`);
  const openKey = `${key}:open`;
  const lang = pickLanguage();
  const t = wordsOf(lang);
  let saved = load<Saved>('localStorage', key, {});
  const remember = (patch: Saved) => save('localStorage', key, (saved = { ...saved, ...patch }));
  const outbox = new Outbox(`${key}:outbox`);
  const pageUrl = () => location.href.slice(0, 2000);

  let shell: Shell | null = null;
  let site: ChatSiteView | null = null;
  let view: View = 'none';
  /** True between this connection's chat.ready and its end: only then do messages go out. */
  let ready = false;
  let state: ChatConversation['state'] | null = null;
  let agentName: string | null = null;
  /** The pre-chat form stays while its message is on the way, so that a refusal brings the visitor back to it. */
  let prechat: FieldsForm | null = null;
  let endedFor: string | null = null;
  let lastRead: string | null = null;
  let typingAt = 0;
  let typingIdle: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** The invitation the next chat opens with (the page's, or a proactive one accepted), and its agent. */
  let invitation: string | null = options.invitation ?? null;
  let invitedBy: string | null = null;

  const socket: Socket<ChatServerEvents, ChatClientEvents> = io(server + CHAT_NAMESPACE, {
    transports: ['websocket'],
    // A function, so that every reconnection presents the token the server gave last.
    auth: (give) => give({ siteKey, visitorToken: saved.token, pageUrl: pageUrl(), identity: options.identity, invitation: invitation ?? undefined, visit }),
  });

  const offline: Failure = { ok: false, error: { code: 'OFFLINE', message: t.offline } };
  // The server's messages are English; the common refusals are said in the visitor's language.
  const known: Record<string, string> = { BLOCKED: t.blocked, TOO_MANY_REQUESTS: t.tooMany, OFFLINE: t.offline, INVITATION_INVALID: t.invitationGone };
  const explain = (error: Failure['error']) => (Object.prototype.hasOwnProperty.call(known, error.code) ? known[error.code] : error.message) || t.error;

  /** A request with an acknowledgement; a drop or a timeout answers OFFLINE. */
  const ask = async <E extends Request>(event: E, payload: Parameters<ChatClientEvents[E]>[0]): Promise<Answer<E>> => {
    if (!socket.connected) return offline;
    // socket.io's typings cannot follow a generic event name through timeout(); the contract can.
    const timed = socket.timeout(ACK_MS) as unknown as { emitWithAck(event: string, payload: unknown): Promise<Answer<E>> };
    try {
      return await timed.emitWithAck(event, payload);
    } catch {
      return offline;
    }
  };
  /** The same, with a failure shown in the error line. */
  const askShown = async <E extends Request>(event: E, payload: Parameters<ChatClientEvents[E]>[0]): Promise<Answer<E>> => {
    shell?.setError(null);
    const result = await ask(event, payload);
    if (!result.ok) shell?.setError(explain(result.error));
    return result;
  };

  const setView = (next: View, node: HTMLElement) => {
    view = next;
    shell?.view.replaceChildren(node);
  };

  const updateStatus = () =>
    shell?.setStatus(
      !socket.connected ? t.reconnecting : view === 'ended' ? t.ended : view !== 'chat' ? '' : state === 'active' ? fill(t.chatting, { name: agentName || t.anAgent }) : t.waiting,
    );

  /** Makes `interactionId` the conversation shown; another one's messages go. */
  const adopt = (interactionId: string) => {
    if (saved.interactionId === interactionId) return;
    if (saved.interactionId) conversation.reset();
    lastRead = null;
    remember({ interactionId, ended: false, rated: false });
  };

  const showChat = () => {
    if (view === 'chat') return;
    conversation.ended(null);
    setView('chat', conversation.root);
  };

  const showForm = () => {
    if (!site) return;
    // An accepted invitation's agent is online: they just asked.
    if (site.online || invitedBy) {
      const intro = invitedBy ? fill(t.chatWith, { name: invitedBy }) : null;
      const form = (prechat = fieldsForm(t, 'sb-pre', site.preChatFields, { label: t.start, testId: 'sb-send' }, intro, () => startChat(form)));
      setView('prechat', form.form);
    } else {
      const form = fieldsForm(t, 'sb-off', site.preChatFields, { label: t.offlineSend, testId: 'sb-offline-send' }, t.offlineIntro, () => void leaveMessage(form));
      setView('offline', form.form);
    }
    updateStatus();
  };

  const newChat = () => {
    remember({ interactionId: null, ended: false, rated: false });
    conversation.reset();
    state = agentName = endedFor = null;
    shell?.setError(null);
    showForm();
    (shell?.view.querySelector('input, textarea') as HTMLElement | null)?.focus();
  };

  const showEnded = () => {
    const interactionId = saved.interactionId;
    if (!interactionId) return newChat();
    state = 'ended';
    if (!saved.ended) remember({ ended: true });
    if (view !== 'ended' || endedFor !== interactionId) {
      endedFor = interactionId;
      const screen = endScreen(t, interactionId, Boolean(saved.rated), { ask: askShown, rated: () => remember({ rated: true }), newChat });
      setView('ended', conversation.root);
      conversation.ended(screen);
      // The composer or "End chat" had the focus and is gone; keyboard users land on the rating.
      if (shell?.isOpen()) screen.querySelector('button')?.focus();
    }
    updateStatus();
  };

  /** The chat ended (the agent closed it, or the visitor did): what is still unsent can no longer go there. */
  const chatEnded = () => {
    for (const item of outbox.items) conversation.failed(item.clientId);
    outbox.clear();
    showEnded();
  };

  // --- Sending -------------------------------------------------------------------------------

  const flush = () => {
    clearTimeout(retryTimer);
    if (ready) void outbox.flush(deliver);
  };
  const retryLater = () => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(flush, RETRY_MS);
  };

  const deliver = async (item: ChatSendRequest): Promise<Outcome> => {
    if (!ready) return 'retry';
    const result = await ask('chat.message', item);
    if (result.ok) {
      adopt(result.data.interactionId);
      // Spent by the chat it opened.
      if (item.invitation) invitation = invitedBy = null;
      state ??= 'waiting';
      conversation.sent(item.clientId, result.data.id);
      if (shell?.error.textContent === t.tooMany) shell.setError(null);
      updateStatus();
      return 'done';
    }
    const { error } = result;
    // Lost on the way (timeout, drop): kept; a reconnect's chat.ready flushes again, a live socket retries.
    if (error.code === 'OFFLINE') {
      if (socket.connected) retryLater();
      return 'retry';
    }
    if (error.code === 'TOO_MANY_REQUESTS') {
      shell?.setError(explain(error));
      retryLater();
      return 'retry';
    }
    // Refused for good. The opening message goes back to its form, with the error next to its field.
    conversation.failed(item.clientId);
    if (error.code === 'INVITATION_INVALID') invitation = invitedBy = null;
    if (item.fields && prechat && !saved.interactionId) {
      outbox.clear();
      conversation.reset();
      state = null;
      setView('prechat', prechat.form);
      updateStatus();
      if (!prechat.fieldError(error.field, error.message)) shell?.setError(explain(error));
      return 'done';
    }
    shell?.setError(explain(error));
    return 'done';
  };

  const queue = (item: ChatSendRequest) => {
    outbox.push(item);
    conversation.addPending(item);
    flush();
  };

  /** The pre-chat form's submit: its message opens the conversation and carries the answers. */
  const startChat = (form: FieldsForm) => {
    const { fields, body } = form.values();
    if (!body) return;
    form.clearErrors();
    shell?.setError(null);
    conversation.reset();
    state = 'waiting';
    showChat();
    updateStatus();
    queue({ clientId: newClientId(), body, pageUrl: pageUrl(), fields, ...(invitation ? { invitation } : {}) });
    conversation.focus();
  };

  const leaveMessage = async (form: FieldsForm) => {
    const { fields, body } = form.values();
    form.clearErrors();
    form.busy(true);
    const result = await askShown('chat.offline', { fields, body, pageUrl: pageUrl() });
    form.busy(false);
    if (result.ok) {
      const thanks = el('p', { class: 'note', role: 'status', tabindex: -1, 'data-testid': 'sb-offline-thanks' }, t.offlineThanks);
      setView('offline-done', thanks);
      // The focused button is gone: focus stays in the panel for keyboard users.
      thanks.focus();
    } else if (form.fieldError(result.error.field, result.error.message)) shell?.setError(null);
  };

  // --- Typing and read receipts ----------------------------------------------------------------

  const stopTyping = () => {
    clearTimeout(typingIdle);
    if (typingAt && ready) socket.emit('chat.typing', { typing: false });
    typingAt = 0;
  };
  const typing = () => {
    if (!ready || !saved.interactionId) return;
    const now = Date.now();
    if (now - typingAt > TYPING_EVERY_MS) {
      typingAt = now;
      socket.emit('chat.typing', { typing: true });
    }
    clearTimeout(typingIdle);
    typingIdle = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  /** Tells the agent the visitor has seen their messages, but only while the panel is really in view. */
  const markRead = () => {
    const upTo = conversation.lastAgentId();
    if (!upTo || upTo === lastRead || !ready || view !== 'chat' || !shell?.isOpen() || document.visibilityState !== 'visible') return;
    lastRead = upTo;
    socket.emit('chat.read', { upTo });
  };

  // --- Files ---------------------------------------------------------------------------------

  const files = new Files(`${server}/api/v1/chat/sites/${encodeURIComponent(siteKey)}`, () => saved.token, options.identity);
  /** A refused or lost file, said in the visitor's language (a file is not resent by itself). */
  const fileProblem = (error: Failure['error']) =>
    error.code === 'PAYLOAD_TOO_LARGE' ? t.fileTooBig : error.code === 'UNSUPPORTED_MEDIA_TYPE' ? t.fileType : error.code === 'OFFLINE' ? t.error : explain(error);

  const sendFile = async (file: File) => {
    shell?.setError(null);
    conversation.uploading(file.name);
    const result = await files.send(file, newClientId());
    conversation.uploading(null);
    if (!result.ok) return shell?.setError(fileProblem(result.error));
    adopt(result.data.interactionId);
    conversation.add(result.data.message);
    updateStatus();
  };

  const conversation = new ConversationView(t, {
    send: (body) => {
      stopTyping();
      queue({ clientId: newClientId(), body, pageUrl: pageUrl() });
    },
    attach: (file) => void sendFile(file),
    download: async (file) => {
      shell?.setError(null);
      const result = await files.download(file, conversation.root);
      if (!result.ok) shell?.setError(fileProblem(result.error));
    },
    typing,
    end: async () => {
      const result = await askShown('chat.end', {});
      if (result.ok) chatEnded();
      return result.ok;
    },
  });

  // --- Server events -------------------------------------------------------------------------

  /** Sent on every connection: the first one builds the widget; later ones resync it. */
  socket.on('chat.ready', (payload: ChatReady) => {
    remember({ token: payload.visitorToken });
    site = payload.site;
    // The page's invitation can still open a chat (else it is dropped: the chat goes to anyone).
    const invitedOnPage = Boolean(options.invitation && site.invitation && invitation === options.invitation);
    // (Its agent offline: the offline form, as for anyone.)
    if (invitedOnPage) invitedBy = site.online ? (site.invitation?.agentName ?? null) : null;
    else if (invitation === options.invitation) invitation = null;
    const first = !shell;
    if (!shell) {
      shell = new Shell(t, (open) => {
        save('sessionStorage', openKey, open || null);
        if (open) markRead();
      });
      shell.setLayout(site.layoutHtml[lang] ?? site.layoutHtml.en, site.name);
    }
    const open = payload.conversation;
    conversation.agentTyping(false, null);
    if (open && open.state !== 'ended') {
      adopt(open.interactionId);
      state = open.state;
      agentName = open.agentName;
      // What the server already stored is not sent again (its acknowledgement was lost).
      outbox.drop(new Set(open.messages.map((m) => m.clientId ?? '')));
      conversation.merge(open.messages, outbox.items);
      showChat();
    } else if (outbox.items[0]?.fields) {
      // The opening message was written but is not stored yet (a navigation or a drop came first).
      conversation.merge([], outbox.items);
      state = 'waiting';
      showChat();
    } else if (open || saved.interactionId) {
      // The conversation this browser knew has ended meanwhile.
      if (open) adopt(open.interactionId);
      chatEnded();
    } else if (view === 'none' || view === 'chat') {
      showForm();
    }
    ready = true;
    updateStatus();
    flush();
    if (first && (load('sessionStorage', openKey, false) || (invitedOnPage && view === 'prechat'))) shell.open(true, false);
    markRead();
  });

  socket.on('chat.message', (message) => {
    // A straggler of a chat already over.
    if (saved.ended && message.interactionId === saved.interactionId) return;
    adopt(message.interactionId);
    showChat();
    if (conversation.add(message)) markRead();
    updateStatus();
  });

  socket.on('chat.state', ({ interactionId, state: next, agentName: name }) => {
    if (next === 'ended') {
      if (interactionId === saved.interactionId) chatEnded();
      return;
    }
    if (saved.ended && interactionId === saved.interactionId) return;
    adopt(interactionId);
    state = next;
    agentName = name;
    showChat();
    updateStatus();
  });

  socket.on('chat.typing', ({ typing: on, name }) => {
    if (view === 'chat') conversation.agentTyping(on, name);
  });

  socket.on('chat.read', ({ upTo }) => conversation.read(upTo));

  // An agent invites the browsing visitor: shown unless they are chatting already.
  socket.on('chat.invite', (invite) => {
    if (!shell || view === 'chat') return;
    socket.emit('chat.invited', { invitation: invite.invitation });
    const answer = (accepted: boolean) => {
      socket.emit('chat.invited', { invitation: null });
      if (accepted) {
        invitation = invite.invitation;
        invitedBy = invite.agentName;
        newChat();
      } else {
        showForm();
        shell?.open(false);
      }
    };
    setView('invite', inviteView(t, invite, answer));
    shell.open(true);
  });

  socket.on('disconnect', (reason) => {
    ready = false;
    conversation.agentTyping(false, null);
    updateStatus();
    // The server hung up on purpose (it failed to set the visitor up): try again in a while.
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), RECONNECT_MS);
  });

  socket.on('connect_error', (error: Error & { data?: { code: string; message: string } }) => {
    const refusal = error.data;
    // No data: the network failed, and socket.io retries by itself.
    if (!refusal) return updateStatus();
    // A refused handshake is not retried by socket.io. An unknown key or a page the site does not
    // allow is the site owner's to fix: say so in the console, nothing to retry.
    if (refusal.code === 'NOT_FOUND' || refusal.code === 'FORBIDDEN') {
      console.warn(`Switchboard chat: ${refusal.message}`);
      shell?.setError(refusal.message);
      return;
    }
    shell?.setError(explain(refusal));
    setTimeout(() => socket.connect(), RECONNECT_MS);
  });

  // The browser knows the network is gone long before a heartbeat does: hang up, and reconnect
  // (then resync and resend) as soon as it is back.
  addEventListener('offline', () => socket.disconnect());
  addEventListener('online', () => {
    if (!socket.connected) socket.connect();
  });
  document.addEventListener('visibilitychange', markRead);
}

/** The snippet's script tag: `<script async src="https://SERVER/widget.js" data-site-key="KEY">`. */
const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[data-site-key][src*="widget.js"]');
const siteKey = script?.getAttribute('data-site-key');
const attribute = (name: string) => script?.getAttribute(`data-${name}`) || undefined;
const page = window as Window & { switchboardChat?: boolean };
// Pasted twice, the snippet still makes one widget.
if (script && siteKey && !page.switchboardChat) {
  page.switchboardChat = true;
  const visitorId = attribute('visitor-id');
  const identity = visitorId ? { id: visitorId, name: attribute('visitor-name'), email: attribute('visitor-email'), signature: attribute('visitor-signature') } : undefined;
  const run = () => start(new URL(script.src, location.href).origin, siteKey, { identity, invitation: attribute('invitation') });
  if (document.body) run();
  else document.addEventListener('DOMContentLoaded', run);
}
