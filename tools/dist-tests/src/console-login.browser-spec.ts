import type { Browser, Page } from 'playwright-core';
import { apiAs, eventually, freshTotp, submitLogin, textOf, totp, useConsoleSession } from './console-session';
import { ADMIN } from './server-process';

const PASSWORD = 'Agent-Password-123!';

async function loginPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${url}/login`);
  return page;
}

describe('console sign-in in Chromium', () => {
  const session = useConsoleSession();

  it('shows the login page, refuses a wrong password, signs in and out', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url);
    await page.waitForURL(/\/login/);
    await submitLogin(page, ADMIN.username, 'wrong-password');
    await textOf(page.getByTestId('login-error'), 'Invalid login or password');

    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in-user').waitFor();
    expect(await page.getByTestId('signed-in-user').textContent()).toContain('Administrator');
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('heading', { name: 'Welcome, Administrator' }).waitFor();

    await page.getByRole('link', { name: 'Channels' }).click();
    // The loaded channel plugins: web chat.
    await page.getByRole('cell', { name: 'Web chat (chat)' }).waitFor();
    expect(await page.getByTestId('no-channels').count()).toBe(0);

    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/login/);
    // Signed out on the server too: a reload does not sign in again.
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.getByTestId('signed-in-user').count()).toBe(0);
    await page.close();
  });

  it('keeps the user signed in across a reload with the refresh cookie, not with a stored token', async () => {
    const page = await loginPage(session.browser, session.server.url);
    await submitLogin(page, ADMIN.username, ADMIN.password);
    await page.getByTestId('signed-in-user').waitFor();

    const cookies = await page.context().cookies();
    const refresh = cookies.find((cookie) => cookie.name === 'sb_refresh');
    expect(refresh).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/api/v1/auth' });
    const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }));
    expect(stored).not.toMatch(/eyJ/); // no JWT in web storage

    await page.goto(`${session.server.url}/teams`);
    await page.getByTestId('signed-in-user').waitFor();
    expect(new URL(page.url()).pathname).toBe('/teams');
    await page.reload();
    await page.getByTestId('signed-in-user').waitFor();
    expect(new URL(page.url()).pathname).toBe('/teams');
    await page.close();
  });

  it('links to the forgot-password page', async () => {
    const page = await loginPage(session.browser, session.server.url);
    await page.getByTestId('forgot-password').click();
    await page.waitForURL(/\/forgot-password$/);
    await page.getByTestId('forgot-email').waitFor();
    await page.close();
  });

  it('makes a user of a role that requires MFA enrol at sign-in, then asks for the code, and takes a recovery code once', async () => {
    await session.api.post('/agents', { username: 'mfa.agent', fullName: 'Mfa Agent', email: 'mfa.agent@example.test', password: PASSWORD });
    const settings = await session.api.call('PUT', '/settings/security', { mfaRequiredRoles: ['agent'] });
    expect(settings.status).toBe(200);
    try {
      // Enrolment: QR code and key, a code from the "app", the recovery codes once, then signed in.
      const first = await loginPage(session.browser, session.server.url);
      await submitLogin(first, 'mfa.agent', PASSWORD);
      await textOf(first.getByTestId('login-stage'), 'Set up two-factor authentication');
      const qr = first.getByTestId('mfa-qr');
      await qr.waitFor();
      expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      expect(await qr.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
      const secret = ((await first.getByTestId('mfa-secret').textContent()) ?? '').replace(/\s+/g, '');
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

      const enrolCode = await freshTotp(secret);
      await first.getByTestId('mfa-code').fill(enrolCode);
      await first.getByTestId('mfa-enable').click();
      const list = first.getByTestId('recovery-codes');
      await list.waitFor();
      const codes = (await list.locator('code').allTextContents()).map((code) => code.trim());
      expect(codes.length).toBeGreaterThanOrEqual(5);
      expect(new Set(codes).size).toBe(codes.length);
      // Signed in only once the codes are acknowledged.
      expect(new URL(first.url()).pathname).toBe('/login');
      await first.getByTestId('recovery-codes-continue').click();
      await first.getByTestId('signed-in-user').waitFor();
      expect(await first.getByTestId('signed-in-user').textContent()).toContain('Mfa Agent');
      await first.close();

      // Next sign-in: the code step; a wrong code is refused, the right one signs in.
      const second = await loginPage(session.browser, session.server.url);
      await submitLogin(second, 'mfa.agent', PASSWORD);
      await textOf(second.getByTestId('login-stage'), 'Two-factor authentication');
      const wrong = totp(secret) === '000000' ? '111111' : '000000';
      await second.getByTestId('mfa-code').fill(wrong);
      await second.getByTestId('mfa-verify').click();
      await textOf(second.getByTestId('login-error'), 'Invalid code');
      await second.getByTestId('mfa-code').fill(await freshTotp(secret, [enrolCode]));
      await second.getByTestId('mfa-verify').click();
      await second.getByTestId('signed-in-user').waitFor();
      await second.close();

      // A recovery code works in place of the TOTP code, once.
      const third = await loginPage(session.browser, session.server.url);
      await submitLogin(third, 'mfa.agent', PASSWORD);
      await third.getByTestId('mfa-code').fill(codes[0]);
      await third.getByTestId('mfa-verify').click();
      await third.getByTestId('signed-in-user').waitFor();
      await third.close();

      const fourth = await loginPage(session.browser, session.server.url);
      await submitLogin(fourth, 'mfa.agent', PASSWORD);
      await fourth.getByTestId('mfa-code').fill(codes[0]);
      await fourth.getByTestId('mfa-verify').click();
      await textOf(fourth.getByTestId('login-error'), 'Invalid code');
      expect(await fourth.getByTestId('signed-in-user').count()).toBe(0);
      // "Back to sign-in" returns to the password.
      await fourth.getByRole('button', { name: 'Back to sign-in' }).click();
      await fourth.getByLabel('Username or e-mail').waitFor();
      await fourth.close();

      // The API agrees: the password alone no longer signs in.
      await expect(apiAs(session.server.url, 'mfa.agent', PASSWORD)).rejects.toThrow(/mfa-required/);
    } finally {
      await session.api.call('PUT', '/settings/security', { mfaRequiredRoles: [] });
    }
  });
});

describe('console session upkeep in Chromium', () => {
  const session = useConsoleSession({ ACCESS_TOKEN_TTL: '60', LOGIN_THROTTLE_PER_ACCOUNT: '3' });

  it('counts down after too many attempts, from Retry-After', async () => {
    const page = await loginPage(session.browser, session.server.url);
    for (let attempt = 1; attempt <= 3; attempt++) {
      await submitLogin(page, 'nobody.here', `Wrong-Password-${attempt}`);
      await textOf(page.getByTestId('login-error'), 'Invalid login or password');
      await page.getByTestId('login-error').evaluate((element) => element.remove());
    }
    await submitLogin(page, 'nobody.here', 'Wrong-Password-4');
    const message = await textOf(page.getByTestId('login-error'), /Too many attempts, try again in \d+ s/);
    const seconds = Number(/in (\d+) s/.exec(message)?.[1]);
    expect(seconds).toBeGreaterThan(1);
    expect(await page.getByRole('button', { name: 'Sign in' }).isDisabled()).toBe(true);
    // The countdown runs.
    await textOf(page.getByTestId('login-error'), new RegExp(`try again in (?!${seconds} s)\\d+ s`), 5_000);
    await page.close();
  });

  it('renews the access token before it expires and after a 401, without signing out', async () => {
    const page = await loginPage(session.browser, session.server.url);
    await submitLogin(page, ADMIN.username, ADMIN.password);
    await page.getByTestId('signed-in-user').waitFor();
    const signedInAt = Date.now();
    const refreshes: number[] = [];
    const refused: string[] = [];
    let teamsLoaded = 0;
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname === '/api/v1/auth/refresh') refreshes.push(response.status());
      else if (url.pathname.startsWith('/api/') && response.status() === 401) refused.push(url.pathname);
      else if (url.pathname === '/api/v1/teams' && response.status() === 200) teamsLoaded++;
    });

    // An access token the API refuses (as an expired one): renewed with the cookie, the request sent again.
    let spoiled = false;
    await page.route((url) => url.pathname === '/api/v1/teams', async (route) => {
      if (spoiled) return route.continue();
      spoiled = true;
      await route.continue({ headers: { ...route.request().headers(), authorization: 'Bearer not-a-valid-token' } });
    });
    await page.locator('mat-nav-list').getByRole('link', { name: 'Teams' }).click();
    await eventually(async () => teamsLoaded, (count) => count === 1);
    expect(spoiled).toBe(true);
    expect(refused).toEqual(['/api/v1/teams']);
    expect(refreshes).toEqual([200]);
    expect(await page.locator('.sb-error-toast').count()).toBe(0);

    // The 60 s token is renewed before it runs out, without a request failing.
    await eventually(async () => refreshes.length, (count) => count >= 2, 70_000);
    await new Promise((done) => setTimeout(done, Math.max(0, signedInAt + 65_000 - Date.now())));
    await page.locator('mat-nav-list').getByRole('link', { name: 'Queues' }).click();
    await page.waitForURL(/\/queues$/);
    await page.locator('mat-nav-list').getByRole('link', { name: 'Teams' }).click();
    await eventually(async () => teamsLoaded, (count) => count === 2);
    expect(refreshes.every((status) => status === 200)).toBe(true);
    expect(refused).toEqual(['/api/v1/teams']);
    expect(new URL(page.url()).pathname).toBe('/teams');
    await page.close();
  }, 150_000);

  it('lets tabs that start at once take turns with the refresh cookie, so the session survives', async () => {
    const context = await session.browser.newContext();
    const first = await context.newPage();
    await first.goto(`${session.server.url}/login`);
    await submitLogin(first, ADMIN.username, ADMIN.password);
    await first.getByTestId('signed-in-user').waitFor();
    const tabs = [first, await context.newPage(), await context.newPage()];
    // Every tab spends the (rotating) cookie at start; without turns one would reuse a spent cookie and end the session.
    await Promise.all(tabs.map((tab) => tab.goto(`${session.server.url}/teams`)));
    await Promise.all(tabs.map((tab) => tab.getByTestId('signed-in-user').waitFor()));
    await Promise.all(tabs.map((tab) => tab.reload()));
    await Promise.all(tabs.map((tab) => tab.getByTestId('signed-in-user').waitFor()));
    for (const tab of tabs) expect(new URL(tab.url()).pathname).toBe('/teams');
    // The server saw no spent cookie come back.
    // (A new admin client: the session's one outlived its 60 s access token.)
    const reused = await (await apiAs(session.server.url)).get<{ total: number }>('/audit?action=session.refreshReused');
    expect(reused.total).toBe(0);
    await context.close();
  });
});
