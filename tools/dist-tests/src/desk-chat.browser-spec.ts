import type { Page } from 'playwright-core';
import { apiAs, eventually, submitLogin, textOf, useConsoleSession, type ApiClient } from './console-session';

interface Desk {
  offers: Array<{ id: string; interaction: { id: string } }>;
  interactions: Array<{ id: string; status: string }>;
}

interface Message {
  id: string;
  direction: 'in' | 'out';
  authorName: string | null;
  clientId: string | null;
  body: string;
  delivery: string | null;
}

/** What the page's stand-ins for Web Audio and Notification recorded. */
interface AlertRecord {
  beeps: number;
  notifications: Array<{ title: string; body?: string }>;
  permissionAsked: number;
}

const AGENT = { username: 'chat.agent', password: 'Agent-Password-123!', fullName: 'Chat Agent' };
const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
const HOSTILE_BODY = 'Hi <b id="bold">there</b> & <script>alert(2)</script>';
/** Not a real site: the chat plugin delivers replies to nobody, which counts as sent. */
const ACCOUNT = 'site-1';
let injected = 0;

/** The chat pane, once it shows the given interaction (one pane: the selected tab's). */
const paneOf = (page: Page, interactionId: string) => page.locator(`[data-testid="chat-pane"][data-interaction="${interactionId}"]`);
const linesOf = (page: Page, interactionId: string, direction: 'in' | 'out') => paneOf(page, interactionId).locator(`[data-testid="chat-message"][data-direction="${direction}"]`);

describe('the chat pane of the agent desk in Chromium', () => {
  const session = useConsoleSession();
  let agentApi: ApiClient;
  let page: Page;
  /** JavaScript dialogs the page opened (markup run as code would open one). */
  const dialogs: string[] = [];
  /** Drops the acknowledgement of the next `interaction.send` (the server still stores the message). */
  let dropNextSendAck = false;
  /** The client ids of the `interaction.send` frames the page sent, in order. */
  const sentClientIds: string[] = [];

  /** A message from a visitor, handed to the kernel as the chat plugin would (admin token). */
  const inbound = async (fields: Record<string, string>) => {
    const n = ++injected;
    const answer = await session.api.post<{ interactionId: string }>('/interactions/inbound', {
      channel: 'chat',
      accountId: ACCOUNT,
      body: `Hello ${n}`,
      externalMessageId: `desk-chat-spec-${n}-${Date.now()}`,
      ...fields,
    });
    return answer.interactionId;
  };
  const storedMessages = (interactionId: string) => agentApi.get<Message[]>(`/interactions/${interactionId}/messages`);
  const alertRecord = () => page.evaluate(() => (window as unknown as { __sbAlerts: AlertRecord }).__sbAlerts);
  const accept = async (interactionId: string) => {
    await page.getByTestId(`offer-${interactionId}`).getByTestId('offer-accept').click();
    await paneOf(page, interactionId).waitFor();
  };

  beforeAll(async () => {
    await session.api.post('/agents', { username: AGENT.username, fullName: AGENT.fullName, email: 'chat.agent@example.test', password: AGENT.password, role: 'agent' });
    agentApi = await apiAs(session.server.url, AGENT.username, AGENT.password);
    page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // The console socket, passed through; the test may drop one acknowledgement of a reply.
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      const server = ws.connectToServer();
      const sendAcks = new Set<string>();
      ws.onMessage((frame) => {
        const send = typeof frame === 'string' ? /^42\/console,(\d+)\["interaction\.send",(.*)\]$/s.exec(frame) : null;
        if (send) {
          sentClientIds.push((JSON.parse(send[2]) as { clientId: string }).clientId);
          if (dropNextSendAck) {
            dropNextSendAck = false;
            sendAcks.add(send[1]);
          }
        }
        server.send(frame);
      });
      server.onMessage((frame) => {
        const ack = typeof frame === 'string' ? /^43\/console,(\d+)\[/.exec(frame) : null;
        if (ack && sendAcks.delete(ack[1])) return;
        ws.send(frame);
      });
    });
    // Stand-ins that record the offer alerts: Web Audio's oscillators, and browser notifications.
    await page.addInitScript(() => {
      const record: AlertRecord = { beeps: 0, notifications: [], permissionAsked: 0 };
      (window as unknown as { __sbAlerts: AlertRecord }).__sbAlerts = record;
      const createOscillator = AudioContext.prototype.createOscillator;
      AudioContext.prototype.createOscillator = function (this: AudioContext) {
        record.beeps++;
        return createOscillator.call(this);
      };
      class FakeNotification {
        static permission: NotificationPermission = 'default';
        static async requestPermission(): Promise<NotificationPermission> {
          record.permissionAsked++;
          FakeNotification.permission = 'granted';
          return 'granted';
        }
        onclick: (() => void) | null = null;
        constructor(title: string, options?: NotificationOptions) {
          record.notifications.push({ title, body: options?.body });
        }
        close(): void {
          // Nothing shown, nothing to close.
        }
      }
      Object.defineProperty(window, 'Notification', { value: FakeNotification, configurable: true, writable: true });
    });
    await page.goto(`${session.server.url}/login`);
    await submitLogin(page, AGENT.username, AGENT.password);
    await page.getByTestId('signed-in-user').waitFor();
    // Online once the console's socket is open: only then are offers routed to the agent.
    await textOf(page.getByTestId('presence-label'), 'Online');
    await page.locator('mat-nav-list').getByRole('link', { name: 'My desk' }).click();
    await page.waitForURL(/\/desk$/);
    await page.getByTestId('desk-no-offers').waitFor();
    await page.getByTestId('desk-no-interactions').waitFor();
  });

  afterAll(async () => {
    await page?.close();
  });

  let chatId = '';
  const visitor = 'chat-visitor@example.test';

  it("opens an accepted chat in a tab, with the contact's markup shown as text", async () => {
    chatId = await inbound({ contactAddress: visitor, contactName: HOSTILE_NAME, body: HOSTILE_BODY, pageUrl: 'https://shop.example.test/help' });
    await textOf(page.getByTestId(`offer-${chatId}`).getByTestId('offer-contact'), HOSTILE_NAME);
    await accept(chatId);

    await textOf(page.getByTestId(`desk-tab-${chatId}`), HOSTILE_NAME);
    const pane = paneOf(page, chatId);
    await textOf(pane.getByTestId('chat-contact'), HOSTILE_NAME);
    const first = linesOf(page, chatId, 'in');
    await textOf(first.getByTestId('chat-body'), HOSTILE_BODY);
    await textOf(first.getByTestId('chat-author'), HOSTILE_NAME);
    await textOf(pane.getByTestId('contact-panel').getByTestId('contact-panel-name'), HOSTILE_NAME);
    await textOf(pane.getByTestId('contact-panel').getByTestId('contact-panel-address'), visitor);
    await textOf(pane.getByTestId('contact-panel').getByTestId('contact-panel-page'), 'https://shop.example.test/help');
    // Nothing of it became markup, and nothing ran.
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('#bold').count()).toBe(0);
    expect(await pane.locator('img, script, b').count()).toBe(0);
    expect(dialogs).toEqual([]);
    // Seen on screen: no unread badge.
    expect(await page.getByTestId(`desk-tab-${chatId}`).getByTestId('desk-tab-unread').count()).toBe(0);
  });

  it('sends a reply once, and shows its delivery', async () => {
    const input = paneOf(page, chatId).getByTestId('chat-input');
    await input.fill('Thanks for waiting, how can I help?');
    await input.press('Enter');
    await eventually(
      () => input.inputValue(),
      (value) => value === '',
    );
    const reply = linesOf(page, chatId, 'out').filter({ hasText: 'Thanks for waiting, how can I help?' });
    await eventually(
      () => reply.getAttribute('data-delivery'),
      (delivery) => delivery === 'sent',
    );
    await textOf(reply.getByTestId('chat-delivery'), 'Sent');
    await textOf(reply.getByTestId('chat-author'), AGENT.fullName);
    expect(await reply.count()).toBe(1);

    // Shift+Enter is a new line; the Send button sends.
    await input.pressSequentially('Line one');
    await input.press('Shift+Enter');
    await input.pressSequentially('Line two');
    await expect(input.inputValue()).resolves.toBe('Line one\nLine two');
    await paneOf(page, chatId).getByTestId('chat-send').click();
    await textOf(linesOf(page, chatId, 'out').nth(1).getByTestId('chat-body'), 'Line one\nLine two');

    const stored = await eventually(
      () => storedMessages(chatId),
      (messages) => messages.filter((m) => m.direction === 'out').length === 2 && messages.every((m) => m.direction === 'in' || m.delivery === 'sent'),
    );
    expect(stored.map((m) => [m.direction, m.body, m.authorName])).toEqual([
      ['in', HOSTILE_BODY, HOSTILE_NAME],
      ['out', 'Thanks for waiting, how can I help?', AGENT.fullName],
      ['out', 'Line one\nLine two', AGENT.fullName],
    ]);
    expect(await linesOf(page, chatId, 'out').count()).toBe(2);
  });

  it('keeps a reply without acknowledgement to send again with the same client id, stored once', async () => {
    const before = sentClientIds.length;
    dropNextSendAck = true;
    const input = paneOf(page, chatId).getByTestId('chat-input');
    await input.fill('Are you still there?');
    await paneOf(page, chatId).getByTestId('chat-send').click();
    const reply = linesOf(page, chatId, 'out').filter({ hasText: 'Are you still there?' });
    expect(await reply.getAttribute('data-delivery')).toBe('sending');
    // The console waits 10 s for the acknowledgement.
    await textOf(reply.getByTestId('chat-send-error'), 'Not sent', 20_000);
    expect(await reply.getAttribute('data-delivery')).toBe('unsent');

    await reply.getByTestId('chat-retry').click();
    await eventually(
      () => reply.getAttribute('data-delivery'),
      (delivery) => delivery === 'sent',
    );
    expect(await reply.count()).toBe(1);
    const attempts = sentClientIds.slice(before);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]).toBe(attempts[0]);
    const stored = await storedMessages(chatId);
    expect(stored.filter((m) => m.body === 'Are you still there?').map((m) => m.clientId)).toEqual([attempts[0]]);
  });

  it("shows the contact's next message live, and counts it unread on another tab", async () => {
    // The same visitor writes again: the same conversation, on screen at once.
    expect(await inbound({ contactAddress: visitor, contactName: HOSTILE_NAME, body: 'Yes, one more question' })).toBe(chatId);
    await textOf(linesOf(page, chatId, 'in').nth(1).getByTestId('chat-body'), 'Yes, one more question');
    expect(await linesOf(page, chatId, 'in').count()).toBe(2);

    // A second chat takes the screen; the first one's new message shows as unread on its tab.
    const otherId = await inbound({ contactAddress: 'other-visitor@example.test', contactName: 'Otto Other' });
    await accept(otherId);
    await textOf(page.getByTestId(`desk-tab-${otherId}`), 'Otto Other');
    await inbound({ contactAddress: visitor, contactName: HOSTILE_NAME, body: 'Hello?' });
    await textOf(page.getByTestId(`desk-tab-${chatId}`).getByTestId('desk-tab-unread'), '1');

    await page.getByTestId(`desk-tab-${chatId}`).click();
    await textOf(linesOf(page, chatId, 'in').nth(2).getByTestId('chat-body'), 'Hello?');
    await page.getByTestId(`desk-tab-${chatId}`).getByTestId('desk-tab-unread').waitFor({ state: 'detached' });

    await page.getByTestId(`desk-tab-${otherId}`).click();
    await paneOf(page, otherId).getByTestId('chat-close').click();
    await page.getByTestId(`desk-tab-${otherId}`).waitFor({ state: 'detached' });
  });

  it('inserts a canned answer into the composer', async () => {
    const pane = paneOf(page, chatId);
    await page.getByTestId(`desk-tab-${chatId}`).click();
    await pane.getByTestId('chat-input').fill('');
    await pane.getByTestId('chat-canned').click();
    const item = page.getByTestId('chat-canned-0');
    const text = ((await item.locator('.canned-text').textContent()) ?? '').trim();
    expect(text.length).toBeGreaterThan(0);
    await item.click();
    await eventually(
      () => pane.getByTestId('chat-input').inputValue(),
      (value) => value === text,
    );
    await pane.getByTestId('chat-input').fill('');
  });

  it('closes the chat from its pane, which removes its tab', async () => {
    await paneOf(page, chatId).getByTestId('chat-close').click();
    await page.getByTestId(`desk-tab-${chatId}`).waitFor({ state: 'detached' });
    await page.getByTestId('desk-no-interactions').waitFor();
    expect(await agentApi.get<Desk>('/routing/desk')).toEqual({ offers: [], interactions: [] });
    expect(dialogs).toEqual([]);
  });

  it('beeps for a new offer and notifies while the tab is hidden, as the agent chose', async () => {
    const reject = async (id: string) => {
      await page.getByTestId(`offer-${id}`).getByTestId('offer-reject').click();
      await page.getByTestId(`offer-${id}`).waitFor({ state: 'detached' });
    };
    const soundSwitch = page.getByTestId('desk-sound-toggle').getByRole('switch');
    const notifySwitch = page.getByTestId('desk-notify-toggle').getByRole('switch');
    // Sound on, notifications off, until the agent says otherwise.
    expect(await soundSwitch.getAttribute('aria-checked')).toBe('true');
    expect(await notifySwitch.getAttribute('aria-checked')).toBe('false');

    const beepsBefore = (await alertRecord()).beeps;
    const first = await inbound({ contactAddress: 'alert-1@example.test', contactName: 'Bea Beep' });
    await page.getByTestId(`offer-${first}`).waitFor();
    await eventually(alertRecord, (record) => record.beeps > beepsBefore);
    await reject(first);

    // Sound off: no beep; notifications on (the browser is asked) and the tab hidden: a notification.
    await soundSwitch.click();
    await notifySwitch.click();
    await eventually(
      () => page.evaluate(() => [localStorage.getItem('sb-desk-sound'), localStorage.getItem('sb-desk-notify')]),
      (stored) => stored[0] === 'false' && stored[1] === 'true',
    );
    expect((await alertRecord()).permissionAsked).toBe(1);
    await page.evaluate(() => Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true }));
    const beepsNow = (await alertRecord()).beeps;
    const second = await inbound({ contactAddress: 'alert-2@example.test', contactName: 'Nina Notify', pageUrl: 'https://shop.example.test/pricing' });
    await page.getByTestId(`offer-${second}`).waitFor();
    const record = await eventually(alertRecord, (value) => value.notifications.length > 0);
    expect(record.notifications).toEqual([{ title: 'New chat from Nina Notify', body: 'https://shop.example.test/pricing' }]);
    expect(record.beeps).toBe(beepsNow);
    await page.evaluate(() => delete (document as unknown as { visibilityState?: string }).visibilityState);
    await reject(second);

    // The choices last: after a reload the switches show them.
    await page.reload();
    await page.getByTestId('desk-no-offers').waitFor();
    expect(await page.getByTestId('desk-sound-toggle').getByRole('switch').getAttribute('aria-checked')).toBe('false');
    expect(await page.getByTestId('desk-notify-toggle').getByRole('switch').getAttribute('aria-checked')).toBe('true');
    expect(dialogs).toEqual([]);
  });
});
