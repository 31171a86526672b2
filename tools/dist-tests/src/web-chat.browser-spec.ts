import type { Desk, OutboxMail, Page as PageOf, Transcript } from '@switchboard/contracts';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { apiAs, eventually, signedInPage, textOf, useConsoleSession } from './console-session';

const PASSWORD = 'Agent-Password-123!';
const MARKUP = '<img src=x onerror=alert(1)>';
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A page that records the dialogs it opens (a script that ran would open one). */
async function watched(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

/**
 * The acceptance, in one browser: a visitor on the site's page (the embed snippet) and an
 * agent in the console, both in Chromium.
 */
describe('web chat end to end: the widget on a page, the agent in the console', () => {
  const session = useConsoleSession();
  let counter = 0;

  const newAgent = async (fullName: string) => {
    const username = `web.agent${++counter}`;
    const { id } = await session.api.post<{ id: string }>('/agents', { username, fullName, email: `${username}@example.test`, password: PASSWORD, role: 'agent' });
    return { id, username, password: PASSWORD, email: `${username}@example.test` };
  };

  const newSite = async (body: Record<string, unknown>) => {
    const site = await session.api.post<{ id: string }>('/sites', { name: `Shop ${++counter}`, url: 'https://shop.example.test', ...body });
    return { ...site, ...(await session.api.get<{ testPageUrl: string }>(`/sites/${site.id}/embed`)) };
  };

  const visitorPage = async (testPageUrl: string) => {
    const context = await session.browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const dialogs = await watched(page);
    await page.goto(testPageUrl);
    await page.getByTestId('sb-launcher').click();
    await page.getByTestId('sb-panel').waitFor();
    return { page, dialogs, close: () => context.close() };
  };

  it('pre-chat form → offer → accept → messages both ways → typing → files both ways → close → rating → transcript in history', async () => {
    const agent = await newAgent('Alice Agent');
    const site = await newSite({ agents: [{ agentId: agent.id, priority: 1 }] });

    // The agent signs in to the console and opens My desk: online, offers come.
    const agentPage = await signedInPage(session.browser, session.server.url, agent);
    const consoleDialogs = await watched(agentPage);
    await textOf(agentPage.getByTestId('presence-label'), 'Online');
    await agentPage.locator('mat-nav-list').getByRole('link', { name: 'My desk' }).click();
    await agentPage.getByTestId('desk-no-offers').waitFor();

    // The visitor fills in the pre-chat form (a name that is markup) and writes.
    const visitor = await visitorPage(site.testPageUrl);
    await visitor.page.getByTestId('sb-field-name').fill(MARKUP);
    await visitor.page.getByTestId('sb-field-email').fill('visitor@example.test');
    await visitor.page.getByTestId('sb-input').fill('My parcel has not arrived');
    await visitor.page.getByTestId('sb-send').click();

    // The offer pops up on the desk; the agent accepts it.
    const agentApi = await apiAs(session.server.url, agent.username, agent.password);
    const desk = await eventually(() => agentApi.get<Desk>('/routing/desk'), (d) => d.offers.length === 1);
    const interactionId = (desk.offers[0] as Desk['offers'][number]).interaction.id;
    await agentPage.getByTestId(`offer-${interactionId}`).getByTestId('offer-accept').click();
    const pane = agentPage.locator(`[data-testid="chat-pane"][data-interaction="${interactionId}"]`);
    await textOf(pane.locator('[data-testid="chat-message"][data-direction="in"]').first(), 'My parcel has not arrived');
    await textOf(agentPage.getByTestId(`desk-tab-${interactionId}`), MARKUP);
    // The visitor panel shows the pre-chat answers, the name as text.
    await textOf(pane.locator('[data-testid="contact-panel-field"][data-key="email"]'), 'visitor@example.test');
    await textOf(pane.locator('[data-testid="contact-panel-field"][data-key="name"]'), MARKUP);
    await textOf(visitor.page.getByTestId('sb-status'), 'Alice Agent');

    // Typing shows on the other side, both ways; then the messages.
    await pane.getByTestId('chat-input').pressSequentially('Let me check', { delay: 20 });
    await textOf(visitor.page.getByTestId('sb-typing'), 'is typing');
    await pane.getByTestId('chat-input').press('Enter');
    await eventually(
      () => visitor.page.getByTestId('sb-message').evaluateAll((nodes) => nodes.map((n) => [(n as HTMLElement).dataset['from'], n.querySelector('.body')?.textContent])),
      (list) => JSON.stringify(list) === JSON.stringify([['visitor', 'My parcel has not arrived'], ['agent', 'Let me check']]),
    );
    await visitor.page.getByTestId('sb-input').pressSequentially('Thank you', { delay: 20 });
    await pane.getByTestId('chat-typing').waitFor();
    await visitor.page.getByTestId('sb-send').click();
    await textOf(pane.locator('[data-testid="chat-message"][data-direction="in"]').nth(1), 'Thank you');

    // Files both ways: the visitor attaches a receipt, the agent sees it in the pane and downloads it;
    // the agent attaches a label, which the visitor sees; a page disguised as an image is refused.
    await visitor.page.getByTestId('sb-file').setInputFiles({ name: 'receipt.pdf', mimeType: 'application/pdf', buffer: PDF });
    const receipt = pane.getByTestId('chat-attachment').filter({ hasText: 'receipt.pdf' });
    await receipt.waitFor();
    const [download] = await Promise.all([agentPage.waitForEvent('download'), receipt.click()]);
    expect(download.suggestedFilename()).toBe('receipt.pdf');
    expect(Buffer.compare(readFileSync(await download.path()), PDF)).toBe(0);
    await pane.getByTestId('chat-file').setInputFiles({ name: 'label.png', mimeType: 'image/png', buffer: PNG });
    await textOf(visitor.page.getByTestId('sb-attachment').filter({ hasText: 'label.png' }), 'label.png');
    await pane.getByTestId('chat-file').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
    await textOf(pane.getByTestId('chat-send-error'), 'is not accepted');
    await pane.getByTestId('chat-discard').click();
    await pane.getByTestId('chat-send-error').waitFor({ state: 'detached' });

    // The agent closes; the visitor rates the chat.
    await pane.getByTestId('chat-close').click();
    await agentPage.getByTestId(`desk-tab-${interactionId}`).waitFor({ state: 'detached' });
    await textOf(visitor.page.getByTestId('sb-status'), 'The chat has ended');
    await visitor.page.getByTestId('sb-rate-5').click();
    await visitor.page.getByTestId('sb-rate-send').click();
    await visitor.page.getByTestId('sb-rate-thanks').waitFor();

    // The transcript is in history, with the rating; markup stayed text everywhere.
    const transcript = await eventually(() => session.api.get<Transcript>(`/interactions/${interactionId}`), (t) => t.rating !== null);
    expect(transcript.messages.map((m) => [m.direction, m.body, m.attachments.map((a) => `${a.name} ${a.mediaType}`)])).toEqual([
      ['in', 'My parcel has not arrived', []],
      ['out', 'Let me check', []],
      ['in', 'Thank you', []],
      ['in', '', ['receipt.pdf application/pdf']],
      ['out', '', ['label.png image/png']],
    ]);
    expect(transcript.rating).toEqual({ value: 5, comment: null });
    expect(transcript.interaction).toMatchObject({ contactName: MARKUP, status: 'closed' });
    expect(await agentPage.locator('img[src="x"]').count()).toBe(0);
    expect(await visitor.page.getByTestId('sb-panel').locator('img').count()).toBe(0);
    expect([...consoleDialogs, ...visitor.dialogs]).toEqual([]);
    await visitor.close();
    await agentPage.close();
  });

  it('no agent online: the offline form stores the message and mails it to the chosen recipients', async () => {
    const [absent, recipient] = [await newAgent('Absent Agent'), await newAgent('Rita Recipient')];
    const site = await newSite({ agents: [{ agentId: absent.id, priority: 1 }], offlineRecipientIds: [recipient.id] });
    const visitor = await visitorPage(site.testPageUrl);
    const body = `Please call me back ${Date.now()}`;
    await visitor.page.getByTestId('sb-field-name').fill('Olga Offline');
    await visitor.page.getByTestId('sb-field-email').fill('olga@example.test');
    await visitor.page.getByTestId('sb-input').fill(body);
    await visitor.page.getByTestId('sb-offline-send').click();
    await textOf(visitor.page.getByTestId('sb-panel'), /Thank you/i);
    const mails = await eventually(
      async () => (await session.api.get<PageOf<OutboxMail>>(`/mail/outbox?q=${encodeURIComponent(recipient.email)}`)).items,
      (items) => items.some((m) => m.text.includes(body)),
    );
    expect(mails.filter((m) => m.text.includes(body)).map((m) => m.to)).toEqual([recipient.email]);
    await visitor.close();
  });
});
