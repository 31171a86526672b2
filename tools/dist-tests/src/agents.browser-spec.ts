import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { apiAs, eventually, signedInPage, textOf, useConsoleSession } from './console-session';

interface AgentLike {
  id: string;
  username: string;
}
interface PageLike<T> {
  items: T[];
  total: number;
}

async function openAgents(page: Page): Promise<void> {
  await page.locator('mat-nav-list').getByRole('link', { name: 'Agents', exact: true }).click();
  await page.waitForURL(/\/agents$/);
  await page.getByTestId('agents-search').waitFor();
}

async function search(page: Page, text: string, expectedRows: number): Promise<void> {
  await page.getByTestId('agents-search').fill(text);
  await eventually(
    () => page.locator('[data-testid^="agent-row-"]').count(),
    (count) => count === expectedRows,
  );
}

describe('agents list in Chromium', () => {
  const session = useConsoleSession();

  const createAgent = (username: string, fullName = username) =>
    session.api.post<AgentLike>('/agents', { username, fullName, email: `${username}@example.test`, password: 'Agent-Password-123!' });


  it('creates an agent, shows the generated password once, then lists the agent', async () => {
    const page = await signedInPage(session.browser, session.server.url);
    await openAgents(page);
    await page.getByTestId('new-agent').click();
    await page.waitForURL(/\/agents\/new$/);
    await page.getByTestId('agent-fullName').fill('Alice Example');
    await page.getByTestId('agent-username').fill('alice.example');
    await page.getByTestId('agent-email').fill('alice@example.test');
    await page.getByTestId('save-agent').click();

    const secret = page.getByTestId('generated-password');
    await secret.waitFor();
    const password = (await textOf(secret, /\S{8,}/)).trim();
    expect(password.length).toBeGreaterThanOrEqual(8);
    // The password shown is the one the account now has.
    await expect(apiAs(session.server.url, 'alice.example', password)).resolves.toHaveProperty('token');

    await page.getByTestId('generated-password-done').click();
    await page.waitForURL(/\/agents\/[0-9a-f-]{36}$/);
    await page.getByTestId('agent-title').filter({ hasText: 'Alice Example' }).waitFor();
    expect(await page.getByTestId('generated-password').count()).toBe(0);

    await openAgents(page);
    await search(page, 'alice', 1);
    const row = page.getByTestId('agent-row-alice.example');
    await textOf(row, 'alice@example.test');
    // No licence limit on this server: no banner.
    expect(await page.getByTestId('license-full-banner').count()).toBe(0);
    await page.close();
  });

  it('searches on the server, selects agents and deletes them after confirming', async () => {
    await createAgent('bulk.one');
    await createAgent('bulk.two');
    const keeper = await createAgent('keeper.three');
    const page = await signedInPage(session.browser, session.server.url);
    await openAgents(page);

    await search(page, 'bulk', 2);
    expect(await page.getByTestId('agent-row-keeper.three').count()).toBe(0);
    await page.getByTestId('select-bulk.one').locator('input').check();
    await page.getByTestId('select-bulk.two').locator('input').check();
    await textOf(page.getByTestId('selected-count'), '2 selected');

    // Cancelling deletes nothing.
    await page.getByTestId('bulk-delete').click();
    await textOf(page.getByTestId('confirm-message'), 'Delete 2 selected agents?');
    await page.getByTestId('confirm-cancel').click();
    await page.getByTestId('confirm-message').waitFor({ state: 'detached' });
    expect((await session.api.get<PageLike<AgentLike>>('/agents?q=bulk')).total).toBe(2);

    await page.getByTestId('bulk-delete').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('agents-empty').waitFor();
    expect((await session.api.get<PageLike<AgentLike>>('/agents?q=bulk')).total).toBe(0);
    expect((await session.api.call('GET', `/agents/${keeper.id}`)).status).toBe(200);
    await page.close();
  });

  it('deletes one agent from its row menu after confirming', async () => {
    const doomed = await createAgent('row.delete');
    const page = await signedInPage(session.browser, session.server.url);
    await openAgents(page);
    await search(page, 'row.delete', 1);
    await page.getByTestId('actions-row.delete').click();
    await page.getByTestId('row-delete').click();
    await textOf(page.getByTestId('confirm-message'), 'row.delete');
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('agents-empty').waitFor();
    expect((await session.api.call('GET', `/agents/${doomed.id}`)).status).toBe(404);
    await page.close();
  });

  it('exports the selected agents as agents.csv', async () => {
    await createAgent('export.me', 'Export Me');
    const page = await signedInPage(session.browser, session.server.url);
    await openAgents(page);
    await search(page, 'export.me', 1);
    await page.getByTestId('select-export.me').locator('input').check();
    await textOf(page.getByTestId('export-agents'), 'Export selected (1)');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-agents').click()]);
    expect(download.suggestedFilename()).toBe('agents.csv');
    const csv = await readFile((await download.path()) as string, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^username,fullName,email/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('export.me,Export Me,export.me@example.test');
    await page.close();
  });

  it('imports a CSV: a dry run reports the bad row, then the import creates the good ones', async () => {
    const csv = ['username,fullName,email', 'imp.one,Import One,imp.one@example.test', 'imp.bad,Import Bad,not-an-e-mail', 'imp.two,Import Two,imp.two@example.test'].join(
      '\n',
    );
    const page = await signedInPage(session.browser, session.server.url);
    await openAgents(page);
    await page.getByTestId('import-agents').click();
    await page.getByTestId('import-file').setInputFiles({ name: 'new-agents.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await textOf(page.getByTestId('import-file-name'), 'new-agents.csv');

    await page.getByTestId('import-dry-run').locator('input').check();
    await page.getByTestId('import-upload').click();
    await page.getByTestId('import-summary').waitFor();
    await textOf(page.getByTestId('import-rows'), /^\s*3\s*$/);
    await textOf(page.getByTestId('import-valid'), /^\s*2\s*$/);
    await textOf(page.getByTestId('import-created'), /^\s*0\s*$/);
    const errorRows = page.getByTestId('import-error-row');
    expect(await errorRows.count()).toBe(1);
    const problem = await textOf(errorRows.first(), 'email');
    expect(problem).toContain('3');
    expect(problem).toContain('email');
    expect((await session.api.get<PageLike<AgentLike>>('/agents?q=imp.')).total).toBe(0);

    await page.getByTestId('import-again').click();
    await page.getByTestId('import-dry-run').locator('input').uncheck();
    await page.getByTestId('import-upload').click();
    await page.getByTestId('import-created').filter({ hasText: '2' }).waitFor();
    expect(await page.getByTestId('import-error-row').count()).toBe(1);
    expect(await page.getByTestId('import-passwords').locator('tr[mat-row], tr.mat-mdc-row').count()).toBe(2);
    await page.getByTestId('import-close').click();

    await search(page, 'imp.', 2);
    const created = await session.api.get<PageLike<AgentLike>>('/agents?q=imp.');
    expect(created.items.map((agent) => agent.username).sort()).toEqual(['imp.one', 'imp.two']);
    await page.close();
  });

  it('shows the server\'s progress while a long import runs', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => `prog.${i},Progress ${i},prog.${i}@example.test,Progress-pass-${i}`);
    const csv = ['username,fullName,email,password', ...rows].join('\n');
    const page = await signedInPage(session.browser, session.server.url);
    await openAgents(page);
    await page.getByTestId('import-agents').click();
    await page.getByTestId('import-file').setInputFiles({ name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-upload').click();
    // Progress arrives over the console socket while the server hashes the passwords.
    await page.getByText(/Securing the passwords… \d+ of 400 rows/).waitFor();
    await page.getByTestId('import-created').filter({ hasText: '400' }).waitFor({ timeout: 60_000 });
    await page.getByTestId('import-close').click();
    await page.close();
  });
});

describe('agents list when every licence seat is taken', () => {
  const session = useConsoleSession({ LICENSE_SEATS: '1' });


  it('shows the licence banner', async () => {
    const page = await signedInPage(session.browser, session.server.url);
    await openAgents(page);
    const banner = page.getByTestId('license-full-banner');
    await banner.waitFor();
    await textOf(banner, 'All 1 licence seats are in use');
    await page.close();
  });
});
