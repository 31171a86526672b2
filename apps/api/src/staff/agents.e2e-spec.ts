import { ErrorCode, type Agent } from '@switchboard/contracts';
import { DataSource } from 'typeorm';
import { createAgent, createQueue, signInAs, useAppWithAdmin, type Caller } from '../testing/staff-fixtures';

describe('agents API', () => {
  const ctx = useAppWithAdmin();


  describe('create', () => {
    it('refuses a username with a space or "!" with 400 naming username', async () => {
      const { body } = await ctx.admin.post('/api/v1/agents').send({ username: 'bad name!', fullName: 'Bad', email: 'bad@example.com' }).expect(400);
      expect(body.code).toBe(ErrorCode.ValidationFailed);
      expect(body.details.map((d: { field: string }) => d.field)).toEqual(['username']);
    });

    it('refuses the same username in another case, and the same e-mail, with 409 naming the field', async () => {
      const first = await createAgent(ctx.admin, { username: 'Jane.Doe' });
      const { body } = await ctx.admin.post('/api/v1/agents').send({ username: 'jane.doe', fullName: 'Other', email: 'other@example.com' }).expect(409);
      expect(body.code).toBe(ErrorCode.Conflict);
      expect(body.details[0].field).toBe('username');
      const email = await ctx.admin.post('/api/v1/agents').send({ username: 'someone_else', fullName: 'Other', email: first.email.toUpperCase() }).expect(409);
      expect(email.body.details[0].field).toBe('email');
    });

    it('generates a strong password when none is given, answers it once, and it signs in', async () => {
      const { body } = await ctx.admin.post('/api/v1/agents').send({ username: 'gen.pass', fullName: 'Generated', email: 'gen@example.com' }).expect(201);
      expect(body.generatedPassword).toMatch(/^.{20}$/);
      const token = await ctx.app.login('gen.pass', body.generatedPassword);
      expect(token).toBeTruthy();
      const again = await ctx.admin.get(`/api/v1/agents/${body.id}`).expect(200);
      expect(again.body.generatedPassword).toBeUndefined();
    });

    it('applies the defaults of the seed and generates a unique extension', async () => {
      const a = await createAgent(ctx.admin);
      const b = await createAgent(ctx.admin);
      expect(a).toMatchObject({
        role: 'agent',
        typology: 'phonebar',
        toastPosition: 'top-right',
        voicemail: false,
        loginInPause: false,
        disabled: false,
        tabLimit: 0,
        capacity: { chat: 0, email: 0, sms: 0, whatsapp: 0, voice: 0, openchannel: 0 },
        autoAnswer: { chat: { enabled: false, delaySeconds: 0 } },
        hasAvatar: false,
      });
      expect(Object.values(a.permissions.modules).every(Boolean)).toBe(true);
      expect(a.extension).toMatch(/^\d+$/);
      expect(b.extension).not.toBe(a.extension);
    });

    it('refuses a voice capacity above 1, naming capacity.voice', async () => {
      const { body } = await ctx.admin
        .post('/api/v1/agents')
        .send({ username: 'voice2', fullName: 'Voice', email: 'voice2@example.com', capacity: { voice: 2 } })
        .expect(400);
      expect(body.details.map((d: { field: string }) => d.field)).toEqual(['capacity.voice']);
    });

    it('refuses fields nobody may set through this API (locked, MFA, hashes) with 400', async () => {
      const { body } = await ctx.admin
        .post('/api/v1/agents')
        .send({ username: 'sneaky', fullName: 'Sneaky', email: 'sneaky@example.com', locked: false, mfaEnabled: false, passwordHash: 'x' })
        .expect(400);
      expect(body.details.map((d: { field: string }) => d.field).sort()).toEqual(['locked', 'mfaEnabled', 'passwordHash']);
    });
  });

  describe('roles and queue scope', () => {
    let supervisor: Caller;
    let supervisorId: string;
    let inside: Agent;
    let outside: Agent;
    let queueId: string;

    beforeAll(async () => {
      const sup = await createAgent(ctx.admin, { role: 'supervisor' });
      supervisorId = sup.id;
      supervisor = await signInAs(ctx.app, sup);
      queueId = (await createQueue(ctx.admin, 'chat')).id;
      await ctx.admin.post(`/api/v1/queues/${queueId}/supervisors`).send({ agentId: supervisorId }).expect(201);
      inside = await createAgent(ctx.admin, { queueIds: [queueId] });
      outside = await createAgent(ctx.admin);
    });

    it('lets a supervisor read and edit an agent of their queues (200) and nobody else (403)', async () => {
      await supervisor.get(`/api/v1/agents/${inside.id}`).expect(200);
      await supervisor.patch(`/api/v1/agents/${inside.id}`).send({ alias: 'Ace' }).expect(200);
      const { body } = await supervisor.get(`/api/v1/agents/${outside.id}`).expect(403);
      expect(body.code).toBe(ErrorCode.Forbidden);
      await supervisor.patch(`/api/v1/agents/${outside.id}`).send({ alias: 'No' }).expect(403);
      await supervisor.delete(`/api/v1/agents/${outside.id}`).expect(403);
    });

    it('lists only the supervisor\'s agents', async () => {
      const { body } = await supervisor.get('/api/v1/agents?pageSize=200').expect(200);
      const ids = body.items.map((a: Agent) => a.id);
      expect(ids).toContain(inside.id);
      expect(ids).not.toContain(outside.id);
      expect(body.total).toBe(ids.length);
    });

    it('refuses a supervisor a role above agent and permission changes, naming the fields (403)', async () => {
      const { body } = await supervisor.patch(`/api/v1/agents/${inside.id}`).send({ role: 'admin', permissions: { modules: { chat: false } } }).expect(403);
      expect(body.details.map((d: { field: string }) => d.field).sort()).toEqual(['permissions', 'role']);
      const fresh = await ctx.admin.get(`/api/v1/agents/${inside.id}`).expect(200);
      expect(fresh.body.role).toBe('agent');
      expect(fresh.body.permissions.modules.chat).toBe(true);
    });

    it('makes a supervisor place a new agent in one of their queues, and only theirs', async () => {
      const missing = await supervisor.post('/api/v1/agents').send({ username: 'sup_new', fullName: 'New', email: 'sup_new@example.com' }).expect(400);
      expect(missing.body.details[0].field).toBe('queueIds');
      const otherQueue = await createQueue(ctx.admin, 'email');
      const foreign = await supervisor
        .post('/api/v1/agents')
        .send({ username: 'sup_new', fullName: 'New', email: 'sup_new@example.com', queueIds: [otherQueue.id] })
        .expect(403);
      expect(foreign.body.details[0].field).toBe('queueIds');
      const created = await supervisor
        .post('/api/v1/agents')
        .send({ username: 'sup_new', fullName: 'New', email: 'sup_new@example.com', queueIds: [queueId] })
        .expect(201);
      await supervisor.get(`/api/v1/agents/${created.body.id}`).expect(200);
    });

    it('refuses an agent to add users, list agents or read the licence', async () => {
      const agent = await signInAs(ctx.app, inside as Agent & { password: string });
      await agent.post('/api/v1/agents').send({ username: 'nope', fullName: 'Nope', email: 'nope@example.com' }).expect(403);
      await agent.get('/api/v1/agents').expect(403);
      await agent.get('/api/v1/license').expect(403);
      await agent.get(`/api/v1/agents/${inside.id}`).expect(200);
      await agent.get(`/api/v1/agents/${outside.id}`).expect(403);
    });

    it('tells the signed-in user their module permissions, and an admin can turn one off', async () => {
      await ctx.admin.patch(`/api/v1/agents/${inside.id}`).send({ permissions: { modules: { history: false }, downloads: { recordings: false } } }).expect(200);
      const agent = await signInAs(ctx.app, inside as Agent & { password: string });
      const { body } = await agent.get('/api/v1/auth/me').expect(200);
      expect(body.permissions.modules).toMatchObject({ history: false, chat: true });
      expect(body.permissions.downloads).toMatchObject({ recordings: false, attachments: true });
    });
  });

  describe('list', () => {
    beforeAll(async () => {
      for (const name of ['zulu', 'yankee', 'xray']) await createAgent(ctx.admin, { username: `list_${name}`, fullName: `List ${name}`, typology: 'webrtc' });
    });

    it('searches, filters, sorts and pages on the server', async () => {
      const { body } = await ctx.admin.get('/api/v1/agents?q=list_&sort=username&order=desc&pageSize=2&page=1').expect(200);
      expect(body.total).toBe(3);
      expect(body.items.map((a: Agent) => a.username)).toEqual(['list_zulu', 'list_yankee']);
      const second = await ctx.admin.get('/api/v1/agents?q=list_&sort=username&order=desc&pageSize=2&page=2').expect(200);
      expect(second.body.items.map((a: Agent) => a.username)).toEqual(['list_xray']);
      const filtered = await ctx.admin.get('/api/v1/agents?typology=webrtc').expect(200);
      expect(filtered.body.items.every((a: Agent) => a.typology === 'webrtc')).toBe(true);
      await ctx.admin.get('/api/v1/agents?sort=password').expect(400);
      await ctx.admin.get('/api/v1/agents?pageSize=5000').expect(400);
    });

    it('never answers a password or a hash', async () => {
      const { text } = await ctx.admin.get('/api/v1/agents?pageSize=200').expect(200);
      expect(text).not.toMatch(/argon2|password/i);
    });
  });

  describe('update, password and delete', () => {
    it('updates nested settings without losing the others', async () => {
      const agent = await createAgent(ctx.admin);
      await ctx.admin.patch(`/api/v1/agents/${agent.id}`).send({ capacity: { chat: 3 }, autoAnswer: { chat: { enabled: true, delaySeconds: 5 } }, tabLimit: 4 }).expect(200);
      const { body } = await ctx.admin.patch(`/api/v1/agents/${agent.id}`).send({ capacity: { email: 2 }, autoAnswer: { sms: { enabled: true, delaySeconds: 1 } } }).expect(200);
      expect(body.capacity).toMatchObject({ chat: 3, email: 2 });
      expect(body.autoAnswer.chat).toEqual({ enabled: true, delaySeconds: 5 });
      expect(body.autoAnswer.sms).toEqual({ enabled: true, delaySeconds: 1 });
      expect(body.tabLimit).toBe(4);
      await ctx.admin.patch(`/api/v1/agents/${agent.id}`).send({ fullName: null }).expect(400);
    });

    it('keeps an admin from demoting, disabling or deleting themselves', async () => {
      const me = (await ctx.admin.get('/api/v1/auth/me').expect(200)).body;
      await ctx.admin.patch(`/api/v1/agents/${me.id}`).send({ role: 'agent' }).expect(403);
      await ctx.admin.patch(`/api/v1/agents/${me.id}`).send({ disabled: true }).expect(403);
      await ctx.admin.delete(`/api/v1/agents/${me.id}`).expect(403);
    });

    it('changes a password, or generates one', async () => {
      const agent = await createAgent(ctx.admin);
      await ctx.admin.put(`/api/v1/agents/${agent.id}/password`).send({ password: 'short' }).expect(400);
      await ctx.admin.put(`/api/v1/agents/${agent.id}/password`).send({ password: 'A-new-password-1' }).expect(200);
      await ctx.app.login(agent.username, 'A-new-password-1');
      const { body } = await ctx.admin.put(`/api/v1/agents/${agent.id}/password`).send({}).expect(200);
      await ctx.app.login(agent.username, body.generatedPassword);
    });

    it('deletes an agent so they cannot sign in, frees the username, and keeps the row for history', async () => {
      const agent = await createAgent(ctx.admin, { username: 'leaver' });
      await ctx.admin.delete(`/api/v1/agents/${agent.id}`).expect(204);
      await ctx.admin.get(`/api/v1/agents/${agent.id}`).expect(404);
      await ctx.app.http.post('/api/v1/auth/login').send({ login: 'leaver', password: agent.password }).expect(401);
      const rows: { full_name: string }[] = await ctx.app.app.get(DataSource).query('select full_name from staff_users where id = $1', [agent.id]);
      expect(rows[0]?.full_name).toBe(agent.fullName);
      await createAgent(ctx.admin, { username: 'leaver' });
    });

    it('bulk-deletes all or none', async () => {
      const a = await createAgent(ctx.admin);
      const b = await createAgent(ctx.admin);
      const me = (await ctx.admin.get('/api/v1/auth/me').expect(200)).body;
      await ctx.admin.post('/api/v1/agents/bulk-delete').send({ ids: [a.id, me.id] }).expect(403);
      await ctx.admin.get(`/api/v1/agents/${a.id}`).expect(200);
      const { body } = await ctx.admin.post('/api/v1/agents/bulk-delete').send({ ids: [a.id, b.id] }).expect(200);
      expect(body.deleted).toBe(2);
      await ctx.admin.get(`/api/v1/agents/${b.id}`).expect(404);
    });
  });
});
