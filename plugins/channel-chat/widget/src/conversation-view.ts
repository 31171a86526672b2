import type { ChatMessage, ChatSendRequest, MessageAttachment } from '@switchboard/contracts';
import { el, show, svg } from './dom';
import { FILE_ACCEPT, fileSize } from './files';
import { MESSAGE_MAX } from './forms';
import { fill, type Words } from './i18n';

type LineState = 'sending' | 'sent' | 'read' | 'failed';

interface Line {
  id: string | null;
  clientId: string | null;
  from: 'visitor' | 'agent';
  node: HTMLElement;
  mark: HTMLElement | null;
  state: LineState;
}

export interface ConversationActions {
  send(body: string): void;
  /** The visitor chose a file to send. */
  attach(file: File): void;
  download(file: MessageAttachment): void;
  typing(): void;
  end(): Promise<boolean>;
}

/** Material's "attach file" icon. */
const CLIP = 'M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V6H10v9.5a2.5 2.5 0 0 0 5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6z';

/** How long "is typing…" stays without news from the agent (a lost "stopped" must not leave it up). */
const TYPING_MS = 5000;

/**
 * The open conversation: the message log, the agent's typing, the composer and "End chat".
 * Messages are keyed by the server's id and by the widget's client id, so a message arriving
 * twice (an event and a resync, or a resend after a lost acknowledgement) is shown once.
 */
export class ConversationView {
  readonly root: HTMLElement;
  private lines: Line[] = [];
  private readUpTo: string | null = null;
  private readonly log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'data-testid': 'sb-messages' });
  private readonly typingLine = el('div', { class: 'typing', 'data-testid': 'sb-typing', hidden: true });
  private readonly composer: HTMLFormElement;
  private readonly input = el('textarea', { id: 'sb-composer', rows: 2, maxlength: MESSAGE_MAX, 'data-testid': 'sb-input' });
  private readonly picker = el('input', { type: 'file', accept: FILE_ACCEPT, hidden: true, tabindex: -1, 'data-testid': 'sb-file' });
  private readonly attachButton: HTMLButtonElement;
  /** A file on its way: its name while it uploads. */
  private readonly upload = el('p', { class: 'upload', role: 'status', 'data-testid': 'sb-upload', hidden: true });
  private readonly endBar = el('div', { class: 'end-bar' });
  private readonly after = el('div');
  private typingTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly t: Words,
    private readonly actions: ConversationActions,
  ) {
    const submit = () => {
      const body = this.input.value.trim();
      if (!body) return;
      this.input.value = '';
      actions.send(body);
    };
    this.input.addEventListener('input', () => actions.typing());
    this.input.addEventListener('keydown', (event) => {
      // Enter sends, Shift+Enter is a new line (as in most chats).
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        submit();
      }
    });
    this.picker.addEventListener('change', () => {
      const file = this.picker.files?.[0];
      // Emptied, so that the same file can be chosen again.
      this.picker.value = '';
      if (file) actions.attach(file);
    });
    // A real button opens the picker: reachable and usable by keyboard, named for screen readers.
    const clip = svg('svg', { viewBox: '0 0 24 24', width: '20', height: '20', 'aria-hidden': 'true' }, svg('path', { fill: 'currentColor', d: CLIP }));
    this.attachButton = el('button', { type: 'button', class: 'attach', 'aria-label': t.attach, title: t.attach, 'data-testid': 'sb-attach', onclick: () => this.picker.click() }, clip);
    this.composer = el(
      'form',
      { class: 'composer', onsubmit: (event) => (event.preventDefault(), submit()) },
      el('label', { for: 'sb-composer', class: 'sr-only' }, t.message),
      this.attachButton,
      this.picker,
      this.input,
      el('button', { type: 'submit', class: 'primary', 'data-testid': 'sb-send' }, t.send),
    );
    this.root = el('div', { class: 'conversation' }, this.log, this.typingLine, this.upload, this.composer, this.endBar, this.after);
    this.endButton();
  }

  /** A file is uploading (its name), or no longer (null): one at a time. */
  uploading(name: string | null): void {
    this.upload.textContent = name ? fill(this.t.uploading, { name }) : '';
    show(this.upload, name !== null);
    this.attachButton.disabled = name !== null;
  }

  focus(): void {
    if (!this.composer.hidden) this.input.focus();
  }

  /** Forgets every message (a new conversation starts). */
  reset(): void {
    this.lines = [];
    this.readUpTo = null;
    this.render();
    this.ended(null);
  }

  /**
   * The server's copy of the conversation, after a (re)connect: its messages in its order, then
   * messages seen here since that the copy lacks (crossed on the way), then the unsent outbox.
   */
  merge(messages: readonly ChatMessage[], pending: readonly ChatSendRequest[]): void {
    const old = this.lines;
    const ids = new Set<string>();
    const clientIds = new Set<string>();
    const next: Line[] = [];
    const take = (line: Line) => {
      if (line.id) ids.add(line.id);
      if (line.clientId) clientIds.add(line.clientId);
      next.push(line);
    };
    for (const message of messages) {
      if (ids.has(message.id) || (message.clientId && clientIds.has(message.clientId))) continue;
      const known = old.find((line) => line.id === message.id || (message.clientId && line.clientId === message.clientId));
      take(known ? this.settle(known, message.id) : this.line(message.id, message.clientId, message.from, message.authorName, message.body, 'sent', message.attachments));
    }
    for (const line of old) if (line.id && !ids.has(line.id) && !(line.clientId && clientIds.has(line.clientId))) take(line);
    for (const item of pending) {
      if (clientIds.has(item.clientId)) continue;
      take(old.find((line) => line.clientId === item.clientId) ?? this.line(null, item.clientId, 'visitor', null, item.body, 'sending'));
    }
    this.lines = next;
    this.applyRead();
    this.render();
  }

  /** A message event; false when it is already shown. */
  add(message: ChatMessage): boolean {
    if (this.lines.some((line) => line.id === message.id)) return false;
    const mine = message.clientId ? this.lines.find((line) => line.clientId === message.clientId) : undefined;
    if (mine) {
      this.settle(mine, message.id);
      return false;
    }
    if (message.from === 'agent') this.agentTyping(false, null);
    this.lines.push(this.line(message.id, message.clientId, message.from, message.authorName, message.body, 'sent', message.attachments));
    this.render();
    return true;
  }

  /** The visitor's message as written, before the server has it. */
  addPending(item: ChatSendRequest): void {
    this.lines.push(this.line(null, item.clientId, 'visitor', null, item.body, 'sending'));
    this.render();
  }

  sent(clientId: string, id: string): void {
    const line = this.lines.find((l) => l.clientId === clientId);
    if (!line) return;
    this.settle(line, id);
    this.applyRead();
  }

  failed(clientId: string): void {
    const line = this.lines.find((l) => l.clientId === clientId);
    if (line) this.mark(line, 'failed');
  }

  /** The agent read the visitor's messages up to this one. */
  read(upTo: string): void {
    this.readUpTo = upTo;
    this.applyRead();
  }

  lastAgentId(): string | null {
    for (let i = this.lines.length - 1; i >= 0; i--) {
      const line = this.lines[i];
      if (line?.from === 'agent' && line.id) return line.id;
    }
    return null;
  }

  agentTyping(typing: boolean, name: string | null): void {
    clearTimeout(this.typingTimer);
    this.typingLine.textContent = typing ? fill(this.t.typing, { name: name || this.t.agent }) : '';
    show(this.typingLine, typing);
    if (typing) this.typingTimer = setTimeout(() => this.agentTyping(false, null), TYPING_MS);
  }

  /** The chat is over: no composer; `screen` (rating, transcript) below the log, or null for an open chat. */
  ended(screen: HTMLElement | null): void {
    show(this.composer, !screen);
    show(this.endBar, !screen);
    show(this.log, !screen || this.lines.length > 0);
    // Over, the log and the end screen scroll as one, the end screen in view.
    this.root.classList.toggle('over', Boolean(screen));
    this.after.replaceChildren(...(screen ? [screen] : []));
    if (screen) {
      this.agentTyping(false, null);
      this.root.scrollTop = this.after.offsetTop - this.root.offsetTop;
    } else this.endButton();
  }

  private endButton(): void {
    this.endBar.replaceChildren(el('button', { type: 'button', class: 'link', 'data-testid': 'sb-end', onclick: () => this.confirmEnd() }, this.t.end));
  }

  /** "End chat" asks first, inline (no window.confirm: it would block the host page). */
  private confirmEnd(): void {
    const yes = el('button', { type: 'button', class: 'danger', 'data-testid': 'sb-end-yes' }, this.t.endYes);
    const no = el('button', { type: 'button', 'data-testid': 'sb-end-no' }, this.t.endNo);
    yes.onclick = async () => {
      yes.disabled = true;
      if (!(await this.actions.end())) yes.disabled = false;
    };
    no.onclick = () => {
      this.endButton();
      (this.endBar.firstElementChild as HTMLElement | null)?.focus();
    };
    this.endBar.replaceChildren(el('span', {}, this.t.endAsk), yes, no);
    yes.focus();
  }

  private line(id: string | null, clientId: string | null, from: Line['from'], author: string | null, body: string, state: LineState, files: readonly MessageAttachment[] = []): Line {
    const mark = from === 'visitor' ? el('span', { class: 'mark' }) : null;
    // Each file a button that downloads it; its name is text, as every message is.
    const links = files.map((file) =>
      el('button', { type: 'button', class: 'file', title: fill(this.t.download, { name: file.name }), 'data-testid': 'sb-attachment', onclick: () => this.actions.download(file) }, `${file.name} (${fileSize(file.size)})`),
    );
    const node = el(
      'div',
      { class: `msg ${from}`, 'data-testid': 'sb-message', 'data-from': from },
      from === 'agent' && author ? el('span', { class: 'who' }, author) : null,
      body || !links.length ? el('div', { class: 'body' }, body) : null,
      ...links,
      mark,
    );
    const line = { id, clientId, from, node, mark, state };
    this.mark(line, state);
    return line;
  }

  private settle(line: Line, id: string): Line {
    line.id = id;
    if (line.state === 'sending' || line.state === 'failed') this.mark(line, 'sent');
    return line;
  }

  private mark(line: Line, state: LineState): void {
    line.state = state;
    line.node.setAttribute('data-state', state);
    if (line.mark) line.mark.textContent = this.t[state];
  }

  private applyRead(): void {
    const upTo = this.lines.findIndex((line) => line.id === this.readUpTo);
    this.lines.forEach((line, i) => {
      if (i <= upTo && line.from === 'visitor' && line.state === 'sent') this.mark(line, 'read');
    });
  }

  private render(): void {
    // Follow the conversation unless the visitor scrolled up to read.
    const atEnd = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 40;
    this.log.replaceChildren(...this.lines.map((line) => line.node));
    if (atEnd) this.log.scrollTop = this.log.scrollHeight;
  }
}
