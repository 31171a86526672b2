import { ErrorCode, type Agent, type AgentQueueMembership, type QueueMember, type StaffSummary } from '@switchboard/contracts';
import { createAgent, createQueue, signInAs, useAppWithAdmin } from '../testing/staff-fixtures';

describe('queues and teams API', () => {
  const ctx = useAppWithAdmin();


  describe('queues', () => {
    it('creates, reads, renames and deletes a queue; names are unique without regard to case', async () => {
      const queue = await createQueue(ctx.admin, 'email', 'Billing');
      expect(queue).toMatchObject({ name: 'Billing', channel: 'email', memberCount: 0, supervisorCount: 0 });
      const dup = await ctx.admin.post('/api/v1/queues').send({ name: 'billing', channel: 'chat' }).expect(409);
      expect(dup.body.details[0].field).toBe('name');
      const bad = await ctx.admin.post('/api/v1/queues').send({ name: 'X', channel: 'pigeon' }).expect(400);
      expect(bad.body.details[0].field).toBe('channel');
      const renamed = await ctx.admin.patch(`/api/v1/queues/${queue.id}`).send({ description: 'Invoices' }).expect(200);
      expect(renamed.body.description).toBe('Invoices');
      await ctx.admin.delete(`/api/v1/queues/${queue.id}`).expect(204);
      await ctx.admin.get(`/api/v1/queues/${queue.id}`).expect(404);
    });

    it('lists queues with a channel filter and a search, paged', async () => {
      await createQueue(ctx.admin, 'sms', 'Sms North');
      await createQueue(ctx.admin, 'sms', 'Sms South');
      const { body } = await ctx.admin.get('/api/v1/queues?channel=sms&q=south').expect(200);
      expect(body.items.map((q: { name: string }) => q.name)).toEqual(['Sms South']);
      expect(body.total).toBe(1);
      const sorted = await ctx.admin.get('/api/v1/queues?channel=sms&sort=name&order=desc').expect(200);
      expect(sorted.body.items.map((q: { name: string }) => q.name)).toEqual(['Sms South', 'Sms North']);
      await ctx.admin.get('/api/v1/queues?sort=secret').expect(400);
    });

    it('adds members with a priority, refuses a second add, changes the priority and removes', async () => {
      const queue = await createQueue(ctx.admin, 'chat');
      const a = await createAgent(ctx.admin, { fullName: 'Alpha' });
      const b = await createAgent(ctx.admin, { fullName: 'Bravo' });
      await ctx.admin.post(`/api/v1/queues/${queue.id}/members`).send({ agentId: a.id, priority: 2 }).expect(201);
      await ctx.admin.post(`/api/v1/queues/${queue.id}/members`).send({ agentId: b.id }).expect(201);
      await ctx.admin.post(`/api/v1/queues/${queue.id}/members`).send({ agentId: b.id }).expect(409);
      await ctx.admin.post(`/api/v1/queues/${queue.id}/members`).send({ agentId: a.id, priority: 11 }).expect(400);
      const listed = await ctx.admin.get(`/api/v1/queues/${queue.id}/members`).expect(200);
      expect(listed.body.map((m: QueueMember) => [m.fullName, m.priority])).toEqual([
        ['Bravo', 1],
        ['Alpha', 2],
      ]);
      await ctx.admin.patch(`/api/v1/queues/${queue.id}/members/${a.id}`).send({ priority: 1 }).expect(200);
      await ctx.admin.delete(`/api/v1/queues/${queue.id}/members/${b.id}`).expect(204);
      const after = await ctx.admin.get(`/api/v1/queues/${queue.id}/members`).expect(200);
      expect(after.body.map((m: QueueMember) => m.id)).toEqual([a.id]);
      const unknown = await ctx.admin.post(`/api/v1/queues/${queue.id}/members`).send({ agentId: '7d0f4a8e-5d1b-4c1f-9b7a-2f1e3d4c5b6a' }).expect(404);
      expect(unknown.body.code).toBe(ErrorCode.NotFound);
    });

    it('enables supervisors only, and scopes what they see and change to their queues', async () => {
      const queue = await createQueue(ctx.admin, 'chat');
      const other = await createQueue(ctx.admin, 'chat');
      const sup = await createAgent(ctx.admin, { role: 'supervisor' });
      const plain = await createAgent(ctx.admin);
      const notSupervisor = await ctx.admin.post(`/api/v1/queues/${queue.id}/supervisors`).send({ agentId: plain.id }).expect(400);
      expect(notSupervisor.body.details[0].field).toBe('agentId');
      const added = await ctx.admin.post(`/api/v1/queues/${queue.id}/supervisors`).send({ agentId: sup.id }).expect(201);
      expect((added.body as StaffSummary).id).toBe(sup.id);

      const supervisor = await signInAs(ctx.app, sup);
      const mine = await supervisor.get('/api/v1/queues?pageSize=200').expect(200);
      expect(mine.body.items.map((q: { id: string }) => q.id)).toEqual([queue.id]);
      await supervisor.get(`/api/v1/queues/${other.id}`).expect(403);
      await supervisor.post('/api/v1/queues').send({ name: 'Mine now', channel: 'chat' }).expect(403);
      await supervisor.post(`/api/v1/queues/${queue.id}/supervisors`).send({ agentId: sup.id }).expect(403);
      // An agent outside the supervisor's queues cannot be pulled in by the supervisor.
      await supervisor.post(`/api/v1/queues/${queue.id}/members`).send({ agentId: plain.id }).expect(403);
      await ctx.admin.post(`/api/v1/queues/${queue.id}/members`).send({ agentId: plain.id }).expect(201);
      await supervisor.patch(`/api/v1/queues/${queue.id}/members/${plain.id}`).send({ priority: 3 }).expect(200);
      await supervisor.get(`/api/v1/agents/${plain.id}`).expect(200);
    });

    it('adds an agent to every queue of a channel at once, skipping ones they are in', async () => {
      const voiceA = await createQueue(ctx.admin, 'voice');
      const voiceB = await createQueue(ctx.admin, 'voice');
      const agent = await createAgent(ctx.admin);
      await ctx.admin.post(`/api/v1/queues/${voiceA.id}/members`).send({ agentId: agent.id }).expect(201);
      const { body } = await ctx.admin.post(`/api/v1/agents/${agent.id}/queues`).send({ channel: 'voice', priority: 2 }).expect(201);
      expect(body.added).toBe(1);
      const ids = body.memberships.map((m: AgentQueueMembership) => m.queueId).sort();
      expect(ids).toEqual([voiceA.id, voiceB.id].sort());
      const listed = await ctx.admin.get(`/api/v1/agents/${agent.id}/queues`).expect(200);
      expect(listed.body).toHaveLength(2);
      const byQueue = await ctx.admin.get(`/api/v1/agents?queueId=${voiceB.id}`).expect(200);
      expect(byQueue.body.items.map((a: Agent) => a.id)).toEqual([agent.id]);
    });

    it('forgets a deleted agent\'s memberships', async () => {
      const queue = await createQueue(ctx.admin, 'whatsapp');
      const agent = await createAgent(ctx.admin, { queueIds: [queue.id] });
      await ctx.admin.delete(`/api/v1/agents/${agent.id}`).expect(204);
      const { body } = await ctx.admin.get(`/api/v1/queues/${queue.id}/members`).expect(200);
      expect(body).toEqual([]);
    });
  });

  describe('teams', () => {
    it('creates a team, adds and removes agents, and filters agents by team', async () => {
      const team = (await ctx.admin.post('/api/v1/teams').send({ name: 'Night shift', description: 'After 22:00' }).expect(201)).body;
      await ctx.admin.post('/api/v1/teams').send({ name: 'night SHIFT' }).expect(409);
      await ctx.admin.post('/api/v1/teams').send({ name: '' }).expect(400);
      const a = await createAgent(ctx.admin);
      const b = await createAgent(ctx.admin);
      await ctx.admin.post(`/api/v1/teams/${team.id}/members`).send({ agentId: a.id }).expect(201);
      await ctx.admin.post(`/api/v1/teams/${team.id}/members`).send({ agentId: b.id }).expect(201);
      await ctx.admin.post(`/api/v1/teams/${team.id}/members`).send({ agentId: b.id }).expect(409);
      expect((await ctx.admin.get(`/api/v1/teams/${team.id}`).expect(200)).body.memberCount).toBe(2);
      const filtered = await ctx.admin.get(`/api/v1/agents?teamId=${team.id}`).expect(200);
      expect(filtered.body.items.map((x: Agent) => x.id).sort()).toEqual([a.id, b.id].sort());
      expect((await ctx.admin.get(`/api/v1/agents/${a.id}/teams`).expect(200)).body.map((t: { id: string }) => t.id)).toEqual([team.id]);
      await ctx.admin.delete(`/api/v1/teams/${team.id}/members/${a.id}`).expect(204);
      const members = await ctx.admin.get(`/api/v1/teams/${team.id}/members`).expect(200);
      expect(members.body.map((m: StaffSummary) => m.id)).toEqual([b.id]);
      await ctx.admin.post('/api/v1/teams').send({ name: 'Nightingales' }).expect(201);
      const byName = await ctx.admin.get('/api/v1/teams?q=night&sort=name&order=desc').expect(200);
      expect(byName.body.items.map((t: { name: string }) => t.name)).toEqual(['Nightingales', 'Night shift']);
      const byMembers = await ctx.admin.get('/api/v1/teams?q=night&sort=memberCount&order=desc').expect(200);
      expect(byMembers.body.items.map((t: { name: string }) => t.name)).toEqual(['Night shift', 'Nightingales']);
      const search = await ctx.admin.get('/api/v1/teams?q=night%20s').expect(200);
      expect(search.body.items.map((t: { name: string }) => t.name)).toEqual(['Night shift']);
      await ctx.admin.delete(`/api/v1/teams/${team.id}`).expect(204);
      await ctx.admin.get(`/api/v1/teams/${team.id}`).expect(404);
    });

    it('lets supervisors read teams but not change them', async () => {
      const sup = await signInAs(ctx.app, await createAgent(ctx.admin, { role: 'supervisor' }));
      await sup.get('/api/v1/teams').expect(200);
      await sup.post('/api/v1/teams').send({ name: 'Rogue' }).expect(403);
    });
  });
});
