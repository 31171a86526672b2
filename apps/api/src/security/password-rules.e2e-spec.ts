import { AuditAction, DEFAULT_SECURITY_SETTINGS } from '@switchboard/contracts';
import { auditRows, setSecurity } from '../testing/security-fixtures';
import { createAgent, signInAs, useAppWithAdmin } from '../testing/staff-fixtures';

describe('security settings and password rules', () => {
  const ctx = useAppWithAdmin();

  it('ships secure defaults and lets only admins read or change them', async () => {
    const { body } = await ctx.admin.get('/api/v1/settings/security').expect(200);
    expect(body).toEqual(DEFAULT_SECURITY_SETTINGS);
    const agent = await signInAs(ctx.app, await createAgent(ctx.admin));
    await agent.get('/api/v1/settings/security').expect(403);
    await agent.put('/api/v1/settings/security').send({ minLength: 10 }).expect(403);
  });

  it('names the bad field and changes nothing', async () => {
    const { body } = await ctx.admin.put('/api/v1/settings/security').send({ minLength: 4, lockoutMinutes: 30 }).expect(400);
    expect(body.details.map((d: { field: string }) => d.field)).toEqual(['minLength']);
    const bad = await ctx.admin.put('/api/v1/settings/security').send({ mfaRequiredRoles: ['agent', 'boss'] }).expect(400);
    expect(bad.body.details[0].field).toBe('mfaRequiredRoles');
    expect((await ctx.admin.get('/api/v1/settings/security')).body.lockoutMinutes).toBe(DEFAULT_SECURITY_SETTINGS.lockoutMinutes);
  });

  it('audits a change with before and after', async () => {
    const { body } = await ctx.admin.put('/api/v1/settings/security').send({ passwordExpiryDays: 90, maskVisibleCharacters: 3 }).expect(200);
    expect(body.passwordExpiryDays).toBe(90);
    const [row] = await auditRows(ctx.admin, AuditAction.SettingsChanged);
    expect(row?.details).toEqual({ before: { passwordExpiryDays: 0, maskVisibleCharacters: 4 }, after: { passwordExpiryDays: 90, maskVisibleCharacters: 3 } });
    expect(row?.actorName).toBe('admin');
    expect(row?.ip).toMatch(/127\.0\.0\.1/);
    await setSecurity(ctx.admin, { passwordExpiryDays: 0, maskVisibleCharacters: 4 });
  });

  it('with the suite on: Password1 refused for want of a special character, Password1! accepted', async () => {
    const refused = await ctx.admin
      .post('/api/v1/agents')
      .send({ username: 'rules.one', fullName: 'Rules One', email: 'rules.one@example.com', password: 'Password1' })
      .expect(400);
    expect(refused.body.details).toEqual([{ field: 'password', messages: [expect.stringContaining('one of ~!@#$%^&-_=+[{]}')] }]);
    const accepted = await createAgent(ctx.admin, { username: 'rules.two', password: 'Password1!' });
    await signInAs(ctx.app, accepted);
  });

  it('refuses the username as the password, and a common password even with the suite off', async () => {
    const same = await ctx.admin
      .post('/api/v1/agents')
      .send({ username: 'Rules.Three', fullName: 'R', email: 'r3@example.com', password: 'rules.three' })
      .expect(400);
    expect(same.body.details[0]).toEqual({ field: 'password', messages: [expect.stringMatching(/composition|lower-case|upper-case|digit|one of|username/)] });
    await setSecurity(ctx.admin, { suiteEnabled: false });
    try {
      const username = await ctx.admin
        .post('/api/v1/agents')
        .send({ username: 'rules.four', fullName: 'R', email: 'r4@example.com', password: 'RULES.FOUR' })
        .expect(400);
      expect(username.body.details[0].messages[0]).toMatch(/username or e-mail/);
      const common = await ctx.admin
        .post('/api/v1/agents')
        .send({ username: 'rules.five', fullName: 'R', email: 'r5@example.com', password: 'Sunshine1' })
        .expect(400);
      expect(common.body.details[0].messages[0]).toMatch(/most common/);
      // Without the suite the composition rule is off: a long lower-case passphrase is fine.
      await createAgent(ctx.admin, { username: 'rules.six', password: 'staple battery horse correct' });
    } finally {
      await setSecurity(ctx.admin, { suiteEnabled: true });
    }
  });

  it('follows the configured minimum length and the composition switch', async () => {
    await setSecurity(ctx.admin, { minLength: 14, compositionRule: false });
    try {
      const short = await ctx.admin
        .post('/api/v1/agents')
        .send({ username: 'rules.seven', fullName: 'R', email: 'r7@example.com', password: 'Abcdefgh1!xyz' })
        .expect(400);
      expect(short.body.details[0].messages[0]).toMatch(/at least 14/);
      await createAgent(ctx.admin, { username: 'rules.eight', password: 'no symbols needed here' });
    } finally {
      await setSecurity(ctx.admin, { minLength: 8, compositionRule: true });
    }
  });

  it('never truncates: a 64-character passphrase works and the same minus its last character does not', async () => {
    const passphrase = 'Tr0ub4dor & the Quick-Brown fox jumps over 13 lazy dogs at dawn!';
    expect(passphrase).toHaveLength(64);
    const agent = await createAgent(ctx.admin, { username: 'rules.nine', password: passphrase });
    await ctx.app.http.post('/api/v1/auth/login').send({ login: agent.username, password: passphrase }).expect(200);
    await ctx.app.http.post('/api/v1/auth/login').send({ login: agent.username, password: passphrase.slice(0, 63) }).expect(401);
    const long = `${passphrase}${'x'.repeat(900)}`;
    await ctx.admin.put(`/api/v1/agents/${agent.id}/password`).send({ password: long }).expect(200);
    await ctx.app.http.post('/api/v1/auth/login').send({ login: agent.username, password: long }).expect(200);
    await ctx.app.http.post('/api/v1/auth/login').send({ login: agent.username, password: long.slice(0, -1) }).expect(401);
  });
});
