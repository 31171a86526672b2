import { AuditAction } from '@switchboard/contracts';
import { auditRows, moveClock, refreshCookie, setSecurity } from '../testing/security-fixtures';
import { as, createAgent, signInAs, useAppWithAdmin } from '../testing/staff-fixtures';
import type { TestApp } from '../testing/test-app';

const login = (app: TestApp, name: string, password: string) => app.http.post('/api/v1/auth/login').send({ login: name, password });

describe('own account', () => {
  const ctx = useAppWithAdmin();

  it('changes the password with the current one; other sessions end, this one stays', async () => {
    const agent = await createAgent(ctx.admin);
    const other = await signInAs(ctx.app, agent);
    const self = await signInAs(ctx.app, agent);
    const wrong = await self.put('/api/v1/auth/password').send({ currentPassword: 'Not-it-at-all-1', newPassword: 'Fresh-Pass-42' }).expect(400);
    expect(wrong.body.details[0].field).toBe('currentPassword');
    const weak = await self.put('/api/v1/auth/password').send({ currentPassword: agent.password, newPassword: 'Password1' }).expect(400);
    expect(weak.body.details[0].field).toBe('newPassword');
    await self.put('/api/v1/auth/password').send({ currentPassword: agent.password, newPassword: 'Fresh-Pass-42' }).expect(204);
    await self.get('/api/v1/auth/me').expect(200);
    await other.get('/api/v1/auth/me').expect(401);
    await login(ctx.app, agent.username, 'Fresh-Pass-42').expect(200);
    const { body } = await self.get('/api/v1/auth/account').expect(200);
    expect(Date.now() - new Date(body.passwordChangedAt).getTime()).toBeLessThan(60_000);
    expect(await auditRows(ctx.admin, AuditAction.PasswordChanged, agent.id)).toHaveLength(1);
  });

  it('changes the e-mail only with the password', async () => {
    const agent = await createAgent(ctx.admin);
    const taken = await createAgent(ctx.admin);
    const self = await signInAs(ctx.app, agent);
    const wrong = await self.put('/api/v1/auth/email').send({ password: 'Not-it-at-all-1', email: 'new.mail@example.com' }).expect(400);
    expect(wrong.body.details[0].field).toBe('password');
    const conflict = await self.put('/api/v1/auth/email').send({ password: agent.password, email: taken.email }).expect(409);
    expect(conflict.body.details[0].field).toBe('email');
    const { body } = await self.put('/api/v1/auth/email').send({ password: agent.password, email: 'new.mail@example.com' }).expect(200);
    expect(body.email).toBe('new.mail@example.com');
    const [row] = await auditRows(ctx.admin, AuditAction.EmailChanged, agent.id);
    expect(row?.details).toEqual({ before: agent.email, after: 'new.mail@example.com' });
  });

  it('asks for a new password at sign-in once it expired, then signs in', async () => {
    const agent = await createAgent(ctx.admin);
    await setSecurity(ctx.admin, { passwordExpiryDays: 30 });
    const restore = moveClock(ctx.app, 31 * 86_400_000);
    try {
      const step = (await login(ctx.app, agent.username, agent.password).expect(200)).body;
      expect(step.status).toBe('password-expired');
      await as(ctx.app, step.stepToken).get('/api/v1/auth/me').expect(401);
      const same = await ctx.app.http.post('/api/v1/auth/login/password').send({ stepToken: step.stepToken, newPassword: agent.password }).expect(400);
      expect(same.body.details[0].field).toBe('newPassword');
      const done = await ctx.app.http.post('/api/v1/auth/login/password').send({ stepToken: step.stepToken, newPassword: 'Renewed-Pass-31' }).expect(200);
      expect(done.body.status).toBe('signed-in');
      expect(refreshCookie(done)).toBeDefined();
    } finally {
      restore();
      await setSecurity(ctx.admin, { passwordExpiryDays: 0 });
    }
  });
});

describe('HTTP hardening', () => {
  const ctx = useAppWithAdmin({ env: { CORS_ORIGINS: 'https://crm.example.com' } });

  it('sends security headers', async () => {
    const { headers } = await ctx.app.http.get('/api/health').expect(200);
    expect(headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['x-powered-by']).toBeUndefined();
  });

  it('allows only the configured origins', async () => {
    const allowed = await ctx.app.http.options('/api/v1/auth/login').set('Origin', 'https://crm.example.com').set('Access-Control-Request-Method', 'POST');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://crm.example.com');
    const refused = await ctx.app.http.options('/api/v1/auth/login').set('Origin', 'https://evil.example.net').set('Access-Control-Request-Method', 'POST');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses bodies over 1 MB', async () => {
    const { body } = await ctx.app.http.post('/api/v1/auth/login').send({ login: 'x', password: 'y'.repeat(1_100_000) }).expect(413);
    expect(body.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
