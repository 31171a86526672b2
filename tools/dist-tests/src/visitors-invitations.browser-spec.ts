import { createHmac } from 'node:crypto';
import { AuditAction, CONSOLE_NAMESPACE, type AuditPage, type Desk, type Invitation, type OnlineVisitor, type Page as PageOf, type Site } from '@switchboard/contracts';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { apiAs, eventually, signedInPage, textOf, useConsoleSession, type ApiClient } from './console-session';
import { ADMIN } from './server-process';

const PASSWORD = 'Agent-Password-123!';
const MARKUP = '<img src=x onerror=alert(1)>';

interface Agent {
  id: string;
  username: string;
  password: string;
  fullName: string;
  api: ApiClient;
}

/** The identity a site's page puts on the snippet's tag (`data-visitor-*`). */
interface Identity {
  id: string;
  name: string;
  email: string;
  signature: string;
}

/** The hex HMAC-SHA256 of the visitor's id, as the site's server computes it. */
const sign = (secret: string, visitorId: string) => createHmac('sha256', secret).update(visitorId).digest('hex');

/** Seconds of a `mm:ss` time on site (under an hour). */
const seconds = (text: string) => {
  const [minutes, secs] = text.trim().split(':').map(Number);
  return minutes * 60 + secs;
};

/**
 * Seed 001's "Pozvánka" (an agent's one-chat link from the desk) and seed 000's "Visitors
 * Tracking" (who browses the sites now; a proactive invitation to chat), with the console and the
 * widget both in Chromium.
 */
describe('chat invitations and visitor tracking in Chromium', () => {
  const session = useConsoleSession();
  const contexts: BrowserContext[] = [];
  const sockets: Socket[] = [];
  /** JavaScript dialogs any page opened (markup run as code would open one). */
  const dialogs: string[] = [];
  let counter = 0;

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    for (const context of contexts) await context.close().catch(() => undefined);
  });

  const watch = (page: Page) => {
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    return page;
  };

  const newAgent = async (fullName: string): Promise<Agent> => {
    const username = `invite.agent${++counter}`;
    const { id } = await session.api.post<{ id: string }>('/agents', { username, fullName, email: `${username}@example.test`, password: PASSWORD, role: 'agent' });
    return { id, username, password: PASSWORD, fullName, api: await apiAs(session.server.url, username, PASSWORD) };
  };

  const newSite = async (agents: Array<{ agentId: string; priority: number }>, extra: Record<string, unknown> = {}) => {
    const site = await session.api.post<Site>('/sites', { name: `Invite Shop ${++counter}`, url: 'https://shop.example.test', agents, ...extra });
    const { testPageUrl } = await session.api.get<{ testPageUrl: string }>(`/sites/${site.id}/embed`);
    return { ...site, testPageUrl };
  };

  /** The agent signed in to the console (online, so chats may be offered to them). */
  const consoleOf = async (agent: Agent): Promise<Page> => {
    const page = watch(await signedInPage(session.browser, session.server.url, agent));
    await textOf(page.getByTestId('presence-label'), 'Online');
    return page;
  };

  /** An agent online through a console socket of their own, recording the offers they get. */
  const onlineBySocket = async (agent: Agent) => {
    const offers: Array<{ interaction: { id: string; contactAddress: string } }> = [];
    const socket = io(`${session.server.url}${CONSOLE_NAMESPACE}`, { auth: { token: agent.api.token }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    socket.on('offer.new', (offer: (typeof offers)[number]) => offers.push(offer));
    await new Promise<void>((resolve, reject) => {
      socket.once('session.ready', () => resolve());
      socket.once('connect_error', reject);
    });
    await eventually(() => agent.api.get<{ status: string }>('/presence/me'), (presence) => presence.status === 'online');
    return { offers };
  };

  /**
   * A visitor's browser on the site's test page (it carries the widget as the snippet does). With
   * an identity, the page's snippet tag gets the `data-visitor-*` attributes before the widget runs.
   */
  const visitorBrowser = async (identity?: Identity) => {
    const context = await session.browser.newContext({ viewport: { width: 1200, height: 900 } });
    contexts.push(context);
    const page = watch(await context.newPage());
    /** What the widget warned about in the page's console (a refused handshake says why there). */
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    if (identity) {
      // The test page itself, not one made by page.route: Chromium bars a routed (public) page from a local server.
      await page.addInitScript((attributes: Record<string, string>) => {
        const observer = new MutationObserver(() => {
          const tag = document.querySelector('script[data-site-key]');
          if (!tag) return;
          for (const [name, value] of Object.entries(attributes)) tag.setAttribute(name, value);
          observer.disconnect();
        });
        observer.observe(document, { childList: true, subtree: true });
      }, {
        'data-visitor-id': identity.id,
        'data-visitor-name': identity.name,
        'data-visitor-email': identity.email,
        'data-visitor-signature': identity.signature,
      });
    }
    return { context, page, warnings };
  };

  /** The visitors the API lists for a site, as an agent sees them. */
  const onlineVisitors = async (agent: Agent, siteId: string) => (await agent.api.get<PageOf<OnlineVisitor>>(`/chat/visitors?siteId=${siteId}`)).items;

  const chooseOption = async (page: Page, select: Locator, name: string) => {
    await select.click();
    await page.getByRole('option', { name, exact: true }).click();
  };

  it('the desk: an agent makes a one-chat link, finds it listed, invalidates it; the list pages', async () => {
    const alice = await newAgent('Alice Inviter');
    const first = await newSite([{ agentId: alice.id, priority: 1 }]);
    const second = await newSite([{ agentId: alice.id, priority: 1 }]);
    const disabled = await newSite([{ agentId: alice.id, priority: 1 }], { enabled: false });

    const page = await consoleOf(alice);
    await page.locator('mat-nav-list').getByRole('link', { name: 'My desk' }).click();
    await page.getByTestId('desk-invite').click();
    const dialog = page.getByTestId('invitation-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('invitation-empty').waitFor();

    // Enabled sites only.
    await page.getByTestId('invitation-site').click();
    await page.getByRole('option', { name: second.name, exact: true }).waitFor();
    const options = await page.getByRole('option').allTextContents();
    expect(options.map((text) => text.trim())).toEqual(expect.arrayContaining([first.name, second.name]));
    expect(options.map((text) => text.trim())).not.toContain(disabled.name);
    await page.getByRole('option', { name: second.name, exact: true }).click();
    await dialog.getByTestId('invitation-create').click();

    // The link, as the server stored it: Alice's, for the chosen site, good for one chat.
    const url = await eventually(() => dialog.getByTestId('invitation-url').inputValue(), (value) => value !== '');
    expect(url).toMatch(/\/chat\/invite\/[^/?#]+$/);
    const [stored] = (await alice.api.get<PageOf<Invitation>>('/invitations')).items;
    expect(stored).toMatchObject({ url, siteId: second.id, siteName: second.name, agentId: alice.id, reusable: false, valid: true, uses: 0, invalidatedAt: null });
    expect(await dialog.getByTestId('invitation-url').getAttribute('readonly')).not.toBeNull();

    // Copy puts the link on the clipboard.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server.url });
    await dialog.getByTestId('invitation-copy').click();
    await textOf(dialog.getByTestId('invitation-copy'), 'Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

    // Listed: site, one chat, no chat yet, valid.
    const row = dialog.locator(`[data-testid="invitation-row"][data-invitation-id="${stored.id}"]`);
    await textOf(row.getByTestId('invitation-site-name'), second.name);
    expect((await row.getByTestId('invitation-kind').textContent())?.trim()).toBe('One chat');
    expect((await row.getByTestId('invitation-uses').textContent())?.trim()).toBe('0');
    expect(await row.getByTestId('invitation-state').getAttribute('data-state')).toBe('valid');
    expect(await dialog.getByTestId('invitation-row').count()).toBe(1);

    // Invalidated: the row says so and offers nothing more; the server agrees.
    await row.getByTestId('invitation-invalidate').click();
    await textOf(row.getByTestId('invitation-state'), 'Invalidated');
    expect(await row.getByTestId('invitation-invalidate').count()).toBe(0);
    await textOf(dialog.getByTestId('invitation-url-state'), 'invalidated');
    const after = await alice.api.get<PageOf<Invitation>>(`/invitations?siteId=${second.id}`);
    expect(after.items).toEqual([expect.objectContaining({ id: stored.id, valid: false, invalidatedAt: expect.any(String) })]);
    // The link's page no longer opens a chat.
    expect((await fetch(url)).status).toBe(410);

    // Many links: the list pages (five a page).
    for (let i = 0; i < 6; i++) await alice.api.post('/invitations', { siteId: first.id, reusable: false });
    await dialog.getByTestId('invitation-close').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('desk-invite').click();
    await eventually(() => page.getByTestId('invitation-row').count(), (count) => count === 5);
    const paginator = page.getByTestId('invitation-dialog').locator('mat-paginator');
    await textOf(paginator, '1 – 5 of 7');
    await paginator.getByRole('button', { name: 'Next page' }).click();
    await textOf(paginator, '6 – 7 of 7');
    await eventually(() => page.getByTestId('invitation-row').count(), (count) => count === 2);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('the desk: a one-chat link brings its chat to the agent who made it, then shows as used', async () => {
    const bob = await newAgent('Bob First');
    const alice = await newAgent('Alice Inviter');
    // Bob is tried first for the site's chats: only the link brings this one to Alice.
    const site = await newSite([
      { agentId: bob.id, priority: 1 },
      { agentId: alice.id, priority: 2 },
    ]);
    const bobOnline = await onlineBySocket(bob);
    const page = await consoleOf(alice);
    await page.locator('mat-nav-list').getByRole('link', { name: 'My desk' }).click();
    await page.getByTestId('desk-invite').click();
    await chooseOption(page, page.getByTestId('invitation-site'), site.name);
    await page.getByTestId('invitation-create').click();
    const url = await eventually(() => page.getByTestId('invitation-url').inputValue(), (value) => value !== '');
    await page.getByTestId('invitation-close').click();

    // The customer opens the link (its page opens the chat box by itself) and writes.
    const visitor = await visitorBrowser();
    await visitor.page.goto(url);
    await visitor.page.getByTestId('sb-panel').waitFor();
    await visitor.page.getByTestId('sb-field-name').fill('Lena Link');
    await visitor.page.getByTestId('sb-input').fill('You sent me this link');
    await visitor.page.getByTestId('sb-send').click();
    const desk = await eventually(
      () => alice.api.get<Desk>('/routing/desk'),
      (d) => d.offers.some((offer) => offer.interaction.contactName === 'Lena Link'),
      15_000,
    );
    const interactionId = desk.offers.find((offer) => offer.interaction.contactName === 'Lena Link')?.interaction.id as string;
    expect(bobOnline.offers.filter((offer) => offer.interaction.id === interactionId)).toEqual([]);
    await page.getByTestId(`offer-${interactionId}`).getByTestId('offer-accept').click();
    await textOf(page.locator(`[data-testid="chat-pane"][data-interaction="${interactionId}"]`).getByTestId('chat-message').first(), 'You sent me this link');

    // Spent: the row says used, one chat, and offers no invalidation; the link's page says so too.
    await page.getByTestId('desk-invite').click();
    const row = page.getByTestId('invitation-row').first();
    await textOf(row.getByTestId('invitation-state'), 'Used');
    expect((await row.getByTestId('invitation-uses').textContent())?.trim()).toBe('1');
    expect(await row.getByTestId('invitation-invalidate').count()).toBe(0);
    expect(await page.getByTestId('invitation-row').count()).toBe(1);
    expect((await fetch(url)).status).toBe(410);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('the Visitors page: a browsing visitor and their pages; the agent invites them and the chat comes to that agent', async () => {
    const bob = await newAgent('Bob First');
    const alice = await newAgent('Alice Inviter');
    // Bob is tried first for the site's chats: only the invitation brings this one to Alice.
    const site = await newSite([
      { agentId: bob.id, priority: 1 },
      { agentId: alice.id, priority: 2 },
    ]);
    const bobOnline = await onlineBySocket(bob);
    const page = await consoleOf(alice);

    // Nobody browsing the site yet.
    await page.locator('mat-nav-list').getByRole('link', { name: 'Visitors' }).click();
    await chooseOption(page, page.getByTestId('visitors-site'), site.name);
    await textOf(page.getByTestId('visitors-empty'), 'Nobody is browsing');

    // A visitor comes from a search engine, and opens a second page.
    const marker = `m${Date.now()}`;
    const visitor = await visitorBrowser();
    await visitor.page.goto(`${site.testPageUrl}?visit=${marker}&step=1`, { referer: 'https://search.example.test/?q=parcels' });
    await visitor.page.getByTestId('sb-launcher').waitFor();
    await visitor.page.goto(`${site.testPageUrl}?visit=${marker}&step=2`);
    const [seen] = await eventually(
      () => onlineVisitors(alice, site.id),
      (list) => list.length === 1 && (list[0].currentPage?.url ?? '').includes('step=2'),
    );

    // It shows without a click (the page refreshes itself): the page being read, what came before.
    const row = page.locator(`[data-testid="visitor-row"][data-visitor-id="${seen.id}"]`);
    await textOf(row.getByTestId('visitor-current-url'), `visit=${marker}&step=2`, 15_000);
    await textOf(row.getByTestId('visitor-current-title'), `Test my module · ${site.name}`);
    expect((await row.getByTestId('visitor-name').textContent())?.trim()).toMatch(/^Visitor [\w-]{6}$/);
    expect(await row.getByTestId('visitor-identified').count()).toBe(0);
    expect((await row.getByTestId('visitor-pages-count').textContent())?.trim()).toBe('2');
    expect(await row.getByTestId('visitor-referrer').textContent()).toContain('search.example.test');
    expect((await row.getByTestId('visitor-tabs').textContent())?.trim()).toBe('1');
    expect(await row.getByTestId('visitor-in-chat').count()).toBe(0);
    expect(await row.getByTestId('visitor-invited').count()).toBe(0);
    expect(await page.getByTestId('visitors-empty').count()).toBe(0);

    // The time on site runs on its own.
    const time = row.getByTestId('visitor-time');
    const before = seconds((await time.textContent()) ?? '');
    expect((await time.textContent())?.trim()).toMatch(/^\d\d:\d\d$/);
    await eventually(async () => seconds((await time.textContent()) ?? ''), (now) => now >= before + 2, 5_000);

    // The pages seen, oldest first.
    await row.getByTestId('visitor-expand').click();
    const pages = page.getByTestId('visitor-page');
    await eventually(() => pages.count(), (count) => count === 2);
    expect(await pages.nth(0).getByTestId('visitor-page-url').textContent()).toContain(`visit=${marker}&step=1`);
    expect(await pages.nth(1).getByTestId('visitor-page-url').textContent()).toContain(`visit=${marker}&step=2`);

    // A third page: the list follows by itself.
    await visitor.page.goto(`${site.testPageUrl}?visit=${marker}&step=3`);
    await textOf(row.getByTestId('visitor-current-url'), 'step=3', 15_000);
    await eventually(() => pages.count(), (count) => count === 3);

    // The agent invites them: at most 500 characters, and the visitor sees the words as text.
    await row.getByTestId('visitor-invite').click();
    const message = page.getByTestId('visitor-invite-message');
    await message.fill('x'.repeat(501));
    expect((await message.inputValue()).length).toBe(500);
    const words = `Can I help you find a parcel? ${MARKUP}`;
    await message.fill(words);
    await page.getByTestId('visitor-invite-send').click();
    await message.waitFor({ state: 'detached' });
    await row.getByTestId('visitor-invited').waitFor();
    expect(await row.getByTestId('visitor-invite').isDisabled()).toBe(true);
    expect((await onlineVisitors(alice, site.id)).find((entry) => entry.id === seen.id)).toMatchObject({ invited: true, interactionId: null });

    const invite = visitor.page.getByTestId('sb-invite');
    await textOf(invite, words);
    expect(await invite.locator('img').count()).toBe(0);

    // The visitor accepts and writes: the chat is offered to Alice, not to Bob.
    await visitor.page.getByTestId('sb-invite-accept').click();
    await visitor.page.getByTestId('sb-panel').waitFor();
    if (await visitor.page.getByTestId('sb-field-name').isVisible()) await visitor.page.getByTestId('sb-field-name').fill('Vera Visitor');
    await visitor.page.getByTestId('sb-input').fill('Yes please, order 1234');
    await visitor.page.getByTestId('sb-send').click();
    const desk = await eventually(
      () => alice.api.get<Desk>('/routing/desk'),
      (d) => d.offers.some((offer) => offer.interaction.contactAddress === seen.id),
      15_000,
    );
    const offer = desk.offers.find((entry) => entry.interaction.contactAddress === seen.id);
    const interactionId = offer?.interaction.id as string;
    expect(offer?.interaction.accountId).toBe(site.id);
    expect(bobOnline.offers.filter((entry) => entry.interaction.contactAddress === seen.id)).toEqual([]);

    // Alice takes it on her desk and reads the visitor's words.
    await page.locator('mat-nav-list').getByRole('link', { name: 'My desk' }).click();
    await page.getByTestId(`offer-${interactionId}`).getByTestId('offer-accept').click();
    const pane = page.locator(`[data-testid="chat-pane"][data-interaction="${interactionId}"]`);
    await textOf(pane.locator('[data-testid="chat-message"][data-direction="in"]').first(), 'Yes please, order 1234');
    await textOf(visitor.page.getByTestId('sb-status'), 'Alice Inviter');

    // Back on the Visitors page the visitor is in a chat: no second invitation.
    await page.locator('mat-nav-list').getByRole('link', { name: 'Visitors' }).click();
    await chooseOption(page, page.getByTestId('visitors-site'), site.name);
    await row.getByTestId('visitor-in-chat').waitFor({ timeout: 15_000 });
    expect(await row.getByTestId('visitor-invite').isDisabled()).toBe(true);
    expect(bobOnline.offers.filter((entry) => entry.interaction.contactAddress === seen.id)).toEqual([]);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('the Visitors page: inviting a visitor who has just left says so in the dialog', async () => {
    const agent = await newAgent('Gina Gone');
    const site = await newSite([{ agentId: agent.id, priority: 1 }]);
    const page = await consoleOf(agent);
    const visitor = await visitorBrowser();
    await visitor.page.goto(site.testPageUrl);
    const [seen] = await eventually(() => onlineVisitors(agent, site.id), (list) => list.length === 1);

    await page.locator('mat-nav-list').getByRole('link', { name: 'Visitors' }).click();
    const row = page.locator(`[data-testid="visitor-row"][data-visitor-id="${seen.id}"]`);
    // All sites by default: the row names its site.
    await textOf(row.getByTestId('visitor-site'), site.name, 15_000);
    await row.getByTestId('visitor-invite').click();
    await page.getByTestId('visitor-invite-message').fill('Still there?');
    await visitor.context.close();
    await eventually(() => onlineVisitors(agent, site.id), (list) => list.length === 0);
    await page.getByTestId('visitor-invite-send').click();
    await textOf(page.getByTestId('visitor-invite-error'), 'has left the site');
    expect(await page.getByTestId('visitor-invite-send').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await row.waitFor({ state: 'detached', timeout: 15_000 });
    await page.close();
  });

  it('site identity: the admin makes a secret, shown this once; a visitor signed with it shows by name as identified; a newer secret shuts the old one out', async () => {
    const agent = await newAgent('Ida Identity');
    const site = await newSite([{ agentId: agent.id, priority: 1 }]);
    /** How many secrets were made for the site (the audit log records each). */
    const secretsMade = async () => (await session.api.get<AuditPage>(`/audit?action=${AuditAction.SiteIdentitySecretRenewed}&targetId=${site.id}`)).total;
    // The site has a secret from its creation, but no response carries it.
    expect(site).not.toHaveProperty('identitySecret');
    expect(await session.api.get<Record<string, unknown>>(`/sites/${site.id}`)).not.toHaveProperty('identitySecret');

    // The page says the secret is shown only when made, and shows none.
    const admin = watch(await signedInPage(session.browser, session.server.url, ADMIN));
    await admin.goto(`${session.server.url}/sites/${site.id}`);
    const secret = admin.getByTestId('site-identity-secret');
    await textOf(admin.getByTestId('site-identity-explain'), 'shown only when it is made');
    await textOf(admin.getByTestId('site-identity-snippet'), 'data-visitor-signature');
    expect(await admin.getByTestId('site-identity-sample').first().textContent()).toContain('createHmac');
    expect(await secret.count()).toBe(0);
    expect(await admin.getByTestId('site-identity-once').count()).toBe(0);

    // Making one asks first (the old one stops working); cancelled, nothing is made.
    await admin.getByTestId('site-identity-renew').click();
    await textOf(admin.getByTestId('confirm-message'), 'stops working within seconds');
    await admin.getByTestId('confirm-cancel').click();
    await admin.getByTestId('confirm-cancel').waitFor({ state: 'detached' });
    expect(await secret.count()).toBe(0);
    expect(await secretsMade()).toBe(0);

    // Confirmed: the new secret, masked until shown, with the warning that it will not be shown again.
    await admin.getByTestId('site-identity-renew').click();
    await admin.getByTestId('confirm-ok').click();
    const firstSecret = await eventually(() => secret.inputValue(), (value) => value !== '');
    expect(firstSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(await secretsMade()).toBe(1);
    expect(await secret.getAttribute('readonly')).not.toBeNull();
    expect(await secret.getAttribute('type')).toBe('password');
    await admin.getByTestId('site-identity-show').click();
    expect(await secret.getAttribute('type')).toBe('text');
    await textOf(admin.getByTestId('site-identity-once'), 'Copy it now: it will not be shown again.');

    // Copy puts it on the clipboard.
    await admin.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server.url });
    await admin.getByTestId('site-identity-copy').click();
    await textOf(admin.getByTestId('site-identity-copy'), 'Copied');
    expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(firstSecret);

    // Still in no response.
    expect(JSON.stringify(await session.api.get<Site>(`/sites/${site.id}`))).not.toContain(firstSecret);
    expect(JSON.stringify(await session.api.get<PageOf<Site>>('/sites?pageSize=200'))).not.toContain(firstSecret);

    // A visitor signed with it: the agent sees them by name, as identified.
    const first: Identity = { id: 'customer-41', name: 'Ivana Identified', email: 'ivana@example.test', signature: sign(firstSecret, 'customer-41') };
    const firstVisitor = await visitorBrowser(first);
    await firstVisitor.page.goto(site.testPageUrl);
    await firstVisitor.page.getByTestId('sb-launcher').waitFor();
    const page = await consoleOf(agent);
    await page.locator('mat-nav-list').getByRole('link', { name: 'Visitors' }).click();
    await chooseOption(page, page.getByTestId('visitors-site'), site.name);
    const listed = await eventually(() => onlineVisitors(agent, site.id), (list) => list.some((entry) => entry.name === first.name));
    const shown = listed.find((entry) => entry.name === first.name) as OnlineVisitor;
    expect(shown.identified).toBe(true);
    const row = page.locator(`[data-testid="visitor-row"][data-visitor-id="${shown.id}"]`);
    await textOf(row.getByTestId('visitor-name'), first.name, 15_000);
    await row.getByTestId('visitor-identified').waitFor();
    await firstVisitor.context.close();
    await eventually(() => onlineVisitors(agent, site.id), (list) => list.length === 0, 15_000);

    // Reloaded, the page cannot show it again.
    await admin.reload();
    await textOf(admin.getByTestId('site-identity-explain'), 'shown only when it is made');
    expect(await secret.count()).toBe(0);

    // Another secret: a different one, masked again; "Copied" no longer holds.
    await admin.getByTestId('site-identity-renew').click();
    await admin.getByTestId('confirm-ok').click();
    const secondSecret = await eventually(() => secret.inputValue(), (value) => value !== '');
    expect(secondSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(secondSecret).not.toBe(firstSecret);
    expect(await secretsMade()).toBe(2);
    expect(await secret.getAttribute('type')).toBe('password');
    expect((await admin.getByTestId('site-identity-copy').textContent())?.trim()).toContain('Copy');
    expect(await admin.getByTestId('site-identity-copy').textContent()).not.toContain('Copied');

    // The old signature no longer gets in (the widget is refused and says why); the new one does.
    // (Each node reads sites through a cache of a few seconds: the page is reloaded until it is refused.)
    const stale = await visitorBrowser(first);
    const refused = () => stale.warnings.some((text) => text.includes('signature does not match'));
    await stale.page.goto(site.testPageUrl);
    await stale.page.waitForTimeout(1500);
    for (let tries = 0; !refused() && tries < 8; tries++) {
      await stale.page.reload();
      await stale.page.waitForTimeout(1500);
    }
    expect(refused()).toBe(true);
    expect(await stale.page.getByTestId('sb-launcher').count()).toBe(0);
    const second: Identity = { id: 'customer-42', name: 'Nora Newsecret', email: 'nora@example.test', signature: sign(secondSecret, 'customer-42') };
    const secondVisitor = await visitorBrowser(second);
    await secondVisitor.page.goto(site.testPageUrl);
    await secondVisitor.page.getByTestId('sb-launcher').waitFor();
    const now = await eventually(() => onlineVisitors(agent, site.id), (list) => list.some((entry) => entry.name === second.name), 15_000);
    expect(now.find((entry) => entry.name === second.name)?.identified).toBe(true);
    expect(now.map((entry) => entry.name)).not.toContain(first.name);
    const newRow = page.locator(`[data-testid="visitor-row"][data-visitor-id="${now.find((entry) => entry.name === second.name)?.id}"]`);
    await textOf(newRow.getByTestId('visitor-name'), second.name, 15_000);
    expect(await page.getByTestId('visitor-row').count()).toBe(now.length);
    expect(await page.getByText(first.name).count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
    await admin.close();
  });
});
