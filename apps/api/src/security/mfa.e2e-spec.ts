import { AuditAction, type LoginResult } from '@switchboard/contracts';
import { auditRows, moveClock, setSecurity, totpAt } from '../testing/security-fixtures';
import { as, createAgent, signInAs, useAppWithAdmin, type Caller } from '../testing/staff-fixtures';
import type { TestApp } from '../testing/test-app';

const login = (app: TestApp, name: string, password: string) => app.http.post('/api/v1/auth/login').send({ login: name, password });

/** An agent with MFA on: answers its secret and recovery codes. */
async function agentWithMfa(ctx: { app: TestApp; admin: Caller }) {
  const agent = await createAgent(ctx.admin);
  const self = await signInAs(ctx.app, agent);
  await self.post('/api/v1/auth/mfa/setup').send({ password: 'not-the-password' }).expect(400);
  const { body: setup } = await self.post('/api/v1/auth/mfa/setup').send({ password: agent.password }).expect(200);
  expect(setup.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Switchboard:/);
  expect(setup.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
  await self.post('/api/v1/auth/mfa/enable').send({ code: '000000' }).expect(400);
  const { body } = await self.post('/api/v1/auth/mfa/enable').send({ code: await totpAt(ctx.app, setup.secret) }).expect(200);
  expect(body.recoveryCodes).toHaveLength(10);
  return { agent, secret: setup.secret as string, recoveryCodes: body.recoveryCodes as string[] };
}

describe('MFA with TOTP', () => {
  const ctx = useAppWithAdmin({ env: { LOGIN_THROTTLE_PER_IP: '100000', LOGIN_THROTTLE_PER_ACCOUNT: '100000' } });

  it('asks for the code after the password; wrong code 401, right code 200, the same code never twice', async () => {
    const { agent, secret } = await agentWithMfa(ctx);
    const step = (await login(ctx.app, agent.username, agent.password).expect(200)).body as LoginResult;
    expect(step).toEqual({ status: 'mfa-required', stepToken: expect.any(String), expiresIn: 300 });
    if (step.status === 'signed-in') throw new Error('unreachable');

    // The half-signed-in token opens nothing else.
    await as(ctx.app, step.stepToken).get('/api/v1/auth/me').expect(401);
    await as(ctx.app, step.stepToken).get('/api/v1/contacts').expect(401);
    await ctx.app.http.post('/api/v1/auth/login/password').send({ stepToken: step.stepToken, newPassword: 'Another-Pass-1' }).expect(401);

    await ctx.app.http.post('/api/v1/auth/login/mfa').send({ stepToken: step.stepToken, code: '123456' }).expect(401);
    const restore = moveClock(ctx.app, 60_000); // the code used at enrolment is spent; take a later one
    try {
      const code = await totpAt(ctx.app, secret);
      const { body } = await ctx.app.http.post('/api/v1/auth/login/mfa').send({ stepToken: step.stepToken, code }).expect(200);
      expect(body.status).toBe('signed-in');
      await as(ctx.app, body.accessToken).get('/api/v1/auth/me').expect(200);
      const again = (await login(ctx.app, agent.username, agent.password).expect(200)).body;
      await ctx.app.http.post('/api/v1/auth/login/mfa').send({ stepToken: again.stepToken, code }).expect(401);
    } finally {
      restore();
    }
  });

  it('accepts each recovery code once', async () => {
    const { agent, recoveryCodes } = await agentWithMfa(ctx);
    const first = (await login(ctx.app, agent.username, agent.password)).body;
    await ctx.app.http.post('/api/v1/auth/login/mfa').send({ stepToken: first.stepToken, code: recoveryCodes[0] }).expect(200);
    const second = (await login(ctx.app, agent.username, agent.password)).body;
    await ctx.app.http.post('/api/v1/auth/login/mfa').send({ stepToken: second.stepToken, code: recoveryCodes[0] }).expect(401);
    const { body } = await ctx.app.http.post('/api/v1/auth/login/mfa').send({ stepToken: second.stepToken, code: recoveryCodes[1]?.toUpperCase() }).expect(200);
    expect((await as(ctx.app, body.accessToken).get('/api/v1/auth/account').expect(200)).body).toMatchObject({ mfaEnabled: true, recoveryCodesLeft: 8 });
  });

  it('counts wrong codes towards the lock', async () => {
    const { agent } = await agentWithMfa(ctx);
    const { stepToken } = (await login(ctx.app, agent.username, agent.password)).body;
    for (let i = 0; i < 5; i++) await ctx.app.http.post('/api/v1/auth/login/mfa').send({ stepToken, code: '000000' }).expect(401);
    expect((await ctx.admin.get(`/api/v1/agents/${agent.id}/security`)).body.locked).toBe(true);
    await ctx.admin.patch(`/api/v1/agents/${agent.id}/security`).send({ locked: false }).expect(200);
  });

  it('lets an admin turn MFA off for an agent (audited); the agent turns it off only with the password', async () => {
    const { agent } = await agentWithMfa(ctx);
    expect((await ctx.admin.get(`/api/v1/agents/${agent.id}/security`)).body.mfaEnabled).toBe(true);
    await ctx.admin.post(`/api/v1/agents/${agent.id}/mfa/disable`).expect(204);
    expect((await ctx.admin.get(`/api/v1/agents/${agent.id}/security`)).body.mfaEnabled).toBe(false);
    expect((await login(ctx.app, agent.username, agent.password)).body.status).toBe('signed-in');
    const [row] = await auditRows(ctx.admin, AuditAction.MfaDisabled, agent.id);
    expect(row).toMatchObject({ actorName: 'admin', details: { by: 'admin' } });
    expect((await auditRows(ctx.admin, AuditAction.MfaEnabled, agent.id)).length).toBe(1);

    const other = await agentWithMfa(ctx);
    const restore = moveClock(ctx.app, 60_000);
    try {
      const { stepToken } = (await login(ctx.app, other.agent.username, other.agent.password)).body;
      const { body } = await ctx.app.http.post('/api/v1/auth/login/mfa').send({ stepToken, code: await totpAt(ctx.app, other.secret) }).expect(200);
      const self = as(ctx.app, body.accessToken);
      await self.post('/api/v1/auth/mfa/disable').send({ password: 'Wrong-Password-9' }).expect(400);
      await self.post('/api/v1/auth/mfa/disable').send({ password: other.agent.password }).expect(204);
    } finally {
      restore();
    }
  });

  it('"require MFA" forces enrolment at the next sign-in, which ends signed in with recovery codes', async () => {
    const agent = await createAgent(ctx.admin);
    await setSecurity(ctx.admin, { mfaRequiredRoles: ['agent'] });
    try {
      const step = (await login(ctx.app, agent.username, agent.password).expect(200)).body;
      expect(step.status).toBe('mfa-enrolment-required');
      await as(ctx.app, step.stepToken).get('/api/v1/auth/me').expect(401);
      const { body: setup } = await ctx.app.http.post('/api/v1/auth/login/mfa/setup').send({ stepToken: step.stepToken }).expect(200);
      await ctx.app.http.post('/api/v1/auth/login/mfa/enable').send({ stepToken: step.stepToken, code: '000000' }).expect(400);
      const { body } = await ctx.app.http
        .post('/api/v1/auth/login/mfa/enable')
        .send({ stepToken: step.stepToken, code: await totpAt(ctx.app, setup.secret) })
        .expect(200);
      expect(body).toMatchObject({ status: 'signed-in', recoveryCodes: expect.arrayContaining([expect.stringMatching(/^[a-z2-9]{5}-[a-z2-9]{5}$/)]) });
      const self = as(ctx.app, body.accessToken);
      expect((await self.get('/api/v1/auth/account')).body).toMatchObject({ mfaEnabled: true, mfaRequired: true });
      await self.post('/api/v1/auth/mfa/disable').send({ password: agent.password }).expect(409);
      expect((await login(ctx.app, agent.username, agent.password)).body.status).toBe('mfa-required');
    } finally {
      await setSecurity(ctx.admin, { mfaRequiredRoles: [] });
    }
  });
});
