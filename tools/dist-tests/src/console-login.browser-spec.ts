import { chromium, type Browser } from 'playwright-core';
import { ADMIN, startServer, tempDataDir, type ServerProcess } from './server-process';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

describe('console in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let dataDir: Awaited<ReturnType<typeof tempDataDir>>;

  beforeAll(async () => {
    dataDir = await tempDataDir();
    server = await startServer({ DATA_DIR: dataDir.path });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await dataDir?.remove();
  });

  it('shows the login page, refuses a wrong password, signs in and out', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForURL(/\/login/);
    await page.getByLabel('Username or e-mail').fill(ADMIN.username);
    await page.getByLabel('Password', { exact: true }).fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain('Invalid login or password');

    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in-user').waitFor();
    expect(await page.getByTestId('signed-in-user').textContent()).toContain('Administrator');
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('heading', { name: 'Welcome, Administrator' }).waitFor();

    await page.getByRole('link', { name: 'Channels' }).click();
    await page.getByTestId('no-channels').waitFor();

    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/login/);
    await page.close();
  });
});
