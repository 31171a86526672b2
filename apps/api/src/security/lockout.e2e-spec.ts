import { AuditAction } from '@switchboard/contracts';
import { auditRows, connectConsole, nextEvent, setSecurity } from '../testing/security-fixtures';
import { as, createAgent, useAppWithAdmin } from '../testing/staff-fixtures';
import { createTestApp, type TestApp } from '../testing/test-app';

const login = (app: TestApp, name: string, password: string) => app.http.post('/api/v1/auth/login').send({ login: name, password });

describe('lockout', () => {
  // Throttling out of the way: here the lock alone must hold.
  const ctx = useAppWithAdmin({ env: { LOGIN_THROTTLE_PER_IP: '100000', LOGIN_THROTTLE_PER_ACCOUNT: '100000' } });

  it('locks after 5 wrong passwords, refuses the right one with the same 401, and an admin unlock lets it in', async () => {
    const agent = await createAgent(ctx.admin);
    for (let i = 0; i < 5; i++) await login(ctx.app, agent.username, 'Wrong-password-1').expect(401);
    const locked = await login(ctx.app, agent.username, agent.password).expect(401);
    const unknown = await login(ctx.app, 'nobody.here', agent.password).expect(401);
    expect(locked.body).toEqual(unknown.body);
    expect(locked.body).toEqual({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'Invalid login or password' });

    const { body: state } = await ctx.admin.get(`/api/v1/agents/${agent.id}/security`).expect(200);
    expect(state).toMatchObject({ locked: true, failedAttempts: 5, lockedUntil: expect.any(String) });
    expect((await auditRows(ctx.admin, AuditAction.AccountLocked, agent.id)).length).toBe(1);
    expect((await auditRows(ctx.admin, AuditAction.LoginFailed, agent.id)).map((r) => r.details?.['reason'])).toEqual([
      'account locked',
      ...Array(5).fill('wrong password'),
    ]);

    await ctx.admin.patch(`/api/v1/agents/${agent.id}/security`).send({ locked: true }).expect(400);
    const { body: unlocked } = await ctx.admin.patch(`/api/v1/agents/${agent.id}/security`).send({ locked: false }).expect(200);
    expect(unlocked).toMatchObject({ locked: false, failedAttempts: 0 });
    expect((await auditRows(ctx.admin, AuditAction.AccountUnlocked, agent.id)).length).toBe(1);
    await login(ctx.app, agent.username, agent.password).expect(200);
  });

  it('kills the open session of a locked account within a second, socket included', async () => {
    const agent = await createAgent(ctx.admin);
    const token = (await login(ctx.app, agent.username, agent.password).expect(200)).body.accessToken as string;
    const socket = connectConsole(ctx.app, token);
    try {
      await nextEvent(socket, 'session.ready');
      // The second counts from the lock, i.e. the answer to the fifth wrong password: the four
      // before it (a password hash each) may take longer than that on a busy runner.
      const arrival = <T>(event: string) => nextEvent<T>(socket, event, 10_000).then((payload) => ({ payload, at: Date.now() }));
      const ended = arrival<{ reason: string }>('session.ended');
      const disconnected = arrival<string>('disconnect');
      for (let i = 0; i < 5; i++) await login(ctx.app, agent.username, 'Wrong-password-1').expect(401);
      const lockedAt = Date.now();
      const [end, gone] = [await ended, await disconnected];
      expect(end.payload.reason).toMatch(/locked/);
      expect(gone.payload).toBe('io server disconnect');
      expect(Math.max(end.at, gone.at) - lockedAt).toBeLessThan(1000);
      await as(ctx.app, token).get('/api/v1/auth/me').expect(401);
    } finally {
      socket.disconnect();
    }
  });

  it('with lockoutMinutes the lock ends by itself; with 0 it waits for an admin', async () => {
    await setSecurity(ctx.admin, { maxFailedAttempts: 2, lockoutMinutes: 0 });
    try {
      const agent = await createAgent(ctx.admin);
      for (let i = 0; i < 2; i++) await login(ctx.app, agent.username, 'Wrong-password-1').expect(401);
      const { body } = await ctx.admin.get(`/api/v1/agents/${agent.id}/security`).expect(200);
      expect(body).toMatchObject({ locked: true, lockedUntil: null });
    } finally {
      await setSecurity(ctx.admin, { maxFailedAttempts: 5, lockoutMinutes: 15 });
    }
  });

  it('evaluates no more than 5 of 50 parallel wrong passwords, and answers an unknown account identically', async () => {
    const agent = await createAgent(ctx.admin);
    const attempts = (name: string) => Promise.all(Array.from({ length: 50 }, () => login(ctx.app, name, 'Wrong-password-1')));
    const [known, unknown] = [await attempts(agent.username), await attempts('no.such.agent')];
    const shape = (responses: typeof known) => responses.map((r) => `${r.status} ${JSON.stringify(r.body)}`).sort();
    expect(shape(known)).toEqual(shape(unknown));
    expect(new Set(known.map((r) => r.status))).toEqual(new Set([401]));
    const evaluated = (await auditRows(ctx.admin, AuditAction.LoginFailed, agent.id)).filter((r) => r.details?.['reason'] === 'wrong password');
    expect(evaluated.length).toBeLessThanOrEqual(5);
    expect((await ctx.admin.get(`/api/v1/agents/${agent.id}/security`)).body.locked).toBe(true);
  });
});

describe('sign-in throttling', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ env: { LOGIN_THROTTLE_PER_ACCOUNT: '3', LOGIN_THROTTLE_PER_IP: '6', LOGIN_THROTTLE_WINDOW: '600' } });
  });
  afterAll(() => app?.stop());

  it('answers 429 with Retry-After per login name, then per IP, without evaluating the password', async () => {
    for (let i = 0; i < 3; i++) await login(app, 'ghost.one', 'Wrong-password-1').expect(401);
    const limited = await login(app, 'ghost.one', 'Wrong-password-1').expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
    // The IP has used 4 of its 6; two more names take it to the limit.
    await login(app, 'ghost.two', 'Wrong-password-1').expect(401);
    await login(app, 'ghost.three', 'Wrong-password-1').expect(401);
    const byIp = await login(app, 'admin', 'whatever-it-is').expect(429);
    expect(Number(byIp.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('does not count right passwords against the allowance', async () => {
    const fresh = await createTestApp({ env: { LOGIN_THROTTLE_PER_ACCOUNT: '2', LOGIN_THROTTLE_PER_IP: '1000' } });
    try {
      for (let i = 0; i < 5; i++) await fresh.login();
      await login(fresh, 'admin', 'Wrong-password-1').expect(401);
      await fresh.login();
    } finally {
      await fresh.stop();
    }
  });
});
