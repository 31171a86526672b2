import type { Locator, Page } from 'playwright-core';
import { eventually, signedInPage, textOf, useConsoleSession } from './console-session';
import { dragAndDrop } from './drag-and-drop';

interface Person {
  id: string;
  username: string;
}
interface Site {
  id: string;
  name: string;
  url: string;
  description: string | null;
  allowedOrigins: string[];
  siteKey: string;
  layout: string | null;
  agents: Array<{ agentId: string; priority: number; username: string }>;
  offlineRecipientIds: string[];
  preChatFields: Array<{ key: string; label: string; type: string; required: boolean }>;
  businessHours: { timezone: string; days: Record<string, Array<{ open: string; close: string }>> } | null;
  enabled: boolean;
}
interface Layout {
  id: string;
  name: string;
  template: string;
  builtIn: boolean;
}
interface Embed {
  snippet: string;
  testPageUrl: string;
}

/** A layout whose title line says which layout it is: the widget on the site's page shows it. */
const HARBOUR_TEMPLATE = `<div class="sb-chat" lang="{{lang}}">
  <header class="sb-header">
    <strong class="sb-title">Harbour desk: {{title}}</strong>
    <span class="sb-subtitle">{{siteName}}</span>
  </header>
  <div class="sb-conversation" data-sb-slot="conversation"></div>
</div>
`;

/** Opens a mat-select, picks an option and waits until its panel has gone. */
async function choose(page: Page, selectTestId: string, option: string): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

/** The mat-error under the form field holding the given input. */
function fieldError(page: Page, testId: string): Locator {
  return page.locator('mat-form-field', { has: page.getByTestId(testId) }).locator('mat-error');
}

/** An input's value once it is the expected one (the editor fills its form after loading). */
function valueOf(locator: Locator, expected: string): Promise<string> {
  return eventually(
    () => locator.inputValue(),
    (value) => value === expected,
  );
}

describe('sites in Chromium', () => {
  const session = useConsoleSession();
  const people: Record<string, Person> = {};

  const sites = async (q = '') => (await session.api.get<{ items: Site[] }>(`/sites?pageSize=200&q=${encodeURIComponent(q)}`)).items;
  const siteNamed = async (name: string) => (await sites()).find((site) => site.name === name);

  beforeAll(async () => {
    for (const [username, fullName] of [
      ['site.high', 'Site High'],
      ['site.low', 'Site Low'],
      ['site.mail', 'Site Mail'],
    ]) {
      people[username] = await session.api.post<Person>('/agents', { username, fullName, email: `${username}@example.test`, password: 'Agent-Password-123!', role: 'agent' });
    }
  });

  it('adds a site with its agents, pre-chat form and hours, shows its snippet, renews the key, and keeps it all', async () => {
    const page = await signedInPage(session.browser, session.server.url);
    await page.locator('mat-nav-list').getByRole('link', { name: 'Sites' }).click();
    await page.waitForURL(/\/sites$/);
    await textOf(page.getByTestId('sites-empty'), 'No sites yet');

    await page.getByTestId('new-site').click();
    await page.waitForURL(/\/sites\/new$/);
    // A new site: no snippet yet, the default pre-chat form, always open.
    expect(await page.getByTestId('site-installation').count()).toBe(0);
    await valueOf(page.getByTestId('prechat-key-0'), 'name');
    await valueOf(page.getByTestId('prechat-key-1'), 'email');
    expect(await page.getByTestId('prechat-row-2').count()).toBe(0);
    expect(await page.getByTestId('hours-always-open').getByRole('switch').getAttribute('aria-checked')).toBe('true');
    expect(await page.getByTestId('hours-timezone').count()).toBe(0);

    await page.getByTestId('site-name').fill('Shop');
    await page.getByTestId('site-url').fill('https://shop.example.com');
    await page.getByTestId('site-description').fill('The online shop');
    await page.getByTestId('site-origins').fill('https://www.example.com\nhttps://m.example.com:8443');

    // "Conseillers": one agent dragged into each priority.
    const agentsPool = page.getByTestId('site-agents-available');
    await dragAndDrop(page, agentsPool.getByTestId('available-agent-site.high'), page.getByTestId('site-high'));
    await page.getByTestId('site-high-site.high').waitFor();
    await dragAndDrop(page, agentsPool.getByTestId('available-agent-site.low'), page.getByTestId('site-low'));
    await page.getByTestId('site-low-site.low').waitFor();
    await agentsPool.getByTestId('available-agent-site.high').waitFor({ state: 'detached' });
    // Offline messages go to an operator of the second board.
    await dragAndDrop(page, page.getByTestId('site-recipients-available').getByTestId('available-agent-site.mail'), page.getByTestId('site-recipients-list'));
    await page.getByTestId('site-recipients-list-site.mail').waitFor();

    // Pre-chat form: the e-mail becomes required and relabelled; an order number is added and moved first.
    await page.getByTestId('prechat-label-1').fill('Your e-mail');
    await page.getByTestId('prechat-required-1').getByRole('checkbox').check();
    await page.getByTestId('prechat-add').click();
    await page.getByTestId('prechat-key-2').fill('order');
    await page.getByTestId('prechat-label-2').fill('Order number');
    await choose(page, 'prechat-type-2', 'Phone');
    await page.getByTestId('prechat-row-2').getByRole('button', { name: 'Move field 3 up' }).click();
    await valueOf(page.getByTestId('prechat-key-1'), 'order');

    // Business hours: off "Always open" starts from office hours on weekdays.
    await page.getByTestId('hours-always-open').getByRole('switch').click();
    await valueOf(page.getByTestId('hours-mon-open-0'), '09:00');
    await valueOf(page.getByTestId('hours-fri-close-0'), '17:00');
    await textOf(page.getByTestId('hours-sat'), 'Closed');
    await page.getByTestId('hours-timezone').fill('Europe/Prague');
    await page.getByTestId('hours-mon-close-0').fill('12:00');
    await page.getByTestId('hours-mon-add').click();
    await page.getByTestId('hours-mon-open-1').fill('13:00');
    await page.getByTestId('hours-mon-close-1').fill('18:00');
    await page.getByTestId('hours-fri-remove-0').click();
    await textOf(page.getByTestId('hours-fri'), 'Closed');
    await page.getByTestId('hours-sat-add').click();
    await page.getByTestId('hours-sat-open-0').fill('10:00');
    await page.getByTestId('hours-sat-close-0').fill('14:00');

    await page.getByTestId('site-save').click();
    // Saving a new site leads to its installation.
    await page.waitForURL(/\/sites\/[0-9a-f-]{36}$/);
    const saved = await siteNamed('Shop');
    expect(saved).toBeDefined();
    expect(page.url()).toMatch(new RegExp(`/sites/${saved?.id}$`));
    expect(saved).toMatchObject({
      url: 'https://shop.example.com',
      description: 'The online shop',
      allowedOrigins: ['https://www.example.com', 'https://m.example.com:8443'],
      offlineRecipientIds: [people['site.mail']?.id],
      preChatFields: [
        { key: 'name', label: 'Name', type: 'name', required: true },
        { key: 'order', label: 'Order number', type: 'phone', required: false },
        { key: 'email', label: 'Your e-mail', type: 'email', required: true },
      ],
      businessHours: {
        timezone: 'Europe/Prague',
        days: {
          mon: [
            { open: '09:00', close: '12:00' },
            { open: '13:00', close: '18:00' },
          ],
          tue: [{ open: '09:00', close: '17:00' }],
          wed: [{ open: '09:00', close: '17:00' }],
          thu: [{ open: '09:00', close: '17:00' }],
          fri: [],
          sat: [{ open: '10:00', close: '14:00' }],
          sun: [],
        },
      },
      enabled: true,
    });
    expect(saved?.agents.map(({ username, priority }) => ({ username, priority }))).toEqual([
      { username: 'site.high', priority: 1 },
      { username: 'site.low', priority: 2 },
    ]);

    // The installation: the snippet carries the site key; the test link opens the public test page.
    const firstKey = saved?.siteKey as string;
    expect(firstKey).toBeTruthy();
    const snippet = await textOf(page.getByTestId('site-snippet'), firstKey);
    expect(snippet).toMatch(/^<script async [^>]*><\/script>$/);
    const embed = await session.api.get<Embed>(`/sites/${saved?.id}/embed`);
    expect(snippet).toBe(embed.snippet);
    const testLink = page.getByTestId('site-test-link');
    await textOf(testLink, 'Test my module');
    expect(await testLink.getAttribute('href')).toBe(embed.testPageUrl);
    expect(await testLink.getAttribute('target')).toBe('_blank');
    const [testPage] = await Promise.all([page.context().waitForEvent('page'), testLink.click()]);
    await testPage.waitForLoadState('domcontentloaded');
    expect(testPage.url()).toBe(embed.testPageUrl);
    expect(await testPage.title()).toBe('Test my module · Shop');
    expect(await testPage.locator(`script[data-site-key="${firstKey}"]`).count()).toBe(1);
    await testPage.close();

    // A new key needs a confirmation; cancelled, nothing changes.
    await page.getByTestId('site-new-key').click();
    await textOf(page.getByTestId('confirm-message'), 'stops opening chats');
    await page.getByTestId('confirm-cancel').click();
    await page.getByTestId('confirm-message').waitFor({ state: 'detached' });
    expect((await session.api.get<Site>(`/sites/${saved?.id}`)).siteKey).toBe(firstKey);

    await page.getByTestId('site-new-key').click();
    await page.getByTestId('confirm-ok').click();
    const secondKey = (await eventually(
      () => session.api.get<Site>(`/sites/${saved?.id}`),
      (site) => site.siteKey !== firstKey,
    )).siteKey;
    const newSnippet = await textOf(page.getByTestId('site-snippet'), secondKey);
    expect(newSnippet).not.toContain(firstKey);
    expect(newSnippet).toBe((await session.api.get<Embed>(`/sites/${saved?.id}/embed`)).snippet);
    expect(await page.getByTestId('site-test-link').getAttribute('href')).toContain(secondKey);
    // The old key's test page is gone.
    expect((await fetch(embed.testPageUrl.replace(/^http:\/\/localhost:/, 'http://127.0.0.1:'))).status).toBe(404);

    // A reload shows what the server kept.
    await page.reload();
    await valueOf(page.getByTestId('site-name'), 'Shop');
    expect(await page.getByTestId('site-url').inputValue()).toBe('https://shop.example.com');
    expect(await page.getByTestId('site-description').inputValue()).toBe('The online shop');
    expect(await page.getByTestId('site-origins').inputValue()).toBe('https://www.example.com\nhttps://m.example.com:8443');
    await textOf(page.getByTestId('site-high-site.high'), 'Site High');
    await textOf(page.getByTestId('site-low-site.low'), 'Site Low');
    await textOf(page.getByTestId('site-recipients-list-site.mail'), 'Site Mail');
    expect(await page.getByTestId('prechat-key-1').inputValue()).toBe('order');
    expect(await page.getByTestId('prechat-label-2').inputValue()).toBe('Your e-mail');
    expect(await page.getByTestId('prechat-required-2').getByRole('checkbox').isChecked()).toBe(true);
    expect(await page.getByTestId('hours-always-open').getByRole('switch').getAttribute('aria-checked')).toBe('false');
    expect(await page.getByTestId('hours-timezone').inputValue()).toBe('Europe/Prague');
    expect(await page.getByTestId('hours-mon-close-0').inputValue()).toBe('12:00');
    expect(await page.getByTestId('hours-mon-open-1').inputValue()).toBe('13:00');
    await textOf(page.getByTestId('hours-fri'), 'Closed');
    expect(await page.getByTestId('hours-sat-open-0').inputValue()).toBe('10:00');
    await textOf(page.getByTestId('site-snippet'), secondKey);

    // The list shows it with its two agents.
    await page.getByRole('link', { name: 'Back to sites' }).click();
    await page.waitForURL(/\/sites$/);
    await textOf(page.getByTestId('site-agents-Shop'), '2');
    await textOf(page.getByTestId('site-url-Shop'), 'https://shop.example.com');
    await textOf(page.getByTestId('site-enabled-Shop'), 'Enabled');
    await page.close();
  });

  it('edits a saved site: always open again, agents moved, and a field removed', async () => {
    const site = await session.api.post<Site>('/sites', {
      name: 'Support',
      url: 'https://support.example.com',
      agents: [{ agentId: people['site.high']?.id, priority: 1 }],
      businessHours: { timezone: 'UTC', days: { mon: [{ open: '08:00', close: '16:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } },
    });
    const page = await signedInPage(session.browser, session.server.url);
    await page.goto(`${session.server.url}/sites`);
    await page.getByTestId('edit-site-Support').click();
    await page.waitForURL(new RegExp(`/sites/${site.id}$`));
    await page.getByTestId('site-high-site.high').waitFor();
    await valueOf(page.getByTestId('hours-mon-open-0'), '08:00');

    // Between columns is a move: high priority becomes low.
    await dragAndDrop(page, page.getByTestId('site-high-site.high'), page.getByTestId('site-low'));
    await page.getByTestId('site-low-site.high').waitFor();
    await page.getByTestId('site-high-site.high').waitFor({ state: 'detached' });
    await page.getByTestId('prechat-remove-1').click();
    await page.getByTestId('prechat-row-1').waitFor({ state: 'detached' });
    await page.getByTestId('hours-always-open').getByRole('switch').click();
    await page.getByTestId('hours-timezone').waitFor({ state: 'detached' });
    await page.getByTestId('site-enabled').getByRole('switch').click();
    await page.getByTestId('site-save').click();
    await page.getByText('Saved Support').waitFor();

    const saved = await session.api.get<Site>(`/sites/${site.id}`);
    expect(saved.agents.map(({ username, priority }) => ({ username, priority }))).toEqual([{ username: 'site.high', priority: 2 }]);
    expect(saved.preChatFields.map((field) => field.key)).toEqual(['name']);
    expect(saved.businessHours).toBeNull();
    expect(saved.enabled).toBe(false);
    // The key did not change with the edit; a disabled site says its test page is off.
    expect(saved.siteKey).toBe(site.siteKey);
    await textOf(page.getByTestId('site-disabled-note'), 'disabled');
    await page.close();
  });

  it("shows the server's field errors by the control they name", async () => {
    const page = await signedInPage(session.browser, session.server.url);
    await page.goto(`${session.server.url}/sites/new`);
    await page.getByTestId('site-name').fill('Broken');

    // Client-side: a key the server would refuse, and two fields with one key.
    await page.getByTestId('prechat-key-1').fill('E-mail');
    // Material shows a field's error once the field has been left.
    await page.getByTestId('prechat-key-1').blur();
    await textOf(fieldError(page, 'prechat-key-1'), 'Lower-case letters');
    await page.getByTestId('prechat-key-1').fill('name');
    await textOf(page.getByTestId('prechat-duplicates'), 'Each field needs its own key: name');
    await page.getByTestId('site-url').fill('https://broken.example.com');
    await page.getByTestId('site-save').click();
    await textOf(page.getByTestId('site-form-error'), 'Correct the marked fields');
    expect(await siteNamed('Broken')).toBeUndefined();
    await page.getByTestId('prechat-key-1').fill('email');

    // The server's: the URL…
    await page.getByTestId('site-url').fill('ftp://broken.example.com');
    await page.getByTestId('site-save').click();
    await textOf(fieldError(page, 'site-url'), 'http or https');
    await page.getByTestId('site-url').fill('https://broken.example.com');

    // … an allowed origin, named in the message…
    await page.getByTestId('site-origins').fill('https://ok.example.com\nhttps://bad.example.com/path');
    await page.getByTestId('site-save').click();
    await textOf(fieldError(page, 'site-origins'), 'https://bad.example.com/path');
    await page.getByTestId('site-origins').fill('https://ok.example.com');

    // … and a day whose periods overlap, by that day.
    await page.getByTestId('hours-always-open').getByRole('switch').click();
    await page.getByTestId('hours-timezone').fill('UTC');
    await page.getByTestId('hours-tue-add').click();
    await page.getByTestId('hours-tue-open-1').fill('16:00');
    await page.getByTestId('hours-tue-close-1').fill('18:00');
    await page.getByTestId('site-save').click();
    await textOf(page.getByTestId('hours-tue-error'), 'overlap');
    expect(await page.getByTestId('hours-mon-error').count()).toBe(0);
    expect(await siteNamed('Broken')).toBeUndefined();

    await page.getByTestId('hours-tue-remove-1').click();
    await page.getByTestId('site-save').click();
    await page.waitForURL(/\/sites\/[0-9a-f-]{36}$/);
    const saved = await siteNamed('Broken');
    expect(saved?.allowedOrigins).toEqual(['https://ok.example.com']);
    expect(saved?.businessHours?.days['tue']).toEqual([{ open: '09:00', close: '17:00' }]);
    await page.close();
  });

  it("picks the site's chat layout, which its test page's widget then shows", async () => {
    const builtIn = (await session.api.get<{ items: Layout[] }>('/layouts?pageSize=200')).items.find((layout) => layout.builtIn);
    expect(builtIn).toBeDefined();
    const harbour = await session.api.post<Layout>(`/layouts/${builtIn?.id}/clone`, { name: 'Harbour' });
    expect((await session.api.call('PATCH', `/layouts/${harbour.id}`, { name: 'Harbour', template: HARBOUR_TEMPLATE })).status).toBe(200);
    const site = await session.api.post<Site>('/sites', { name: 'Harbour shop', url: 'https://harbour.example.com' });
    expect(site.layout).toBeNull();

    const page = await signedInPage(session.browser, session.server.url);
    await page.goto(`${session.server.url}/sites/${site.id}`);
    await valueOf(page.getByTestId('site-name'), 'Harbour shop');
    const select = page.getByTestId('site-layout');
    await textOf(select, 'Default layout');
    // The choices: the default layout and the layouts made from it, not the built-in one by name.
    await select.click();
    await page.getByRole('option', { name: 'Harbour', exact: true }).waitFor();
    expect((await page.getByRole('option').allTextContents()).map((text) => text.trim())).toEqual(['Default layout', 'Harbour']);
    await page.keyboard.press('Escape');
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    expect(await page.getByTestId('site-edit-layouts').getAttribute('href')).toBe('/layouts');

    await choose(page, 'site-layout', 'Harbour');
    await page.getByTestId('site-save').click();
    await page.getByText('Saved Harbour shop').waitFor();
    expect((await session.api.get<Site>(`/sites/${site.id}`)).layout).toBe('Harbour');
    await page.reload();
    await textOf(page.getByTestId('site-layout'), 'Harbour');

    // The site's test page: the widget's panel is framed by the chosen layout.
    const { testPageUrl } = await session.api.get<Embed>(`/sites/${site.id}/embed`);
    const visitor = await session.browser.newContext();
    try {
      const widget = await visitor.newPage();
      await widget.goto(testPageUrl);
      await widget.getByTestId('sb-launcher').click();
      await widget.getByTestId('sb-panel').waitFor();
      await textOf(widget.getByTestId('sb-panel').locator('.sb-title'), 'Harbour desk: Chat with us');
    } finally {
      await visitor.close();
    }

    // A layout deleted since: the server refuses its name, shown under the select; the default layout saves.
    expect((await session.api.call('DELETE', `/layouts/${harbour.id}`)).status).toBe(204);
    await page.getByTestId('site-save').click();
    await textOf(fieldError(page, 'site-layout'), 'No chat layout named "Harbour"');
    expect((await session.api.get<Site>(`/sites/${site.id}`)).layout).toBe('Harbour');
    await choose(page, 'site-layout', 'Default layout');
    await page.getByTestId('site-save').click();
    await eventually(
      async () => (await session.api.get<Site>(`/sites/${site.id}`)).layout,
      (layout) => layout === null,
    );
    await page.close();
  });

  it('searches the list, and deletes a site from its row and from its page after confirming', async () => {
    const alpha = await session.api.post<Site>('/sites', { name: 'Alpha shop', url: 'https://alpha.example.com' });
    const beta = await session.api.post<Site>('/sites', { name: 'Beta blog', url: 'https://beta.example.com' });
    const page = await signedInPage(session.browser, session.server.url);
    await page.goto(`${session.server.url}/sites`);
    await page.getByTestId('site-row-Alpha shop').waitFor();

    await page.getByTestId('sites-search').fill('beta');
    await page.getByTestId('site-row-Alpha shop').waitFor({ state: 'detached' });
    expect(await page.locator('tr[data-testid^="site-row-"]').count()).toBe(1);
    await page.getByTestId('site-row-Beta blog').waitFor();
    await page.getByTestId('sites-search').fill('no such site');
    await textOf(page.getByTestId('sites-empty'), 'No site matches');
    await page.getByTestId('sites-search').fill('');

    await page.getByTestId('delete-site-Beta blog').click();
    await textOf(page.getByTestId('confirm-message'), 'Beta blog');
    await page.getByTestId('confirm-cancel').click();
    await page.getByTestId('confirm-message').waitFor({ state: 'detached' });
    expect((await session.api.call('GET', `/sites/${beta.id}`)).status).toBe(200);
    await page.getByTestId('delete-site-Beta blog').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('site-row-Beta blog').waitFor({ state: 'detached' });
    expect((await session.api.call('GET', `/sites/${beta.id}`)).status).toBe(404);

    await page.getByTestId('site-name-Alpha shop').click();
    await page.waitForURL(new RegExp(`/sites/${alpha.id}$`));
    await page.getByTestId('site-delete').click();
    await page.getByTestId('confirm-ok').click();
    await page.waitForURL(/\/sites$/);
    await page.getByTestId('site-row-Alpha shop').waitFor({ state: 'detached' });
    expect((await session.api.call('GET', `/sites/${alpha.id}`)).status).toBe(404);
    await page.close();
  });
});
