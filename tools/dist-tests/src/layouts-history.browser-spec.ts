import { readFile } from 'node:fs/promises';
import type { ChatLayout, ChatResult, Desk, InteractionSummary, Page as PageOf, Transcript } from '@switchboard/contracts';
import type { Locator, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { apiAs, eventually, signedInPage, textOf, useConsoleSession, type ApiClient } from './console-session';

const PASSWORD = 'Agent-Password-123!';
const HOSTILE = '<img src=x onerror=alert(1)>';

/** The Default layout with a changed title line: it compiles and shows the change. */
const SPRING = `<div class="sb-chat" lang="{{lang}}">
  <header class="sb-header">
    <strong class="sb-title">Spring sale: {{title}}</strong>
    <span class="sb-subtitle">{{siteName}}</span>
  </header>
  <div class="sb-conversation" data-sb-slot="conversation"></div>
</div>
`;
/** A mustache left open on line 3: Handlebars cannot parse it. */
const BROKEN_LINE = '  <p>{{greeting</p>';
const BROKEN = `<div class="sb-chat">
  <header class="sb-header"><strong class="sb-title">{{title}}</strong></header>
${BROKEN_LINE}
  <div data-sb-slot="conversation"></div>
</div>
`;

/** A page that records the JavaScript dialogs it opens (markup run as code would open one). */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

/** Opens a mat-select (through its field: an empty one's label covers it), picks an option, waits for the panel to go. */
async function choose(page: Page, selectTestId: string, option: string): Promise<void> {
  await page.locator('mat-form-field', { has: page.getByTestId(selectTestId) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

/** The interaction ids of the history table's rows, top to bottom. */
function rowIds(page: Page): Promise<Array<string | null>> {
  return page.locator('tr[data-testid="history-row"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-interaction')));
}

/** Waits until the history table shows exactly these interactions (in any order). */
async function rowsAre(page: Page, ids: string[]): Promise<void> {
  const want = JSON.stringify([...ids].sort());
  await eventually(
    async () => JSON.stringify((await rowIds(page)).sort()),
    (shown) => shown === want,
  );
}

/** The title in the sandboxed preview frame. */
function previewTitle(page: Page): Locator {
  return page.frameLocator('[data-testid="layout-preview"]').locator('.sb-title');
}

describe('chat layouts and interaction history in Chromium', () => {
  const session = useConsoleSession();

  describe('chat layouts', () => {
    const layouts = async (q = '') => (await session.api.get<PageOf<ChatLayout>>(`/layouts?pageSize=200&q=${encodeURIComponent(q)}`)).items;
    const layoutNamed = async (name: string) => (await layouts(name)).find((layout) => layout.name === name);
    let page: Page;
    let dialogs: string[];

    beforeAll(async () => {
      page = await signedInPage(session.browser, session.server.url);
      dialogs = watchDialogs(page);
    });
    afterAll(async () => {
      await page?.close();
    });

    it('lists the default layout as read-only', async () => {
      await page.locator('mat-nav-list').getByRole('link', { name: 'Chat layouts' }).click();
      await page.waitForURL(/\/layouts$/);
      const row = page.getByTestId('layouts-row-Default');
      await textOf(row.getByTestId('layout-default'), 'Default');
      expect(await row.getByTestId('layout-clone').count()).toBe(1);
      expect(await row.getByTestId('layout-delete').count()).toBe(0);

      // Its editor shows the template and a preview, but no way to change it.
      await row.getByTestId('layout-open').click();
      await page.getByTestId('layout-readonly-note').waitFor();
      await textOf(previewTitle(page), 'Chat with us');
      expect(await page.getByTestId('layout-template').inputValue()).toBe((await layoutNamed('Default'))?.template);
      expect(await page.getByTestId('layout-template').getAttribute('readonly')).not.toBeNull();
      expect(await page.getByTestId('layout-save').count()).toBe(0);
      expect(await page.getByTestId('layout-delete').count()).toBe(0);
    });

    it('clones the default layout into an editable copy, refusing a name in use', async () => {
      await page.getByTestId('layout-clone').click();
      await page.getByTestId('layout-clone-name').fill('Spring layout');
      await page.getByTestId('layout-clone-save').click();
      await page.waitForURL(/\/layouts\/[0-9a-f-]{36}$/);
      await textOf(page.getByTestId('layout-title'), 'Spring layout');
      const copy = await layoutNamed('Spring layout');
      expect(copy).toMatchObject({ builtIn: false, template: (await layoutNamed('Default'))?.template });
      expect(page.url()).toContain(`/layouts/${copy?.id}`);
      await eventually(
        () => page.getByTestId('layout-template').inputValue(),
        (value) => value === copy?.template,
      );
      expect(await page.getByTestId('layout-readonly-note').count()).toBe(0);

      // The same name again (any case): the server's refusal shows under the name; nothing is added.
      await page.getByTestId('layout-clone').click();
      await page.getByTestId('layout-clone-name').fill('spring LAYOUT');
      await page.getByTestId('layout-clone-save').click();
      await textOf(page.getByTestId('layout-clone-name-error'), 'Already used by another layout');
      await page.keyboard.press('Escape');
      await page.getByTestId('layout-clone-name').waitFor({ state: 'detached' });
      expect((await layouts('spring')).length).toBe(1);
    });

    it('previews an edit live, in a sandboxed frame', async () => {
      await textOf(previewTitle(page), 'Chat with us');
      await page.getByTestId('layout-template').fill(SPRING);
      await textOf(previewTitle(page), 'Spring sale: Chat with us');
      // The frame may run nothing and reach nothing; its markup is not in the console's page.
      expect(await page.getByTestId('layout-preview').getAttribute('sandbox')).toBe('');
      expect(await page.locator('.sb-title').count()).toBe(0);
      // Only previewed: the stored template is still the copy of the default.
      expect((await layoutNamed('Spring layout'))?.template).toBe((await layoutNamed('Default'))?.template);
    });

    it("shows a template that does not compile with its line, keeps the text, and refuses to save it", async () => {
      const template = page.getByTestId('layout-template');
      await template.fill(BROKEN);
      const error = await textOf(page.getByTestId('layout-error'), /Line 3\b/);
      expect(error).toMatch(/parse error/i);
      expect(await template.inputValue()).toBe(BROKEN);
      // The preview keeps the last rendering that worked.
      await textOf(previewTitle(page), 'Spring sale: Chat with us');

      // "Go to line" selects the line the server named.
      await page.getByTestId('layout-error-line').click();
      const selected = await template.evaluate((element) => {
        const area = element as HTMLTextAreaElement;
        return area.value.slice(area.selectionStart, area.selectionEnd);
      });
      expect(selected).toBe(BROKEN_LINE);

      // Saving is refused by the server with the same line; the user's text stays.
      const before = (await layoutNamed('Spring layout'))?.template;
      const [refusal] = await Promise.all([
        page.waitForResponse((response) => response.request().method() === 'PATCH' && response.url().includes('/api/v1/layouts/')),
        page.getByTestId('layout-save').click(),
      ]);
      expect(refusal.status()).toBe(400);
      expect(JSON.stringify(await refusal.json())).toContain('Line 3');
      await textOf(page.getByTestId('layout-error'), /Line 3\b/);
      expect(await template.inputValue()).toBe(BROKEN);
      expect((await layoutNamed('Spring layout'))?.template).toBe(before);
    });

    it('saves a template that compiles', async () => {
      await page.getByTestId('layout-template').fill(SPRING);
      await page.getByTestId('layout-error').waitFor({ state: 'detached' });
      await page.getByTestId('layout-save').click();
      await page.locator('mat-snack-bar-container').filter({ hasText: 'Saved Spring layout' }).waitFor();
      expect((await layoutNamed('Spring layout'))?.template).toBe(SPRING);
      // After a reload the editor shows what was saved.
      await page.reload();
      await eventually(
        () => page.getByTestId('layout-template').inputValue(),
        (value) => value === SPRING,
      );
      await textOf(previewTitle(page), 'Spring sale: Chat with us');
    });

    it('deletes a layout after confirmation', async () => {
      const spring = await layoutNamed('Spring layout');
      await page.locator('a[aria-label="Back to layouts"]').click();
      await page.waitForURL(/\/layouts$/);
      const row = page.getByTestId('layouts-row-Spring layout');
      await row.getByTestId('layout-delete').click();
      // Cancelled: still there.
      await page.getByTestId('confirm-cancel').click();
      await page.getByTestId('confirm-cancel').waitFor({ state: 'detached' });
      expect(await layoutNamed('Spring layout')).toBeDefined();

      await row.getByTestId('layout-delete').click();
      await textOf(page.getByTestId('confirm-message'), 'Spring layout');
      await page.getByTestId('confirm-ok').click();
      await row.waitFor({ state: 'detached' });
      expect(await layoutNamed('Spring layout')).toBeUndefined();
      expect((await session.api.call('GET', `/layouts/${spring?.id}`)).status).toBe(404);
      await page.getByTestId('layouts-row-Default').waitFor();
      expect(dialogs).toEqual([]);
    });
  });

  describe('interaction history', () => {
    interface Person {
      id: string;
      username: string;
      fullName: string;
      api: ApiClient;
    }
    interface SiteInfo {
      id: string;
      name: string;
      siteKey: string;
      url: string;
    }
    let hana: Person;
    let boris: Person;
    let harbour: SiteInfo;
    let other: SiteInfo;
    /** Hana's chat (the visitor wrote the hostile message) and Boris's. */
    let hanaChat = '';
    let borisChat = '';
    let counter = 0;

    const newAgent = async (username: string, fullName: string): Promise<Person> => {
      const { id } = await session.api.post<{ id: string }>('/agents', { username, fullName, email: `${username}@example.test`, password: PASSWORD, role: 'agent' });
      return { id, username, fullName, api: await apiAs(session.server.url, username, PASSWORD) };
    };
    const newSite = (name: string, url: string, agent: Person) => session.api.post<SiteInfo>('/sites', { name, url, agents: [{ agentId: agent.id, priority: 1 }] });

    /** The agent is online (no console needed), takes the offer of this interaction and accepts it. */
    const acceptNext = async (agent: Person): Promise<string> => {
      const desk = await eventually(() => agent.api.get<Desk>('/routing/desk'), (d) => d.offers.length === 1);
      const offer = desk.offers[0] as Desk['offers'][number];
      await agent.api.post(`/offers/${offer.id}/accept`);
      return offer.interaction.id;
    };
    const reply = (agent: Person, interactionId: string, body: string) => agent.api.post(`/interactions/${interactionId}/messages`, { clientId: `history-reply-${++counter}`, body });
    const goOnline = async (agent: Person) => expect((await agent.api.call('PUT', '/presence/me', { status: 'online' })).status).toBe(200);

    /** A visitor on the site's page, as the widget talks to the server. */
    const visitorOf = async (site: SiteInfo): Promise<Socket> => {
      const socket = io(`${session.server.url}/chat`, { auth: { siteKey: site.siteKey }, transports: ['websocket'], extraHeaders: { origin: new URL(site.url).origin }, reconnection: false, forceNew: true });
      await new Promise<void>((resolve, reject) => {
        socket.once('chat.ready', () => resolve());
        socket.once('connect_error', reject);
      });
      return socket;
    };
    const say = async (visitor: Socket, body: string, fields?: Record<string, string>) => {
      const answer = (await visitor.timeout(10_000).emitWithAck('chat.message', { clientId: `history-visitor-${++counter}`, body, ...(fields ? { fields } : {}) })) as ChatResult<{ interactionId: string }>;
      if (!answer.ok) throw new Error(`chat.message refused: ${JSON.stringify(answer.error)}`);
      return answer.data.interactionId;
    };

    beforeAll(async () => {
      hana = await newAgent('hana.history', 'Hana History');
      boris = await newAgent('boris.other', 'Boris Other');
      harbour = await newSite('Harbour shop', 'https://harbour.example.test', hana);
      other = await newSite('Other shop', 'https://other.example.test', boris);

      // Hana's chat: the visitor writes (a word to search for, then markup), Hana replies and closes, the visitor rates it.
      await goOnline(hana);
      const visitor = await visitorOf(harbour);
      try {
        const opened = await say(visitor, 'Where is my parcel? The tracking page says quokka', { name: 'Vera Visitor' });
        hanaChat = await acceptNext(hana);
        expect(hanaChat).toBe(opened);
        await say(visitor, HOSTILE);
        await reply(hana, hanaChat, 'Let me check that parcel for you');
        await hana.api.post(`/interactions/${hanaChat}/close`);
        const rated = (await visitor.timeout(10_000).emitWithAck('chat.rate', { interactionId: hanaChat, rating: 4, comment: 'Quick <b>help</b>' })) as ChatResult<null>;
        expect(rated).toEqual({ ok: true, data: null });
      } finally {
        visitor.disconnect();
      }

      // Boris's chat, handed in over REST as an integration would.
      await goOnline(boris);
      await session.api.post('/interactions/inbound', {
        channel: 'chat',
        accountId: other.id,
        contactAddress: 'olga@example.test',
        contactName: 'Olga Other',
        body: 'A question about my invoice',
        externalMessageId: `history-spec-${Date.now()}`,
      });
      borisChat = await acceptNext(boris);
      await reply(boris, borisChat, 'Happy to help with the invoice');
      await boris.api.post(`/interactions/${borisChat}/close`);

      const stored = await session.api.get<Transcript>(`/interactions/${hanaChat}`);
      expect(stored.messages.map((m) => m.body)).toEqual(['Where is my parcel? The tracking page says quokka', HOSTILE, 'Let me check that parcel for you']);
      expect(stored.rating).toEqual({ value: 4, comment: 'Quick <b>help</b>' });
    });

    it('finds an interaction by a word of its messages, and shows its transcript as text', async () => {
      const page = await signedInPage(session.browser, session.server.url);
      const dialogs = watchDialogs(page);
      await page.locator('mat-nav-list').getByRole('link', { name: 'History' }).click();
      await page.waitForURL(/\/history$/);
      await rowsAre(page, [hanaChat, borisChat]);

      await page.getByTestId('history-search').fill('quokka');
      await rowsAre(page, [hanaChat]);
      const row = page.locator(`tr[data-testid="history-row"][data-interaction="${hanaChat}"]`);
      await textOf(row.getByTestId('history-row-contact'), 'Vera Visitor');
      await textOf(row.getByTestId('history-row-agent'), 'Hana History');
      await textOf(row.getByTestId('history-row-site'), 'Harbour shop');

      // A word no message has: nothing.
      await page.getByTestId('history-search').fill('platypus');
      await page.getByTestId('history-empty').waitFor();
      expect(await rowIds(page)).toEqual([]);
      await page.getByTestId('history-search').fill('quokka');
      await rowsAre(page, [hanaChat]);

      await row.click();
      const transcript = page.getByTestId('history-transcript');
      await transcript.waitFor();
      expect(await transcript.getAttribute('data-interaction')).toBe(hanaChat);
      const messages = transcript.getByTestId('history-message');
      await eventually(
        () => messages.count(),
        (count) => count === 3,
      );
      const shown = await messages.evaluateAll((items) =>
        items.map((item) => [
          item.getAttribute('data-direction'),
          item.querySelector('[data-testid="history-message-author"]')?.textContent?.trim(),
          item.querySelector('[data-testid="history-message-body"]')?.textContent,
        ]),
      );
      expect(shown).toEqual([
        ['in', 'Vera Visitor', 'Where is my parcel? The tracking page says quokka'],
        ['in', 'Vera Visitor', HOSTILE],
        ['out', 'Hana History', 'Let me check that parcel for you'],
      ]);
      expect(await messages.first().getByTestId('history-message-time').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(await transcript.getByTestId('history-rating-value').getAttribute('data-value')).toBe('4');
      await textOf(transcript.getByTestId('history-rating-value'), '4 / 5');
      expect(await transcript.getByTestId('history-rating-comment').textContent()).toBe('Quick <b>help</b>');

      // The markup stayed text: no image, no bold element, nothing ran.
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(await transcript.locator('img, b').count()).toBe(0);
      expect(dialogs).toEqual([]);

      // Export: the server's text file of the transcript, downloaded with the session's token.
      const [download] = await Promise.all([page.waitForEvent('download'), transcript.getByTestId('history-export').click()]);
      expect(download.suggestedFilename()).toBe(`interaction-${hanaChat}.txt`);
      const text = await readFile((await download.path()) as string, 'utf8');
      expect(text).toContain(`Interaction ${hanaChat}`);
      expect(text).toContain(`Vera Visitor: ${HOSTILE}`);
      expect(text).toContain('Hana History: Let me check that parcel for you');
      expect(text).not.toContain('invoice');
      expect(dialogs).toEqual([]);
      await page.close();
    });

    it('filters by site and by agent', async () => {
      const page = await signedInPage(session.browser, session.server.url);
      await page.goto(`${session.server.url}/history`);
      await rowsAre(page, [hanaChat, borisChat]);

      await choose(page, 'history-filter-site', 'Other shop');
      await rowsAre(page, [borisChat]);
      await textOf(page.getByTestId('history-row-agent'), 'Boris Other');
      await choose(page, 'history-filter-site', 'Harbour shop');
      await rowsAre(page, [hanaChat]);
      await choose(page, 'history-filter-site', 'All sites');
      await rowsAre(page, [hanaChat, borisChat]);

      await choose(page, 'history-filter-agent', 'Boris Other (boris.other)');
      await rowsAre(page, [borisChat]);
      // Boris's site with Hana as agent: nothing.
      await choose(page, 'history-filter-site', 'Harbour shop');
      await page.getByTestId('history-empty').waitFor();
      expect(await rowIds(page)).toEqual([]);
      await page.close();
    });

    it("shows an agent only their own interactions, without the filters they may not use", async () => {
      const page = await signedInPage(session.browser, session.server.url, { username: boris.username, password: PASSWORD });
      await page.locator('mat-nav-list').getByRole('link', { name: 'History' }).click();
      await page.waitForURL(/\/history$/);
      await rowsAre(page, [borisChat]);
      await textOf(page.getByTestId('history-row-agent'), 'Boris Other');
      expect(await page.getByTestId('history-filter-agent').count()).toBe(0);
      expect(await page.getByTestId('history-filter-site').count()).toBe(0);
      await page.getByTestId('history-filter-channel').waitFor();
      // Hana's words find nothing for him.
      await page.getByTestId('history-search').fill('quokka');
      await page.getByTestId('history-empty').waitFor();
      expect(await rowIds(page)).toEqual([]);
      expect((await boris.api.get<PageOf<InteractionSummary>>('/interactions')).items.map((i) => i.id)).toEqual([borisChat]);
      await page.close();
    });
  });
});
