import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { eventually, signedInPage, textOf, useConsoleSession } from './console-session';

interface AuditBody {
  items: { id: string; action: string; targetName: string | null; details: Record<string, unknown> | null }[];
  total: number;
}

describe('audit log in Chromium', () => {
  const session = useConsoleSession();
  const rows = (page: Page) => page.getByTestId('audit-row');

  /** The actions of the rows on screen, once the table has settled on a set that `accept` likes. */
  const shownActions = (page: Page, accept: (actions: string[]) => boolean) =>
    eventually(async () => (await rows(page).evaluateAll((list) => list.map((row) => row.getAttribute('data-action') ?? ''))), accept);

  beforeAll(async () => {
    // Things worth auditing: a failed sign-in, a new agent, a lock, a settings change, a masking change.
    await fetch(`${session.server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'nobody.here', password: 'Wrong-Password-1!' }),
    });
    const agent = await session.api.post<{ id: string }>('/agents', {
      username: 'audited.agent',
      fullName: 'Audited Agent',
      email: 'audited.agent@example.test',
      password: 'Agent-Password-123!',
    });
    for (let attempt = 0; attempt < 5; attempt++) {
      await fetch(`${session.server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'audited.agent', password: 'Wrong-Password-1!' }),
      });
    }
    await session.api.call('PUT', '/settings/security', { minLength: 10 });
    await session.api.call('PATCH', `/agents/${agent.id}`, { maskSensitiveData: true });
  });

  async function openAudit(): Promise<Page> {
    const page = await signedInPage(session.browser, session.server.url);
    await page.goto(`${session.server.url}/audit`);
    await rows(page).first().waitFor();
    return page;
  }

  it('lists the actions, newest first, and shows a row’s details as text', async () => {
    const page = await openAudit();
    const actions = await shownActions(page, (list) => ['login.failed', 'agent.created', 'account.locked', 'settings.changed', 'agent.maskingChanged'].every((action) => list.includes(action)));
    expect(actions[0]).not.toBe('login.failed');
    const api = await session.api.get<AuditBody>('/audit?pageSize=25');
    expect(actions).toEqual(api.items.map((entry) => entry.action));

    const settingsRow = rows(page).and(page.locator('[data-action="settings.changed"]')).first();
    await textOf(settingsRow, 'minLength: 8 → 10');
    await settingsRow.click();
    const details = page.getByTestId('audit-details');
    await details.waitFor();
    const json = JSON.parse((await details.textContent()) ?? '') as { before: { minLength: number }; after: { minLength: number } };
    expect(json.before.minLength).toBe(8);
    expect(json.after.minLength).toBe(10);
    await settingsRow.click();
    await details.waitFor({ state: 'detached' });
    await page.close();
  });

  it('narrows by action, by text and by date', async () => {
    const page = await openAudit();
    await page.getByTestId('audit-action-filter').click();
    await page.getByRole('option', { name: 'Failed sign-in' }).click();
    const failed = await shownActions(page, (list) => list.length > 0 && list.every((action) => action === 'login.failed'));
    expect(failed.length).toBe(6);
    await textOf(page.getByRole('table', { name: 'Audit log' }), 'audited.agent');

    await page.getByTestId('audit-search').fill('nobody.here');
    await shownActions(page, (list) => list.length === 1);

    await page.getByTestId('audit-search').fill('');
    await page.getByTestId('audit-action-filter').click();
    await page.getByRole('option', { name: 'All actions' }).click();
    const yesterday = new Date(Date.now() - 86_400_000);
    const day = `${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, '0')}-${String(yesterday.getDate()).padStart(2, '0')}`;
    await page.getByTestId('audit-to').fill(day);
    await page.getByTestId('audit-empty').waitFor();
    expect(await rows(page).count()).toBe(0);
    await page.getByTestId('audit-to').fill('');
    await rows(page).first().waitFor();
    await page.close();
  });

  it('exports the filtered log as CSV', async () => {
    const page = await openAudit();
    await page.getByTestId('audit-action-filter').click();
    await page.getByRole('option', { name: 'Account locked' }).click();
    await shownActions(page, (list) => list.length === 1 && list[0] === 'account.locked');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    expect(download.suggestedFilename()).toBe('audit.csv');
    const csv = await readFile((await download.path()) as string, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('account.locked');
    expect(lines[1]).toContain('audited.agent');
    expect(csv).not.toContain('login.failed');
    await page.close();
  });
});

describe('mail outbox in Chromium', () => {
  const session = useConsoleSession();

  it('shows the reset mail of a forgotten password, its text as text', async () => {
    await session.api.post('/agents', { username: 'forgetful', fullName: 'Forgetful <b>Agent</b>', email: 'forgetful@example.test', password: 'Agent-Password-123!' });
    const answer = await fetch(`${session.server.url}/api/v1/auth/password/forgot`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'forgetful@example.test' }),
    });
    expect(answer.status).toBe(202);

    const page = await signedInPage(session.browser, session.server.url);
    await page.goto(`${session.server.url}/outbox`);
    const row = page.getByTestId('outbox-row').filter({ hasText: 'forgetful@example.test' });
    // The mail may be written a moment after the 202: refresh until it is listed.
    await eventually(
      async () => {
        if (await row.count()) return true;
        await page.getByTestId('outbox-refresh').click();
        return false;
      },
      Boolean,
    );
    await row.first().click();
    const text = page.getByTestId('outbox-mail-text');
    await text.waitFor();
    const body = (await text.textContent()) ?? '';
    expect(body).toMatch(/\/reset-password#token=\S+/);
    // Rendered as text: no element came out of the mail.
    expect(await text.locator('*').count()).toBe(0);
    await textOf(page.getByTestId('outbox-mail-to'), 'forgetful@example.test');
    await page.close();
  });
});
