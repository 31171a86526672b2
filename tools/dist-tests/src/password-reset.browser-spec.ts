import type { Page } from 'playwright-core';
import { apiAs, eventually, submitLogin, textOf, useConsoleSession } from './console-session';

interface OutboxMail {
  to: string;
  subject: string;
  text: string;
}
interface PageOf<T> {
  items: T[];
  total: number;
}

const SENT = 'If an account has this address, we sent a link; it is valid for one hour';

describe('password reset in Chromium', () => {
  const session = useConsoleSession();

  const createAgent = (username: string) =>
    session.api.post('/agents', { username, fullName: username, email: `${username}@example.test`, password: 'Agent-Password-123!' });

  const mailsTo = async (address: string) => (await session.api.get<PageOf<OutboxMail>>(`/mail/outbox?q=${encodeURIComponent(address)}`)).items.filter((mail) => mail.to === address);

  /** Asks for a link on the forgot-password page (reached from the login page) and answers the path of the e-mailed link. */
  async function requestLink(page: Page, address: string): Promise<string> {
    const before = (await mailsTo(address)).length;
    await page.goto(`${session.server.url}/login`);
    await page.getByTestId('forgot-password').click();
    await page.getByTestId('forgot-email').fill(address);
    await page.getByTestId('forgot-submit').click();
    await textOf(page.getByTestId('forgot-password-sent'), SENT);
    const mails = await eventually(() => mailsTo(address), (list) => list.length > before);
    const link = /https?:\/\/\S+\/reset-password#token=[^\s"'<>]+/.exec(mails[0].text)?.[0];
    expect(link).toBeDefined();
    const url = new URL(link as string);
    return `${url.pathname}${url.hash}`;
  }

  it('e-mails a link that sets a new password; the user then signs in with it', async () => {
    await createAgent('reset.agent');
    const page = await session.browser.newPage();
    const path = await requestLink(page, 'reset.agent@example.test');

    await page.goto(`${session.server.url}${path}`);
    // The two fields must agree.
    await page.getByTestId('reset-password').fill('Reset-Password-456!');
    await page.getByTestId('reset-confirmation').fill('Reset-Password-457!');
    await page.getByTestId('reset-submit').click();
    await textOf(page.locator('mat-error'), 'The passwords do not match');
    // The server's rule shows under the field.
    await page.getByTestId('reset-password').fill('short');
    await page.getByTestId('reset-confirmation').fill('short');
    await page.getByTestId('reset-submit').click();
    await textOf(page.locator('mat-form-field').filter({ has: page.getByTestId('reset-password') }).locator('mat-error'), /\S/);
    expect(await page.getByTestId('reset-done').count()).toBe(0);

    await page.getByTestId('reset-password').fill('Reset-Password-456!');
    await page.getByTestId('reset-confirmation').fill('Reset-Password-456!');
    await page.getByTestId('reset-submit').click();
    await textOf(page.getByTestId('reset-done'), 'Password changed');
    // It does not sign in.
    expect(await page.getByTestId('signed-in-user').count()).toBe(0);
    await page.getByTestId('reset-sign-in').click();
    await page.waitForURL(/\/login$/);
    await submitLogin(page, 'reset.agent', 'Reset-Password-456!');
    await page.getByTestId('signed-in-user').waitFor();
    await expect(apiAs(session.server.url, 'reset.agent', 'Agent-Password-123!')).rejects.toThrow(/401/);

    // The link works once.
    const again = await session.browser.newPage();
    await again.goto(`${session.server.url}${path}`);
    await again.getByTestId('reset-password').fill('Another-Password-789!');
    await again.getByTestId('reset-confirmation').fill('Another-Password-789!');
    await again.getByTestId('reset-submit').click();
    await textOf(again.getByTestId('reset-invalid'), 'This link is invalid, used or expired');
    await again.getByTestId('reset-request-new').click();
    await again.waitForURL(/\/forgot-password$/);
    await expect(apiAs(session.server.url, 'reset.agent', 'Reset-Password-456!')).resolves.toHaveProperty('token');
    await again.close();
    await page.close();
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.server.url}/forgot-password`);
    await page.getByTestId('forgot-email').fill('nobody@example.test');
    await page.getByTestId('forgot-submit').click();
    await textOf(page.getByTestId('forgot-password-sent'), SENT);
    // Give a mail that should not exist the time to appear.
    await new Promise((done) => setTimeout(done, 500));
    expect(await mailsTo('nobody@example.test')).toEqual([]);
    await page.close();
  });

  it('says a link without a token, or with a made-up one, is invalid', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.server.url}/reset-password`);
    await textOf(page.getByTestId('reset-invalid'), 'This link is invalid, used or expired');

    await page.goto(`${session.server.url}/reset-password#token=made-up-token`);
    await page.reload();
    await page.getByTestId('reset-password').fill('Reset-Password-456!');
    await page.getByTestId('reset-confirmation').fill('Reset-Password-456!');
    await page.getByTestId('reset-submit').click();
    await textOf(page.getByTestId('reset-invalid'), 'This link is invalid, used or expired');
    await page.close();
  });
});
