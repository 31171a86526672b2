import { CONSOLE_NAMESPACE, type Desk, type Invitation, type Site, type SiteIdentitySecret } from '@switchboard/contracts';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { apiAs, eventually, textOf, useConsoleSession, type ApiClient } from './console-session';

const PASSWORD = 'Agent-Password-123!';
const SHOP = 'https://shop.example.test';

describe('the chat widget: invitation links and signed visitors in Chromium', () => {
  const session = useConsoleSession();
  const sockets: Socket[] = [];
  const servers: Server[] = [];
  const contexts: BrowserContext[] = [];
  let counter = 0;

  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    servers.forEach((server) => server.close());
    for (const context of contexts) await context.close().catch(() => undefined);
  });

  /** An agent with their console socket open (so they are online), and their API. */
  const onlineAgent = async (fullName: string): Promise<{ id: string; api: ApiClient }> => {
    const username = `invite.agent${++counter}.${Date.now()}`;
    const { id } = await session.api.post<{ id: string }>('/agents', { username, fullName, email: `${username}@example.test`, password: PASSWORD, role: 'agent' });
    const api = await apiAs(session.server.url, username, PASSWORD);
    const socket = io(`${session.server.url}${CONSOLE_NAMESPACE}`, { auth: { token: api.token }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    await new Promise((resolve) => socket.once('presence.changed', resolve));
    return { id, api };
  };

  const newSite = (agentIds: string[] = []) =>
    session.api.post<Site>('/sites', { name: `Invite shop ${++counter} ${Date.now()}`, url: SHOP, agents: agentIds.map((agentId) => ({ agentId, priority: 1 })) });

  const freshPage = async (): Promise<Page> => {
    const context = await session.browser.newContext({ viewport: { width: 1200, height: 900 } });
    contexts.push(context);
    return context.newPage();
  };

  it('opens the chat box on an invitation page and sends the chat to the inviting agent; a spent link says so', async () => {
    const inviter = await onlineAgent('Irena Inviter');
    const site = await newSite();
    const invitation = await inviter.api.post<Invitation>('/invitations', { siteId: site.id, reusable: false });

    const page = await freshPage();
    await page.goto(invitation.url);
    // The panel opens by itself, saying who will answer.
    await page.getByTestId('sb-panel').waitFor();
    await textOf(page.getByTestId('sb-panel').locator('.intro'), 'You will chat with Irena Inviter');
    await page.getByTestId('sb-field-name').fill('Invited Ida');
    await page.getByTestId('sb-input').fill('Hello Irena, you sent me this link');
    await page.getByTestId('sb-send').click();
    const desk = await eventually(
      () => inviter.api.get<Desk>('/routing/desk'),
      (d) => d.offers.some((o) => o.interaction.contactName === 'Invited Ida'),
      15_000,
    );
    expect(desk.offers.find((o) => o.interaction.contactName === 'Invited Ida')?.interaction.siteId).toBeNull();

    // The link served its one chat: another browser gets the page saying so, and a chat with anyone.
    const late = await freshPage();
    const answer = await late.goto(invitation.url);
    expect(answer?.status()).toBe(410);
    await textOf(late.locator('h1'), 'This invitation is no longer valid');
    await late.getByTestId('sb-launcher').click();
    await late.getByTestId('sb-field-name').waitFor();
    expect(await late.getByTestId('sb-panel').locator('.intro').count()).toBe(0);
  });

  it("resumes a signed visitor's chat in another browser, and never shows it to an unsigned claim of the same id", async () => {
    const agent = await onlineAgent('Sid Signed');
    const id = `customer-${Date.now()}`;
    // The shop's own pages, on a server of their own (a loopback one: Chromium keeps pages of
    // other address spaces from reaching the test server). `?signed` pages carry the signature.
    let signature = '';
    let siteKey = '';
    const shop = createServer((request, response) => {
      const signed = request.url?.includes('signed=1') ? ` data-visitor-signature="${signature}"` : '';
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><html lang="en"><body><h1>My account</h1><script async src="${session.server.url}/widget.js" data-site-key="${siteKey}" data-visitor-id="${id}" data-visitor-name="Signed Sam"${signed}></script></body></html>`,
      );
    });
    servers.push(shop);
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    const shopOrigin = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
    const site = await session.api.post<Site>('/sites', { name: `Signed shop ${Date.now()}`, url: SHOP, allowedOrigins: [shopOrigin], agents: [{ agentId: agent.id, priority: 1 }] });
    siteKey = site.siteKey;
    const { identitySecret } = await session.api.post<SiteIdentitySecret>(`/sites/${site.id}/identity-secret`, {});
    signature = createHmac('sha256', identitySecret).update(id).digest('hex');
    const shopPage = async (signed: boolean): Promise<Page> => {
      const page = await freshPage();
      await page.goto(`${shopOrigin}/account${signed ? '?signed=1' : ''}`);
      await page.getByTestId('sb-launcher').click();
      return page;
    };

    const laptop = await shopPage(true);
    await laptop.getByTestId('sb-field-name').fill('Sam');
    await laptop.getByTestId('sb-input').fill('Written on my laptop');
    await laptop.getByTestId('sb-send').click();
    const desk = await eventually(
      () => agent.api.get<Desk>('/routing/desk'),
      (d) => d.offers.some((o) => o.interaction.contactAddress === `user:${id}`),
      15_000,
    );
    expect(desk.offers.find((o) => o.interaction.contactAddress === `user:${id}`)?.interaction.contactName).toBe('Sam');

    // Another browser, no shared storage: the same signed visitor sees their conversation.
    const phone = await shopPage(true);
    await textOf(phone.getByTestId('sb-message').first().locator('.body'), 'Written on my laptop');

    // The same id unsigned is a stranger: the pre-chat form, none of the messages.
    const stranger = await shopPage(false);
    await stranger.getByTestId('sb-field-name').waitFor();
    expect(await stranger.getByTestId('sb-message').count()).toBe(0);
  });
});
