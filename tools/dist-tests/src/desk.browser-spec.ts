import type { Page } from 'playwright-core';
import { apiAs, signedInPage, textOf, useConsoleSession, type ApiClient } from './console-session';

interface Desk {
  offers: Array<{ id: string; interaction: { id: string } }>;
  interactions: Array<{ id: string; status: string }>;
}

const AGENT = { username: 'desk.agent', password: 'Agent-Password-123!' };
let messages = 0;

/** The chat pane, once it shows the given interaction (one pane: the selected tab's). */
const paneOf = (page: Page, interactionId: string) => page.locator(`[data-testid="chat-pane"][data-interaction="${interactionId}"]`);

describe('the agent desk in Chromium', () => {
  const session = useConsoleSession();
  let agentApi: ApiClient;
  let page: Page;

  /** A chat from a new visitor, handed to the kernel as a channel plugin would (admin token). */
  const inbound = async (fields: Record<string, string> = {}) => {
    const n = ++messages;
    const answer = await session.api.post<{ interactionId: string }>('/interactions/inbound', {
      channel: 'chat',
      accountId: 'site-1',
      contactAddress: `visitor-${n}@example.test`,
      body: `Hello ${n}`,
      externalMessageId: `desk-spec-${n}-${Date.now()}`,
      ...fields,
    });
    return answer.interactionId;
  };

  beforeAll(async () => {
    const agent = await session.api.post<{ id: string }>('/agents', {
      username: AGENT.username,
      fullName: 'Desk Agent',
      email: 'desk.agent@example.test',
      password: AGENT.password,
      role: 'agent',
    });
    // A chat queue of the agent's, as a transfer target.
    const queue = await session.api.post<{ id: string }>('/queues', { name: 'Desk chat', channel: 'chat' });
    await session.api.post(`/queues/${queue.id}/members`, { agentId: agent.id });
    agentApi = await apiAs(session.server.url, AGENT.username, AGENT.password);
    page = await signedInPage(session.browser, session.server.url, AGENT);
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

  it('shows a new chat as an offer, accepts it, then closes it', async () => {
    const id = await inbound({ contactName: 'Vera Visitor', pageUrl: 'https://shop.example.test/cart?item=42' });
    const offer = page.getByTestId(`offer-${id}`);
    await textOf(offer.getByTestId('offer-contact'), 'Vera Visitor');
    await textOf(offer.getByTestId('offer-page'), 'https://shop.example.test/cart?item=42');
    await textOf(offer.getByTestId('offer-countdown'), /Expires in \d+ s/);
    await page.locator('mat-snack-bar-container').filter({ hasText: 'New chat from Vera Visitor' }).waitFor();
    expect((await agentApi.get<Desk>('/routing/desk')).offers.map((entry) => entry.interaction.id)).toEqual([id]);

    await offer.getByTestId('offer-accept').click();
    // Accepting opens the interaction's tab, on screen with its conversation and the visitor's details.
    const tab = page.getByTestId(`desk-tab-${id}`);
    await textOf(tab, 'Vera Visitor');
    const pane = paneOf(page, id);
    await textOf(pane.getByTestId('chat-contact'), 'Vera Visitor');
    await textOf(pane.getByTestId('contact-panel-page'), 'https://shop.example.test/cart?item=42');
    await offer.waitFor({ state: 'detached' });
    const accepted = await agentApi.get<Desk>('/routing/desk');
    expect({ offers: accepted.offers.length, interactions: accepted.interactions.map((entry) => [entry.id, entry.status]) }).toEqual({
      offers: 0,
      interactions: [[id, 'active']],
    });

    await pane.getByTestId('chat-close').click();
    await tab.waitFor({ state: 'detached' });
    await page.getByTestId('desk-no-interactions').waitFor();
    expect(await agentApi.get<Desk>('/routing/desk')).toEqual({ offers: [], interactions: [] });
  });

  it('removes a rejected offer', async () => {
    const id = await inbound();
    const offer = page.getByTestId(`offer-${id}`);
    await textOf(offer.getByTestId('offer-contact'), `visitor-${messages}@example.test`);
    await offer.getByTestId('offer-reject').click();
    await offer.waitFor({ state: 'detached' });
    expect((await agentApi.get<Desk>('/routing/desk')).offers.some((entry) => entry.interaction.id === id)).toBe(false);
  });

  it('renders a contact name with markup as text', async () => {
    const id = await inbound({ contactName: '<b id="injected">Bold</b> visitor' });
    const offer = page.getByTestId(`offer-${id}`);
    await textOf(offer.getByTestId('offer-contact'), '<b id="injected">Bold</b> visitor');
    expect(await page.locator('#injected').count()).toBe(0);
    await offer.getByTestId('offer-reject').click();
    await offer.waitFor({ state: 'detached' });
  });

  it('transfers an open interaction to a queue', async () => {
    const id = await inbound({ contactName: 'Tom Transfer' });
    await page.getByTestId(`offer-${id}`).getByTestId('offer-accept').click();
    const tab = page.getByTestId(`desk-tab-${id}`);
    await paneOf(page, id).getByTestId('chat-transfer').click();
    // Without a target the dialog stays open and says what is missing.
    await page.getByTestId('transfer-save').click();
    await textOf(page.locator('mat-dialog-container mat-error'), 'Required');
    // An empty select's floating label covers it: click its field, as a user would.
    await page.locator('mat-form-field', { has: page.getByTestId('transfer-queue') }).click();
    await page.getByRole('option', { name: 'Desk chat' }).click();
    await page.getByTestId('transfer-save').click();
    await page.locator('mat-dialog-container').waitFor({ state: 'detached' });
    await page.locator('mat-snack-bar-container').filter({ hasText: 'Transferred to Desk chat' }).waitFor();
    await tab.waitFor({ state: 'detached' });
    expect((await agentApi.get<Desk>('/routing/desk')).interactions.some((entry) => entry.id === id)).toBe(false);
  });

  it('lets an agent transfer to another online agent, who gets it as an offer', async () => {
    const colleague = { username: 'desk.colleague', password: 'Colleague-Password-123!' };
    await session.api.post('/agents', { username: colleague.username, fullName: 'Carla Colleague', email: 'desk.colleague@example.test', password: colleague.password, role: 'agent' });
    const other = await signedInPage(session.browser, session.server.url, colleague);
    try {
      await textOf(other.getByTestId('presence-label'), 'Online');
      await other.locator('mat-nav-list').getByRole('link', { name: 'My desk' }).click();
      await other.waitForURL(/\/desk$/);
      const colleagueApi = await apiAs(session.server.url, colleague.username, colleague.password);
      // Routed to everyone online: whoever gets the offer first takes it; make it ours by pausing the colleague.
      const setColleague = async (status: string) => expect((await colleagueApi.call('PUT', '/presence/me', { status })).status).toBe(200);
      await setColleague('paused');
      const id = await inbound({ contactName: 'Ada Agent-Transfer' });
      await page.getByTestId(`offer-${id}`).getByTestId('offer-accept').click();
      await setColleague('online');
      const tab = page.getByTestId(`desk-tab-${id}`);
      await paneOf(page, id).getByTestId('chat-transfer').click();
      // Earlier tests left a declined chat waiting: the colleague may hold it by now, so the count is not fixed.
      await page.getByTestId('transfer-to-agent').click();
      await page.locator('mat-form-field', { has: page.getByTestId('transfer-agent') }).click();
      await page.getByRole('option', { name: /^Carla Colleague \(desk\.colleague\) · \d+ open$/ }).click();
      await page.getByTestId('transfer-save').click();
      await page.locator('mat-snack-bar-container').filter({ hasText: 'Transferred to Carla Colleague' }).waitFor();
      await tab.waitFor({ state: 'detached' });
      await textOf(other.getByTestId(`offer-${id}`).getByTestId('offer-contact'), 'Ada Agent-Transfer');
    } finally {
      await other.close();
    }
  });
});
