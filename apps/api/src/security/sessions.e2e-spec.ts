import { AuditAction } from '@switchboard/contracts';
import { auditRows, connectConsole, moveClock, nextEvent, refreshCookie } from '../testing/security-fixtures';
import { as, createAgent, useAppWithAdmin, type Caller } from '../testing/staff-fixtures';
import type { TestApp } from '../testing/test-app';

async function signIn(app: TestApp, login: string, password: string) {
  const response = await app.http.post('/api/v1/auth/login').send({ login, password }).expect(200);
  return { token: response.body.accessToken as string, cookie: refreshCookie(response)?.cookie as string, response };
}

const refresh = (app: TestApp, cookie: string) => app.http.post('/api/v1/auth/refresh').set('Cookie', cookie);

describe('sessions and refresh tokens', () => {
  const ctx = useAppWithAdmin();

  it('keeps the refresh token in an httpOnly, Secure, SameSite=Strict cookie scoped to the auth routes', async () => {
    const agent = await createAgent(ctx.admin);
    const { response } = await signIn(ctx.app, agent.username, agent.password);
    const cookie = refreshCookie(response);
    expect(cookie?.attributes).toMatch(/HttpOnly/);
    expect(cookie?.attributes).toMatch(/Secure/);
    expect(cookie?.attributes).toMatch(/SameSite=Strict/);
    expect(cookie?.attributes).toMatch(/Path=\/api\/v1\/auth/);
    expect(JSON.stringify(response.body)).not.toContain(cookie?.cookie.split('=')[1]);
  });

  it('rotates on refresh; replaying a used token revokes the whole family', async () => {
    const agent = await createAgent(ctx.admin);
    const first = await signIn(ctx.app, agent.username, agent.password);
    const renewed = await refresh(ctx.app, first.cookie).expect(200);
    const second = refreshCookie(renewed)?.cookie as string;
    expect(second).not.toBe(first.cookie);
    await as(ctx.app, renewed.body.accessToken).get('/api/v1/auth/me').expect(200);

    await refresh(ctx.app, first.cookie).expect(401);
    await refresh(ctx.app, second).expect(401);
    await as(ctx.app, renewed.body.accessToken).get('/api/v1/auth/me').expect(401);
    await as(ctx.app, first.token).get('/api/v1/auth/me').expect(401);
    expect((await auditRows(ctx.admin, AuditAction.RefreshTokenReused)).length).toBeGreaterThanOrEqual(1);
  });

  it('refuses a missing or unknown cookie, and a session past its lifetime', async () => {
    await ctx.app.http.post('/api/v1/auth/refresh').expect(401);
    await refresh(ctx.app, 'sb_refresh=forged').expect(401);
    const agent = await createAgent(ctx.admin);
    const { cookie } = await signIn(ctx.app, agent.username, agent.password);
    const restore = moveClock(ctx.app, 8 * 86_400_000);
    try {
      await refresh(ctx.app, cookie).expect(401);
    } finally {
      restore();
    }
  });

  it('lists the user own sessions and ends one, cutting its socket', async () => {
    const agent = await createAgent(ctx.admin);
    const phone = await signIn(ctx.app, agent.username, agent.password);
    const desk = await signIn(ctx.app, agent.username, agent.password);
    const { body: sessions } = await as(ctx.app, desk.token).get('/api/v1/sessions').set('User-Agent', 'desk').expect(200);
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const other = sessions.find((s: { current: boolean }) => !s.current);

    const socket = connectConsole(ctx.app, phone.token);
    try {
      await nextEvent(socket, 'session.ready');
      const ended = nextEvent(socket, 'session.ended', 2000);
      await as(ctx.app, desk.token).delete(`/api/v1/sessions/${other.id}`).expect(204);
      await ended;
      await as(ctx.app, phone.token).get('/api/v1/auth/me').expect(401);
      await as(ctx.app, desk.token).get('/api/v1/auth/me').expect(200);
    } finally {
      socket.disconnect();
    }
    // Someone else's session is not found, not forbidden: ids tell nothing.
    const stranger = await createAgent(ctx.admin);
    const theirs = await signIn(ctx.app, stranger.username, stranger.password);
    const { body: theirSessions } = await as(ctx.app, theirs.token).get('/api/v1/sessions').expect(200);
    await as(ctx.app, desk.token).delete(`/api/v1/sessions/${theirSessions[0].id}`).expect(404);
  });

  it('lets an admin list and end anyone sessions', async () => {
    const agent = await createAgent(ctx.admin);
    const { token } = await signIn(ctx.app, agent.username, agent.password);
    const { body } = await ctx.admin.get(`/api/v1/agents/${agent.id}/sessions`).expect(200);
    expect(body).toHaveLength(1);
    await as(ctx.app, token).get(`/api/v1/agents/${agent.id}/sessions`).expect(403);
    await ctx.admin.delete(`/api/v1/agents/${agent.id}/sessions`).expect(204);
    await as(ctx.app, token).get('/api/v1/auth/me').expect(401);
    expect((await auditRows(ctx.admin, AuditAction.SessionsRevoked, agent.id)).length).toBe(1);
  });

  it.each([
    ['disabling', (admin: Caller, id: string) => admin.patch(`/api/v1/agents/${id}`).send({ disabled: true })],
    ['a role change', (admin: Caller, id: string) => admin.patch(`/api/v1/agents/${id}`).send({ role: 'supervisor' })],
    ['a password change by an admin', (admin: Caller, id: string) => admin.put(`/api/v1/agents/${id}/password`).send({})],
  ])('ends the sessions at once on %s', async (_what, change) => {
    const agent = await createAgent(ctx.admin);
    const { token, cookie } = await signIn(ctx.app, agent.username, agent.password);
    const socket = connectConsole(ctx.app, token);
    try {
      await nextEvent(socket, 'session.ready');
      const ended = nextEvent(socket, 'session.ended', 1000);
      expect((await change(ctx.admin, agent.id)).status).toBe(200);
      await ended;
      await as(ctx.app, token).get('/api/v1/auth/me').expect(401);
      await refresh(ctx.app, cookie).expect(401);
    } finally {
      socket.disconnect();
    }
  });

  it('signs out: the session ends and the cookie is cleared', async () => {
    const agent = await createAgent(ctx.admin);
    const { token, cookie } = await signIn(ctx.app, agent.username, agent.password);
    const out = await ctx.app.http.post('/api/v1/auth/logout').set('Authorization', `Bearer ${token}`).set('Cookie', cookie).expect(204);
    expect(String(out.headers['set-cookie'])).toMatch(/sb_refresh=;/);
    await as(ctx.app, token).get('/api/v1/auth/me').expect(401);
    await refresh(ctx.app, cookie).expect(401);
    expect((await auditRows(ctx.admin, AuditAction.Logout, agent.id)).length).toBe(1);
  });

  it('signs out with the cookie alone, when the access token has expired', async () => {
    const agent = await createAgent(ctx.admin);
    const { cookie } = await signIn(ctx.app, agent.username, agent.password);
    await ctx.app.http.post('/api/v1/auth/logout').set('Cookie', cookie).expect(204);
    await refresh(ctx.app, cookie).expect(401);
  });
});
