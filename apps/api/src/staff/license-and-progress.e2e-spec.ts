import { CONSOLE_NAMESPACE, ErrorCode, type ImportProgress, type ImportReport } from '@switchboard/contracts';
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { createAgent, useAppWithAdmin } from '../testing/staff-fixtures';

describe('licence seats and import progress', () => {
  const ctx = useAppWithAdmin({ env: { LICENSE_SEATS: '3' } });
  let token: string;

  beforeAll(async () => {
    token = await ctx.app.login();
  });

  it('caps active accounts at LICENSE_SEATS with a clear 409, and counts disabled ones as free', async () => {
    expect((await ctx.admin.get('/api/v1/license').expect(200)).body).toEqual({ seats: 3, used: 1, available: 2, full: false });
    const a = await createAgent(ctx.admin);
    await createAgent(ctx.admin);
    expect((await ctx.admin.get('/api/v1/license').expect(200)).body).toMatchObject({ used: 3, available: 0, full: true });

    const { body } = await ctx.admin.post('/api/v1/agents').send({ username: 'one_more', fullName: 'One more', email: 'one_more@example.com' }).expect(409);
    expect(body.code).toBe(ErrorCode.Conflict);
    expect(body.message).toContain('licence seats');

    const dormant = await createAgent(ctx.admin, { disabled: true });
    await ctx.admin.patch(`/api/v1/agents/${dormant.id}`).send({ disabled: false }).expect(409);
    await ctx.admin.patch(`/api/v1/agents/${a.id}`).send({ disabled: true }).expect(200);
    await ctx.admin.patch(`/api/v1/agents/${dormant.id}`).send({ disabled: false }).expect(200);

    const csv = 'username,fullName,email,disabled\nseat_a,A,seat_a@example.com,no\nseat_b,B,seat_b@example.com,yes\n';
    const report = (await ctx.admin.post('/api/v1/agents/import').attach('file', Buffer.from(csv), 'a.csv').expect(200)).body as ImportReport;
    expect(report.created).toBe(1);
    expect(report.errors).toEqual([expect.objectContaining({ row: 2, field: 'disabled' })]);
  });

  it('sends the importing user progress events over the console socket', async () => {
    const socket = io(`${ctx.app.url}${CONSOLE_NAMESPACE}`, { auth: { token }, transports: ['websocket'], reconnection: false });
    try {
      await new Promise((resolve) => socket.once('session.ready', resolve));
      const importId = randomUUID();
      const events: ImportProgress[] = [];
      socket.on('staff.import.progress', (event: ImportProgress) => events.push(event));
      const done = new Promise((resolve) => socket.on('staff.import.progress', (e: ImportProgress) => e.phase === 'done' && resolve(e)));
      // Disabled agents need no licence seat (this app has none left).
      const rows = Array.from({ length: 60 }, (_, i) => `prog${i},Progress ${i},prog${i}@example.com,yes`);
      const csv = ['username,fullName,email,disabled', ...rows].join('\n');
      await ctx.admin.post('/api/v1/agents/import').attach('file', Buffer.from(csv), 'a.csv').field('importId', importId).expect(200);
      await done;
      expect(events.every((e) => e.importId === importId && e.total === 60)).toBe(true);
      expect(events.map((e) => e.phase)).toEqual(expect.arrayContaining(['validating', 'hashing', 'saving', 'done']));
    } finally {
      socket.disconnect();
    }
  });
});
