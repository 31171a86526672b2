import type { Page } from 'playwright-core';
import { apiAs, eventually, freshTotp, signedInPage, textOf, useConsoleSession } from './console-session';

const PASSWORD = 'Agent-Password-123!';

interface SessionLike {
  id: string;
  current: boolean;
}

describe('my account in Chromium', () => {
  const session = useConsoleSession();

  const createAgent = (username: string) =>
    session.api.post('/agents', { username, fullName: `${username} person`, email: `${username}@example.test`, password: PASSWORD });

  async function openAccount(page: Page): Promise<void> {
    await page.locator('mat-nav-list').getByRole('link', { name: 'My account' }).click();
    await page.waitForURL(/\/account$/);
    await page.getByTestId('mfa-state').waitFor();
  }

  const sessionRows = (page: Page) => page.getByTestId('session-row');

  it('changes the password: a wrong current one is refused under its field; other devices are signed out', async () => {
    await createAgent('pw.agent');
    const user = { username: 'pw.agent', password: PASSWORD };
    const page = await signedInPage(session.browser, session.server.url, user);
    const other = await signedInPage(session.browser, session.server.url, user);
    await openAccount(page);
    await textOf(page.getByTestId('password-changed-at'), /\d/);
    await textOf(page.getByTestId('password-expires-at'), 'Does not expire');

    await page.getByTestId('current-password').fill('Not-My-Password-1!');
    await page.getByTestId('new-password').fill('Changed-Password-456!');
    await page.getByTestId('confirm-password').fill('Changed-Password-456!');
    await page.getByTestId('change-password').click();
    await textOf(page.locator('mat-form-field').filter({ has: page.getByTestId('current-password') }).locator('mat-error'), /\S/);
    await expect(apiAs(session.server.url, 'pw.agent', 'Changed-Password-456!')).rejects.toThrow(/401/);

    await page.getByTestId('current-password').fill(PASSWORD);
    await page.getByTestId('change-password').click();
    await page.getByText('Password changed. Your other devices were signed out.').waitFor();
    expect(await page.getByTestId('current-password').inputValue()).toBe('');
    await expect(apiAs(session.server.url, 'pw.agent', 'Changed-Password-456!')).resolves.toHaveProperty('token');
    await expect(apiAs(session.server.url, 'pw.agent', PASSWORD)).rejects.toThrow(/401/);

    // This device stays signed in (also after a reload); the other one lands on the login page.
    await other.waitForURL(/\/login/, { timeout: 15_000 });
    await page.reload();
    await page.getByTestId('mfa-state').waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');
    await page.close();
    await other.close();
  });

  it('lists this device and another one, and signs the other one out', async () => {
    await createAgent('sessions.agent');
    const user = { username: 'sessions.agent', password: PASSWORD };
    const page = await signedInPage(session.browser, session.server.url, user);
    await openAccount(page);
    await eventually(() => sessionRows(page).count(), (count) => count === 1);

    const other = await signedInPage(session.browser, session.server.url, user);
    await page.reload();
    await eventually(() => sessionRows(page).count(), (count) => count === 2);
    const current = page.locator('[data-testid="session-row"][data-current="true"]');
    expect(await current.count()).toBe(1);
    await textOf(current, 'This device');
    await textOf(current, /Chrome/);
    const otherRow = page.locator('[data-testid="session-row"][data-current="false"]');
    expect(await otherRow.getByTestId('this-device').count()).toBe(0);

    await otherRow.getByTestId('revoke-session').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByText('The device was signed out').waitFor();
    await eventually(() => sessionRows(page).count(), (count) => count === 1);
    await other.waitForURL(/\/login/, { timeout: 15_000 });
    await other.getByText('Signed out from another device').waitFor();
    // And it stays signed out after a reload.
    await other.reload();
    await other.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await other.getByTestId('signed-in-user').count()).toBe(0);

    // Signing out this device ends its session and opens the login page.
    await current.getByTestId('revoke-session').click();
    await page.getByTestId('confirm-ok').click();
    await page.waitForURL(/\/login/);
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const agentApi = await apiAs(session.server.url, 'sessions.agent', PASSWORD);
    const left = await agentApi.get<SessionLike[]>('/sessions');
    expect(left.filter((entry) => !entry.current)).toEqual([]);
    await page.close();
    await other.close();
  });

  it('changes the e-mail address after checking the password', async () => {
    await createAgent('email.agent');
    const page = await signedInPage(session.browser, session.server.url, { username: 'email.agent', password: PASSWORD });
    await openAccount(page);
    await textOf(page.getByTestId('current-email'), 'email.agent@example.test');

    await page.getByTestId('new-email').fill('email.changed@example.test');
    await page.getByTestId('email-password').fill('Wrong-Password-1!');
    await page.getByTestId('change-email').click();
    await textOf(page.locator('mat-form-field').filter({ has: page.getByTestId('email-password') }).locator('mat-error'), /\S/);

    await page.getByTestId('email-password').fill(PASSWORD);
    await page.getByTestId('change-email').click();
    await textOf(page.getByTestId('current-email'), 'email.changed@example.test');
    const me = await (await apiAs(session.server.url, 'email.agent', PASSWORD)).get<{ email: string }>('/auth/me');
    expect(me.email).toBe('email.changed@example.test');
    await page.close();
  });

  it('sets up two-factor authentication, renews the recovery codes and turns it off', async () => {
    await createAgent('self.mfa');
    const page = await signedInPage(session.browser, session.server.url, { username: 'self.mfa', password: PASSWORD });
    await openAccount(page);
    await textOf(page.getByTestId('mfa-state'), 'Off');

    await page.getByTestId('mfa-setup').click();
    await page.getByTestId('prompt-password').fill(PASSWORD);
    await page.getByTestId('prompt-confirm').click();
    await page.getByTestId('mfa-qr').waitFor();
    const secret = ((await page.getByTestId('mfa-secret').textContent()) ?? '').replace(/\s+/g, '');
    await page.getByTestId('mfa-code').fill(await freshTotp(secret));
    await page.getByTestId('mfa-enable').click();
    await page.getByTestId('recovery-codes').waitFor();
    const codes = await page.getByTestId('recovery-codes').locator('code').allTextContents();
    expect(codes.length).toBeGreaterThanOrEqual(5);
    await page.getByTestId('recovery-codes-done').click();
    await page.getByTestId('recovery-codes').waitFor({ state: 'detached' });
    await textOf(page.getByTestId('mfa-state'), 'On');
    await textOf(page.getByTestId('recovery-codes-left'), String(codes.length));
    await expect(apiAs(session.server.url, 'self.mfa', PASSWORD)).rejects.toThrow(/mfa-required/);

    // New codes replace the old ones (a wrong password is refused first).
    await page.getByTestId('new-recovery-codes').click();
    await page.getByTestId('prompt-password').fill('Wrong-Password-1!');
    await page.getByTestId('prompt-confirm').click();
    await textOf(page.locator('mat-dialog-container mat-error'), /\S/);
    await page.getByTestId('prompt-password').fill(PASSWORD);
    await page.getByTestId('prompt-confirm').click();
    await page.getByRole('heading', { name: 'Your new recovery codes' }).waitFor();
    const renewed = await page.getByTestId('recovery-codes').locator('code').allTextContents();
    expect(renewed.length).toBe(codes.length);
    expect(renewed).not.toContain(codes[0]);
    await page.getByTestId('recovery-codes-done').click();

    await page.getByTestId('mfa-disable').click();
    await page.getByTestId('prompt-password').fill(PASSWORD);
    await page.getByTestId('prompt-confirm').click();
    await textOf(page.getByTestId('mfa-state'), 'Off');
    await expect(apiAs(session.server.url, 'self.mfa', PASSWORD)).resolves.toHaveProperty('token');
    await page.close();
  });

  it('does not offer to turn off two-factor authentication the role requires', async () => {
    await createAgent('required.mfa');
    const page = await signedInPage(session.browser, session.server.url, { username: 'required.mfa', password: PASSWORD });
    await openAccount(page);
    await page.getByTestId('mfa-setup').click();
    await page.getByTestId('prompt-password').fill(PASSWORD);
    await page.getByTestId('prompt-confirm').click();
    await page.getByTestId('mfa-qr').waitFor();
    const secret = ((await page.getByTestId('mfa-secret').textContent()) ?? '').replace(/\s+/g, '');
    await page.getByTestId('mfa-code').fill(await freshTotp(secret));
    await page.getByTestId('mfa-enable').click();
    await page.getByTestId('recovery-codes-done').click();
    await textOf(page.getByTestId('mfa-state'), 'On');
    await page.getByTestId('mfa-disable').waitFor();
    expect(await page.getByTestId('mfa-disable').count()).toBe(1);

    expect((await session.api.call('PUT', '/settings/security', { mfaRequiredRoles: ['agent'] })).status).toBe(200);
    try {
      await page.reload();
      await textOf(page.getByTestId('mfa-required-note'), 'cannot be turned off');
      expect(await page.getByTestId('mfa-disable').count()).toBe(0);
    } finally {
      await session.api.call('PUT', '/settings/security', { mfaRequiredRoles: [] });
    }
    await page.close();
  });
});
