import { createHmac } from 'node:crypto';
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
  await submitLogin(page, user.username, user.password);
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
  const result = (await response.json()) as { status?: string; accessToken?: string };
  // A sign-in that needs another step (MFA, an expired password) gives no access token.
  if (result.status !== undefined && result.status !== 'signed-in') throw new Error(`sign-in of ${username} needs a further step: ${result.status}`);
  const token = result.accessToken as string;
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

function base32Decode(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of text.toUpperCase().replace(/[\s=]/g, '')) {
    const index = alphabet.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${text}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** The RFC 6238 code (HMAC-SHA1, 6 digits, 30 s steps) of a base32 secret, as an authenticator app shows it. */
export function totp(secret: string, at = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const hmac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = hmac[hmac.length - 1] & 0x0f;
  const code = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(code).padStart(6, '0');
}

/**
 * A TOTP code other than the ones given: waits for the next 30 s step when needed, since a
 * server may refuse a code that was already used.
 */
export async function freshTotp(secret: string, used: readonly string[] = []): Promise<string> {
  for (;;) {
    const code = totp(secret);
    // Keep clear of the end of a step, so the code is still good when it arrives.
    const leftMs = 30_000 - (Date.now() % 30_000);
    if (!used.includes(code) && leftMs > 3_000) return code;
    await new Promise((done) => setTimeout(done, leftMs + 100));
  }
}

/** Fills in and sends the login page's first step (the page is on /login). */
export async function submitLogin(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('Username or e-mail').fill(login);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
