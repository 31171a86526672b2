import { AuditAction, type OutboxMail, type Page } from '@switchboard/contracts';
import { auditRows, moveClock, totpAt } from '../testing/security-fixtures';
import { createAgent, signInAs, useAppWithAdmin, type Caller } from '../testing/staff-fixtures';
import type { TestApp } from '../testing/test-app';

const PUBLIC_URL = 'https://support.example.com';

/** Asks for a reset link and answers the token from the mail in the outbox. */
async function resetToken(app: TestApp, admin: Caller, email: string): Promise<string> {
  await app.http.post('/api/v1/auth/password/forgot').set('Host', 'evil.example.net').send({ email }).expect(202);
  for (let i = 0; i < 50; i++) {
    const { body } = await admin.get(`/api/v1/mail/outbox?q=${encodeURIComponent(email)}`).expect(200);
    const mail = (body as Page<OutboxMail>).items[0];
    if (mail) {
      expect(mail.status).toBe('outbox');
      expect(mail.text).not.toContain('evil.example.net');
      const match = new RegExp(`${PUBLIC_URL}/reset-password#token=([A-Za-z0-9_-]+)`).exec(mail.text);
      if (!match) throw new Error(`no link in: ${mail.text}`);
      return match[1] as string;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no reset mail arrived');
}

const reset = (app: TestApp, token: string, password: string) => app.http.post('/api/v1/auth/password/reset').send({ token, password });
const login = (app: TestApp, name: string, password: string) => app.http.post('/api/v1/auth/login').send({ login: name, password });

describe('password reset by e-mail', () => {
  const ctx = useAppWithAdmin({ env: { PUBLIC_URL } });

  it('answers the same whether the address exists or not', async () => {
    const agent = await createAgent(ctx.admin);
    const known = await ctx.app.http.post('/api/v1/auth/password/forgot').send({ email: agent.email }).expect(202);
    const unknown = await ctx.app.http.post('/api/v1/auth/password/forgot').send({ email: 'nobody@example.com' }).expect(202);
    expect(known.body).toEqual(unknown.body);
    const bad = await ctx.app.http.post('/api/v1/auth/password/forgot').send({ email: 'not-an-address' }).expect(400);
    expect(bad.body.details[0].field).toBe('email');
  });

  it('sends a link built from PUBLIC_URL that works once, and does not sign in', async () => {
    const agent = await createAgent(ctx.admin);
    const token = await resetToken(ctx.app, ctx.admin, agent.email);
    const weak = await reset(ctx.app, token, 'Password1').expect(400);
    expect(weak.body.details[0].field).toBe('password');
    const done = await reset(ctx.app, token, 'Brand-New-Pass-7').expect(204);
    expect(done.headers['set-cookie']).toBeUndefined();
    expect(done.body).toEqual({});
    const again = await reset(ctx.app, token, 'Other-New-Pass-8').expect(400);
    expect(again.body.code).toBe('RESET_TOKEN_INVALID');
    await login(ctx.app, agent.username, agent.password).expect(401);
    await login(ctx.app, agent.username, 'Brand-New-Pass-7').expect(200);
    expect((await auditRows(ctx.admin, AuditAction.PasswordReset, agent.id)).length).toBe(1);
    expect((await auditRows(ctx.admin, AuditAction.PasswordResetRequested, agent.id)).length).toBe(1);
  });

  it('fails after one hour', async () => {
    const agent = await createAgent(ctx.admin);
    const token = await resetToken(ctx.app, ctx.admin, agent.email);
    const restore = moveClock(ctx.app, 60 * 60 * 1000 + 1000);
    try {
      expect((await reset(ctx.app, token, 'Brand-New-Pass-7').expect(400)).body.code).toBe('RESET_TOKEN_INVALID');
    } finally {
      restore();
    }
    await login(ctx.app, agent.username, agent.password).expect(200);
  });

  it('does not skip MFA, and ends the sessions', async () => {
    const agent = await createAgent(ctx.admin);
    const self = await signInAs(ctx.app, agent);
    const { body: setup } = await self.post('/api/v1/auth/mfa/setup').send({ password: agent.password }).expect(200);
    await self.post('/api/v1/auth/mfa/enable').send({ code: await totpAt(ctx.app, setup.secret) }).expect(200);
    const token = await resetToken(ctx.app, ctx.admin, agent.email);
    await reset(ctx.app, token, 'Brand-New-Pass-7').expect(204);
    await self.get('/api/v1/auth/me').expect(401);
    expect((await login(ctx.app, agent.username, 'Brand-New-Pass-7').expect(200)).body.status).toBe('mfa-required');
  });
});
