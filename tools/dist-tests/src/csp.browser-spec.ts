import { signedInPage, useConsoleSession } from './console-session';

describe('the console under its Content Security Policy', () => {
  const session = useConsoleSession();

  it('loads styles and scripts with no CSP violation', async () => {
    const page = await session.browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(`${session.server.url}/login`);
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    // The global stylesheet applied: Material's typography class sets the body font.
    const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(font).toMatch(/Roboto|sans-serif/);
    await page.close();

    const signedIn = await signedInPage(session.browser, session.server.url);
    signedIn.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await signedIn.goto(`${session.server.url}/account`);
    await signedIn.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
    await signedIn.close();
  });
});
