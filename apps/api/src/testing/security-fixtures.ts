import { CONSOLE_NAMESPACE, type AuditAction, type AuditEntry, type Page } from '@switchboard/contracts';
import { Clock } from '@switchboard/security';
import { generate } from 'otplib';
import { io, type Socket } from 'socket.io-client';
import type { Response } from 'supertest';
import type { Caller } from './staff-fixtures';
import type { TestApp } from './test-app';

/** A console socket signed in with `token` (no reconnection, so a cut stays cut). */
export function connectConsole(app: TestApp, token: string): Socket {
  return io(`${app.url}${CONSOLE_NAMESPACE}`, { auth: { token }, transports: ['websocket'], reconnection: false });
}

/** Resolves with the first payload of `event` that `matches` accepts, or rejects after `ms`. */
export function nextEvent<T>(socket: Socket, event: string, ms = 5000, matches: (payload: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener = (payload: T) => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    socket.on(event, listener);
  });
}

/** The refresh cookie a response set, as `name=value` for a Cookie header, and its attributes. */
export function refreshCookie(response: Response): { cookie: string; attributes: string } | undefined {
  const header = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('sb_refresh=') && !c.startsWith('sb_refresh=;'));
  if (!header) return undefined;
  const [cookie, ...attributes] = header.split(';').map((part) => part.trim());
  return { cookie: cookie as string, attributes: attributes.join('; ') };
}

/** The TOTP code of `secret` at the app's clock. */
export function totpAt(app: TestApp, secret: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(app.app.get(Clock).now().getTime() / 1000) });
}

/** Moves the server's clock (expiry checks, TOTP) by `ms` from now on; answers a function that puts it back. */
export function moveClock(app: TestApp, ms: number): () => void {
  const clock = app.app.get(Clock);
  const now = clock.now.bind(clock);
  const spy = jest.spyOn(clock, 'now').mockImplementation(() => new Date(now().getTime() + ms));
  return () => spy.mockRestore();
}

/** The audit rows of one action (newest first), optionally about one target. */
export async function auditRows(admin: Caller, action: AuditAction, targetId?: string): Promise<AuditEntry[]> {
  const query = new URLSearchParams({ action, pageSize: '200', ...(targetId ? { targetId } : {}) });
  const { body } = await admin.get(`/api/v1/audit?${query}`).expect(200);
  return (body as Page<AuditEntry>).items;
}

/** Sets security settings as the admin. */
export async function setSecurity(admin: Caller, settings: Record<string, unknown>): Promise<void> {
  await admin.put('/api/v1/settings/security').send(settings).expect(200);
}
