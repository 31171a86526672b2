import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { ADMIN, login, startServer, tempDataDir, type ServerProcess } from './server-process';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, as the browser specs run it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** A new page signed in through the login page as the given user (the first admin by default). */
export async function signedInPage(browser: Browser, url: string, user = ADMIN): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${url}/login`);
  await page.getByLabel('Username or e-mail').fill(user.username);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-user').waitFor();
  return page;
}

export interface ApiAnswer<T> {
  status: number;
  body: T;
}

/** Calls the API with a bearer token, the way a script would. */
export interface ApiClient {
  token: string;
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>>;
  get<T = unknown>(path: string): Promise<T>;
  post<T = unknown>(path: string, body?: unknown): Promise<T>;
}

export async function apiAs(url: string, username = ADMIN.username, password = ADMIN.password): Promise<ApiClient> {
  const response =
    username === ADMIN.username
      ? await login(url, password)
      : await fetch(`${url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ login: username, password }),
        });
  if (response.status !== 200) throw new Error(`sign-in of ${username} failed: ${response.status} ${await response.text()}`);
  const { accessToken: token } = (await response.json()) as { accessToken: string };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> => {
    const answer = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await answer.text();
    return { status: answer.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const expectOk = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const answer = await call<T>(method, path, body);
    if (answer.status >= 300) throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  return { token, call, get: (path) => expectOk('GET', path), post: (path, body) => expectOk('POST', path, body) };
}

/** Waits until `read` returns a value `accept` likes (the UI saves asynchronously); fails with the last value. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((done) => setTimeout(done, 100));
    last = await read();
  }
  return last;
}

/**
 * The element's text once it matches (the console renders asynchronously, so an element can be
 * there a moment before its text is); fails with the last text seen.
 */
export async function textOf(locator: Locator, expected: string | RegExp, timeoutMs = 10_000): Promise<string> {
  const matches = (text: string) => (typeof expected === 'string' ? text.includes(expected) : expected.test(text));
  return eventually(async () => (await locator.textContent({ timeout: timeoutMs })) ?? '', matches, timeoutMs);
}

/** What a browser spec's describe shares: the built app on a fresh data folder, Chromium, an admin API client. */
export interface ConsoleSession {
  server: ServerProcess;
  browser: Browser;
  api: ApiClient;
}

/** Starts the session for the enclosing describe (beforeAll) and tears it down after (afterAll). */
export function useConsoleSession(env: Record<string, string> = {}): ConsoleSession {
  const session = {} as ConsoleSession;
  let dataDir: Awaited<ReturnType<typeof tempDataDir>> | undefined;
  beforeAll(async () => {
    dataDir = await tempDataDir();
    session.server = await startServer({ DATA_DIR: dataDir.path, ...env });
    session.browser = await launchChromium();
    session.api = await apiAs(session.server.url);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.stop();
    await dataDir?.remove();
  });
  return session;
}
