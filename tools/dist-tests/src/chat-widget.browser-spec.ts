import { CONSOLE_NAMESPACE, type InteractionMessage, type Offer, type OfflineMessage, type SocketActionResult, type Transcript } from '@switchboard/contracts';
import { readFileSync } from 'node:fs';
import type { BrowserContext, FileChooser, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { apiAs, eventually, textOf, useConsoleSession, type ApiClient } from './console-session';

interface Site {
  id: string;
  siteKey: string;
}
interface Shown {
  from: string | undefined;
  state: string | undefined;
  body: string;
}

const PASSWORD = 'Agent-Password-123!';
const FILE_LIMIT = 256 * 1024;
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const MARKUP = '<img src=x onerror=alert(1)>';

/** An agent's console as a socket.io client: every event it received, and its requests with their acknowledgements. */
interface ConsoleAgent {
  id: string;
  api: ApiClient;
  socket: Socket;
  events: Array<{ event: string; payload: unknown }>;
  /** The first received payload of `event` that `match` accepts (waits for it). */
  next<T>(event: string, match?: (payload: T) => boolean, timeoutMs?: number): Promise<T>;
  ask<T = unknown>(event: string, payload: unknown): Promise<T>;
  /** The contact's messages of an interaction, as `interaction.message` events (to count them). */
  received(interactionId: string): InteractionMessage[];
}

describe('the chat widget in Chromium', () => {
  // A small attachment limit, so that a file over it is quick to make.
  const session = useConsoleSession({ ATTACHMENT_MAX_BYTES: String(FILE_LIMIT) });
  const agents: ConsoleAgent[] = [];
  const contexts: BrowserContext[] = [];
  let counter = 0;

  afterAll(async () => {
    for (const agent of agents) agent.socket.disconnect();
    for (const context of contexts) await context.close().catch(() => undefined);
  });

  /** Creates an agent; with `online`, signs them in and opens their console socket (they go online). */
  const newAgent = async (fullName: string, online = true): Promise<ConsoleAgent> => {
    const username = `chat.agent${++counter}`;
    const { id } = await session.api.post<{ id: string }>('/agents', { username, fullName, email: `${username}@example.test`, password: PASSWORD, role: 'agent' });
    if (!online) return { id } as ConsoleAgent;
    const api = await apiAs(session.server.url, username, PASSWORD);
    const socket = io(`${session.server.url}${CONSOLE_NAMESPACE}`, { auth: { token: api.token }, transports: ['websocket'], reconnection: false, forceNew: true });
    const events: ConsoleAgent['events'] = [];
    socket.onAny((event: string, payload: unknown) => events.push({ event, payload }));
    const agent: ConsoleAgent = {
      id,
      api,
      socket,
      events,
      async next<T>(event: string, match: (payload: T) => boolean = () => true, timeoutMs = 10_000) {
        const find = () => events.find((entry) => entry.event === event && match(entry.payload as T));
        const found = await eventually(async () => find(), Boolean, timeoutMs).catch(() => {
          throw new Error(`${username}: no matching ${event} in ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => e.event))}`);
        });
        return found?.payload as T;
      },
      ask: <T>(event: string, payload: unknown) => socket.timeout(10_000).emitWithAck(event, payload) as Promise<T>,
      received: (interactionId) =>
        events
          .filter((entry) => entry.event === 'interaction.message')
          .map((entry) => entry.payload as { interactionId: string; message: InteractionMessage })
          .filter((payload) => payload.interactionId === interactionId && payload.message.direction === 'in')
          .map((payload) => payload.message),
    };
    agents.push(agent);
    await agent.next('session.ready');
    const presence = await agent.next<{ status: string }>('presence.changed');
    expect(presence.status).toBe('online');
    return agent;
  };

  const newSite = async (agentIds: string[]): Promise<Site & { testPageUrl: string }> => {
    const site = await session.api.post<Site>('/sites', { name: `Shop ${++counter}`, url: 'https://shop.example.test', agents: agentIds.map((agentId) => ({ agentId, priority: 1 })) });
    const { testPageUrl } = await session.api.get<{ testPageUrl: string }>(`/sites/${site.id}/embed`);
    return { ...site, testPageUrl };
  };

  /** The site's "test my module" page (it embeds the widget with the snippet) in a fresh browser context. */
  const visit = async (site: { testPageUrl: string }): Promise<{ page: Page; context: BrowserContext; dialogs: string[] }> => {
    const context = await session.browser.newContext({ viewport: { width: 1200, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(site.testPageUrl);
    await page.getByTestId('sb-launcher').click();
    await page.getByTestId('sb-panel').waitFor();
    return { page, context, dialogs };
  };

  /** The messages the widget shows, in order. */
  const shown = (page: Page): Promise<Shown[]> =>
    page.getByTestId('sb-message').evaluateAll((nodes) =>
      nodes.map((node) => ({ from: (node as HTMLElement).dataset['from'], state: (node as HTMLElement).dataset['state'], body: node.querySelector('.body')?.textContent ?? '' })),
    );
  /** Waits until the widget shows exactly these messages (bodies and senders), every visitor's one stored. */
  const shownUntil = (page: Page, expected: Array<Pick<Shown, 'from' | 'body'>>) =>
    eventually(
      () => shown(page),
      (list) => JSON.stringify(list.map(({ from, body }) => ({ from, body }))) === JSON.stringify(expected) && list.every((m) => m.state === 'sent' || m.state === 'read'),
      15_000,
    );

  /** Fills in the pre-chat form and sends its first message. */
  const startChat = async (page: Page, name: string, body: string) => {
    await page.getByTestId('sb-field-name').fill(name);
    await page.getByTestId('sb-input').fill(body);
    await page.getByTestId('sb-send').click();
  };
  const say = async (page: Page, body: string) => {
    await page.getByTestId('sb-input').fill(body);
    await page.getByTestId('sb-send').click();
  };

  /** The agent accepts the offer of the site's new chat; resolves with its interaction id. */
  const accept = async (agent: ConsoleAgent, contactName: string): Promise<string> => {
    const offer = await agent.next<Offer>('offer.new', (o) => o.interaction.contactName === contactName);
    const answer = await agent.ask<SocketActionResult<unknown>>('offer.accept', { offerId: offer.id });
    expect(answer.ok).toBe(true);
    return offer.interaction.id;
  };
  const reply = async (agent: ConsoleAgent, interactionId: string, body: string) => {
    const answer = await agent.ask<SocketActionResult<InteractionMessage>>('interaction.send', { interactionId, clientId: `reply-${++counter}`, body });
    expect(answer).toMatchObject({ ok: true });
    return answer.ok ? answer.data : null;
  };
  const stored = async (interactionId: string) => (await session.api.get<Transcript>(`/interactions/${interactionId}`)).messages;

  /** The visitor's socket as the page has it (same token, same origin), to check what the server kept. */
  const visitorSocket = async (page: Page, site: Site & { testPageUrl: string }): Promise<Socket> => {
    const origin = new URL(site.testPageUrl).origin;
    const token = await page.evaluate((key) => (JSON.parse(localStorage.getItem(`sb-chat:${key}`) ?? '{}') as { token?: string }).token, site.siteKey);
    // forceNew: its own connection (socket.io would multiplex it over an agent's, without the Origin).
    const socket = io(`${session.server.url}/chat`, { auth: { siteKey: site.siteKey, visitorToken: token }, transports: ['websocket'], extraHeaders: { origin }, reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('chat.ready', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  };

  it('goes from the pre-chat form through a chat with an agent (typing, read receipts) to the rating', async () => {
    const agent = await newAgent('Alice Agent');
    const site = await newSite([agent.id]);
    const { page } = await visit(site);
    const status = page.getByTestId('sb-status');

    await page.getByTestId('sb-field-email').fill('vera@example.test');
    await startChat(page, 'Vera Visitor', 'Hello, I need help');
    await shownUntil(page, [{ from: 'visitor', body: 'Hello, I need help' }]);
    await textOf(status, 'Waiting for an agent');

    const interactionId = await accept(agent, 'Vera Visitor');
    await textOf(status, 'You are chatting with Alice Agent');

    // The agent types: the visitor sees it, until the reply comes.
    agent.socket.emit('interaction.typing', { interactionId, typing: true });
    await textOf(page.getByTestId('sb-typing'), 'is typing');
    const answer = await reply(agent, interactionId, 'Hi Vera, how can I help?');
    await shownUntil(page, [
      { from: 'visitor', body: 'Hello, I need help' },
      { from: 'agent', body: 'Hi Vera, how can I help?' },
    ]);
    await page.getByTestId('sb-typing').waitFor({ state: 'hidden' });
    // The panel is open and visible: the visitor has read the reply.
    await agent.next<{ interactionId: string; upTo: string }>('interaction.read', (read) => read.interactionId === interactionId && read.upTo === answer?.id);

    // The visitor types: the agent sees "typing", then "stopped" once the visitor pauses.
    await page.getByTestId('sb-input').pressSequentially('My order', { delay: 20 });
    await agent.next('interaction.typing', (t: { typing: boolean }) => t.typing);
    await agent.next('interaction.typing', (t: { typing: boolean }) => !t.typing);
    await page.getByTestId('sb-send').click();
    await shownUntil(page, [
      { from: 'visitor', body: 'Hello, I need help' },
      { from: 'agent', body: 'Hi Vera, how can I help?' },
      { from: 'visitor', body: 'My order' },
    ]);

    // The agent reads the visitor's messages: they show as read.
    const [first] = await stored(interactionId);
    agent.socket.emit('interaction.read', { interactionId, upTo: first?.id });
    await eventually(
      () => shown(page),
      (list) => list[0]?.state === 'read' && list[2]?.state === 'sent',
    );

    await agent.ask('interaction.close', { interactionId });
    await textOf(status, 'The chat has ended');
    await page.getByTestId('sb-input').waitFor({ state: 'hidden' });
    await page.getByTestId('sb-rate-5').focus();
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('sb-rate-5').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('sb-rate-comment').fill('Quick and kind');
    await page.getByTestId('sb-rate-send').click();
    await page.getByTestId('sb-rate-thanks').waitFor();
    await page.getByTestId('sb-transcript-email').fill('vera@example.test');
    await page.getByTestId('sb-transcript-send').click();
    await page.getByTestId('sb-transcript-done').waitFor();
    expect(await page.getByTestId('sb-error').isVisible()).toBe(false);

    // The rating was stored: the server refuses a second one for the same chat.
    const visitor = await visitorSocket(page, site);
    try {
      const again = await visitor.timeout(5000).emitWithAck('chat.rate', { interactionId, rating: 1 });
      expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    } finally {
      visitor.disconnect();
    }

    // A new chat starts from the pre-chat form again.
    await page.getByTestId('sb-new-chat').click();
    await page.getByTestId('sb-field-name').waitFor();
    expect(await page.getByTestId('sb-message').count()).toBe(0);
  });

  it('shows names and messages written as markup literally, as text', async () => {
    const agent = await newAgent(MARKUP);
    const site = await newSite([agent.id]);
    const { page, dialogs } = await visit(site);

    await startChat(page, MARKUP, MARKUP);
    const interactionId = await accept(agent, MARKUP);
    await textOf(page.getByTestId('sb-status'), `You are chatting with ${MARKUP}`);
    await reply(agent, interactionId, `${MARKUP} <b>bold</b>`);
    const list = await shownUntil(page, [
      { from: 'visitor', body: MARKUP },
      { from: 'agent', body: `${MARKUP} <b>bold</b>` },
    ]);
    expect(list).toHaveLength(2);
    // The agent's name above their message, as text too.
    expect(await page.getByTestId('sb-message').nth(1).locator('.who').textContent()).toBe(MARKUP);
    expect(await page.getByTestId('sb-panel').locator('img, b').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it("brings the pre-chat form back with the server's refusal next to its field", async () => {
    const agent = await newAgent('Vic Validation');
    const site = await newSite([agent.id]);
    const { page } = await visit(site);

    // The browser takes `vera@localhost` for an e-mail address; the server wants a domain.
    await page.getByTestId('sb-field-email').fill('vera@localhost');
    await startChat(page, 'Vera Valid', 'Hello');
    const field = page.getByTestId('sb-field-email');
    await eventually(
      () => field.getAttribute('aria-invalid'),
      (invalid) => invalid === 'true',
    );
    expect(await page.getByTestId('sb-field-name').inputValue()).toBe('Vera Valid');
    expect(await page.getByTestId('sb-input').inputValue()).toBe('Hello');
    const errorId = (await field.getAttribute('aria-describedby')) as string;
    expect(await page.getByTestId('sb-panel').locator(`[id="${errorId}"]`).textContent()).toMatch(/e-mail/i);
    expect(await page.getByTestId('sb-message').count()).toBe(0);

    // Corrected, it goes.
    await field.fill('vera@example.test');
    await page.getByTestId('sb-send').click();
    await shownUntil(page, [{ from: 'visitor', body: 'Hello' }]);
    expect(await agent.next<Offer>('offer.new', (o) => o.interaction.contactName === 'Vera Valid')).toBeTruthy();
  });

  it('lets the visitor end the chat, and rate it after a navigation', async () => {
    const agent = await newAgent('Eve Ender');
    const site = await newSite([agent.id]);
    const { page } = await visit(site);

    await startChat(page, 'Ian Impatient', 'Anyone there?');
    await shownUntil(page, [{ from: 'visitor', body: 'Anyone there?' }]);
    // "End chat" asks first; "No" keeps the chat.
    await page.getByTestId('sb-end').click();
    await page.getByTestId('sb-end-no').click();
    await page.getByTestId('sb-input').waitFor();
    await page.getByTestId('sb-end').click();
    await page.getByTestId('sb-end-yes').click();
    await textOf(page.getByTestId('sb-status'), 'The chat has ended');

    // The end screen survives a navigation, and the rating still reaches the server.
    await page.reload();
    await page.getByTestId('sb-panel').waitFor();
    await textOf(page.getByTestId('sb-status'), 'The chat has ended');
    await page.getByTestId('sb-rate-2').click();
    await page.getByTestId('sb-rate-send').click();
    await page.getByTestId('sb-rate-thanks').waitFor();
    expect(await page.getByTestId('sb-error').isVisible()).toBe(false);
  });

  it("speaks the page's language", async () => {
    const agent = await newAgent('Petr Překlad');
    const site = await newSite([agent.id]);
    const context = await session.browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    // The same test page, in Czech: `<html lang="cs">` as soon as the parser makes it. (A page
    // rewritten with page.route counts as public, and Chromium then bars it from a local server.)
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (!document.documentElement) return;
        document.documentElement.lang = 'cs';
        observer.disconnect();
      });
      observer.observe(document, { childList: true });
    });
    await page.goto(site.testPageUrl);
    const launcher = page.getByTestId('sb-launcher');
    expect(await launcher.getAttribute('aria-label')).toBe('Otevřít chat');
    await launcher.click();
    await textOf(page.getByTestId('sb-panel'), 'Napište nám');
    await textOf(page.getByTestId('sb-send'), 'Začít chat');
  });

  it('shows the offline form when no agent of the site is online, and thanks for the message', async () => {
    const agent = await newAgent('Olga Offline', false);
    const site = await newSite([agent.id]);
    const { page } = await visit(site);

    await page.getByTestId('sb-offline-send').waitFor();
    expect(await page.getByTestId('sb-send').count()).toBe(0);
    // Keyboard: Escape closes the dialog back to the launcher, Enter on the launcher opens it again.
    const launcher = page.getByTestId('sb-launcher');
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByTestId('sb-panel').getAttribute('role')).toBe('dialog');
    await page.getByTestId('sb-field-name').focus();
    await page.keyboard.press('Escape');
    await page.getByTestId('sb-panel').waitFor({ state: 'hidden' });
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    expect(await launcher.evaluate((button) => button.getRootNode() instanceof ShadowRoot && (button.getRootNode() as ShadowRoot).activeElement === button)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByTestId('sb-panel').waitFor();

    await page.getByTestId('sb-field-name').fill('Otto Visitor');
    await page.getByTestId('sb-field-email').fill('otto@example.test');
    await page.getByTestId('sb-input').fill('Please call me back about my order');
    await page.getByTestId('sb-offline-send').click();
    await page.getByTestId('sb-offline-thanks').waitFor();

    const kept = await session.api.get<{ items: OfflineMessage[] }>('/routing/offline-messages?pageSize=100');
    expect(kept.items.find((message) => message.body === 'Please call me back about my order')).toMatchObject({ name: 'Otto Visitor', email: 'otto@example.test' });
  });

  it('resumes the conversation after a navigation, every message once', async () => {
    const agent = await newAgent('Rita Resume');
    const site = await newSite([agent.id]);
    const { page } = await visit(site);

    await startChat(page, 'Nora Navigator', 'First question');
    const interactionId = await accept(agent, 'Nora Navigator');
    await reply(agent, interactionId, 'First answer');
    await shownUntil(page, [
      { from: 'visitor', body: 'First question' },
      { from: 'agent', body: 'First answer' },
    ]);
    // Sent and left at once: stored or not when the page goes, it is there exactly once after.
    await say(page, 'Second question');
    await page.reload();

    // The panel was open: it opens again, on the same conversation.
    await page.getByTestId('sb-panel').waitFor();
    await textOf(page.getByTestId('sb-status'), 'You are chatting with Rita Resume');
    const expected = [
      { from: 'visitor', body: 'First question' },
      { from: 'agent', body: 'First answer' },
      { from: 'visitor', body: 'Second question' },
    ];
    await shownUntil(page, expected);
    await eventually(
      async () => (await stored(interactionId)).map((m) => m.body),
      (bodies) => JSON.stringify(bodies) === JSON.stringify(expected.map((m) => m.body)),
    );
    expect(agent.received(interactionId).filter((m) => m.body === 'Second question')).toHaveLength(1);
  });

  it('survives a dropped connection: messages written on both sides meanwhile show once, in order', async () => {
    const agent = await newAgent('Carl Connection');
    const site = await newSite([agent.id]);
    const { page, context } = await visit(site);

    await startChat(page, 'Dora Dropout', 'Before the drop');
    const interactionId = await accept(agent, 'Dora Dropout');
    await textOf(page.getByTestId('sb-status'), 'You are chatting with Carl Connection');

    await context.setOffline(true);
    const offlineAt = Date.now();
    await textOf(page.getByTestId('sb-status'), 'reconnecting');
    await say(page, 'Visitor one');
    await say(page, 'Visitor two');
    expect((await shown(page)).slice(-2)).toEqual([
      { from: 'visitor', state: 'sending', body: 'Visitor one' },
      { from: 'visitor', state: 'sending', body: 'Visitor two' },
    ]);
    await reply(agent, interactionId, 'Agent one');
    await reply(agent, interactionId, 'Agent two');
    // Offline for a few seconds: nothing crosses meanwhile, either way.
    await new Promise((done) => setTimeout(done, Math.max(0, 3000 - (Date.now() - offlineAt))));
    expect(agent.received(interactionId).map((m) => m.body)).toEqual([]);
    expect((await shown(page)).map((m) => m.body)).toEqual(['Before the drop', 'Visitor one', 'Visitor two']);
    await context.setOffline(false);

    // The server's order: the agent's two (stored during the drop), then the visitor's two (sent on reconnect).
    const order = await eventually(
      async () => (await stored(interactionId)).map((m) => ({ from: m.direction === 'in' ? 'visitor' : 'agent', body: m.body })),
      (list) => list.length === 5,
      15_000,
    );
    expect(order.map((m) => m.body).sort()).toEqual(['Agent one', 'Agent two', 'Before the drop', 'Visitor one', 'Visitor two']);
    expect(order.findIndex((m) => m.body === 'Visitor one')).toBeLessThan(order.findIndex((m) => m.body === 'Visitor two'));
    expect(order.findIndex((m) => m.body === 'Agent one')).toBeLessThan(order.findIndex((m) => m.body === 'Agent two'));
    await shownUntil(page, order);
    await textOf(page.getByTestId('sb-status'), 'You are chatting with Carl Connection');

    // The agent got each of the visitor's messages once.
    await eventually(
      async () => agent.received(interactionId).map((m) => m.body),
      (bodies) => bodies.includes('Visitor two'),
    );
    const bodies = agent.received(interactionId).map((m) => m.body);
    expect(bodies.filter((body) => body === 'Visitor one')).toHaveLength(1);
    expect(bodies.filter((body) => body === 'Visitor two')).toHaveLength(1);
  });

  it('sends a file from the keyboard, downloads the agent\'s, and says why a file is refused', async () => {
    const agent = await newAgent('Fiona Files');
    const site = await newSite([agent.id]);
    const { page, dialogs } = await visit(site);
    // Listening early: Chromium intercepts file choosers only once the listener is in place.
    const choosers: FileChooser[] = [];
    page.on('filechooser', (chooser) => choosers.push(chooser));
    await startChat(page, 'Frank Files', 'I have a photo of the damage');
    const interactionId = await accept(agent, 'Frank Files');
    await textOf(page.getByTestId('sb-status'), 'You are chatting with Fiona Files');

    // The attach button is a named button that opens the file chooser from the keyboard.
    const attach = page.getByTestId('sb-attach');
    expect(await attach.getAttribute('aria-label')).toBe('Attach a file');
    await attach.press('Enter');
    const chooser = (await eventually(async () => choosers[0], Boolean)) as FileChooser;
    await chooser.setFiles({ name: `${MARKUP}.png`, mimeType: 'image/png', buffer: PNG });
    const mine = page.getByTestId('sb-message').filter({ has: page.getByTestId('sb-attachment') });
    await textOf(mine.first().getByTestId('sb-attachment'), `${MARKUP}.png (${PNG.length} B)`);
    expect(await mine.first().getAttribute('data-from')).toBe('visitor');
    await page.getByTestId('sb-upload').waitFor({ state: 'hidden' });

    // The agent has it, with the type its content has.
    const told = await agent.next<{ interactionId: string; message: InteractionMessage }>('interaction.message', (m) => m.interactionId === interactionId && m.message.attachments.length > 0);
    expect(told.message.attachments).toMatchObject([{ name: `${MARKUP}.png`, mediaType: 'image/png', size: PNG.length }]);

    // The agent sends a PDF; the visitor downloads it.
    const form = new FormData();
    form.append('clientId', `agent-file-${++counter}`);
    form.append('file', new Blob([PDF]), 'Invoice 7.pdf');
    const sent = await fetch(`${session.server.url}/api/v1/interactions/${interactionId}/attachments`, { method: 'POST', headers: { Authorization: `Bearer ${agent.api.token}` }, body: form });
    expect(sent.status).toBe(201);
    const link = page.getByTestId('sb-message').filter({ hasText: 'Invoice 7.pdf' }).getByTestId('sb-attachment');
    await textOf(link, 'Invoice 7.pdf');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('Invoice 7.pdf');
    expect(Buffer.compare(readFileSync(await download.path()), PDF)).toBe(0);

    // Refused files: the reason, in words, and nothing new in the conversation.
    const before = await page.getByTestId('sb-message').count();
    await page.getByTestId('sb-file').setInputFiles({ name: 'cat.png', mimeType: 'image/png', buffer: Buffer.from('<!DOCTYPE html><script>alert(1)</script>') });
    await textOf(page.getByTestId('sb-error'), 'This kind of file cannot be sent');
    await page.getByTestId('sb-file').setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.concat([PNG, Buffer.alloc(FILE_LIMIT)]) });
    await textOf(page.getByTestId('sb-error'), 'This file is too large to send.');
    expect(await page.getByTestId('sb-message').count()).toBe(before);
    expect((await stored(interactionId)).filter((m) => m.attachments.length).map((m) => m.attachments[0]?.name)).toEqual([`${MARKUP}.png`, 'Invoice 7.pdf']);
    expect(await page.getByTestId('sb-panel').locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('tells a visitor whose address is blocked', async () => {
    const agent = await newAgent('Bea Blocked');
    const site = await newSite([agent.id]);
    const { page } = await visit(site);
    const entries = [
      await session.api.post<{ id: string }>('/blacklist', { description: 'Chat widget spec v4', startIp: '127.0.0.1' }),
      await session.api.post<{ id: string }>('/blacklist', { description: 'Chat widget spec v6', startIp: '::1' }),
    ];
    try {
      await startChat(page, 'Bob Blocked', 'Let me in');
      await textOf(page.getByTestId('sb-error'), 'You cannot start a chat from this address');
      // Back on the form, nothing sent.
      await page.getByTestId('sb-field-name').waitFor();
      expect(await page.getByTestId('sb-message').count()).toBe(0);
    } finally {
      for (const entry of entries) await session.api.call('DELETE', `/blacklist/${entry.id}`);
    }
  });
});
