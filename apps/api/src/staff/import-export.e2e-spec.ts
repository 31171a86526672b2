import type { ImportReport } from '@switchboard/contracts';
import { parse } from 'csv-parse/sync';
import { agentsCsv, sevenBadRows } from '../testing/agents-csv';
import { as, createAgent, useAppWithAdmin } from '../testing/staff-fixtures';

describe('agents CSV import and export', () => {
  const ctx = useAppWithAdmin();


  const upload = (csv: string, fields: Record<string, string> = {}) => {
    const request = ctx.admin.post('/api/v1/agents/import').attach('file', Buffer.from(csv), 'agents.csv');
    for (const [name, value] of Object.entries(fields)) request.field(name, value);
    return request;
  };
  const count = async (q: string) => (await ctx.admin.get(`/api/v1/agents?q=${q}&pageSize=1`).expect(200)).body.total as number;
  const rowsOf = (report: ImportReport) => [...new Set(report.errors.map((e) => e.row))];

  it('reports exactly the 7 bad rows of 1,000: dry run, atomic, then partial', async () => {
    const csv = agentsCsv(1000, 'imp', sevenBadRows('imp'));
    const badRows = [3, 100, 200, 300, 400, 500, 600].map((i) => i + 2);

    const dry = (await upload(csv, { dryRun: 'true' }).expect(200)).body as ImportReport;
    expect(rowsOf(dry)).toEqual(badRows);
    expect(dry).toMatchObject({ created: 0, valid: 993, rows: 1000, dryRun: true });
    const fieldOf = (row: number) => dry.errors.filter((e) => e.row === row).map((e) => e.field);
    expect(fieldOf(5)).toEqual(['username']);
    expect(fieldOf(102)).toEqual(['email']);
    expect(fieldOf(202)).toEqual(['typology']);
    expect(fieldOf(302)).toEqual(['capacityChat']);
    expect(dry.errors.find((e) => e.row === 402)).toMatchObject({ field: 'username', message: 'Duplicate username: the same as row 3' });
    expect(fieldOf(502)).toEqual(['password']);
    expect(fieldOf(602).sort()).toEqual(['fullName', 'voicemail']);
    expect(await count('imp')).toBe(0);

    const atomic = (await upload(csv, { atomic: 'true' }).expect(200)).body as ImportReport;
    expect(atomic.created).toBe(0);
    expect(rowsOf(atomic)).toEqual(badRows);
    expect(await count('imp')).toBe(0);

    const partial = (await upload(csv).expect(200)).body as ImportReport;
    expect(partial.created).toBe(993);
    expect(rowsOf(partial)).toEqual(badRows);
    expect(await count('imp')).toBe(993);
    const one = (await ctx.admin.get('/api/v1/agents?q=imp7@').expect(200)).body.items[0];
    expect(one).toMatchObject({ typology: 'webrtc', voicemail: true, tabLimit: 3, capacity: { chat: 2 } });
    await ctx.app.login('imp7', 'Imported-pass-7');

    // The same file again: every row is now a duplicate of an agent in the database.
    const again = (await upload(csv, { dryRun: 'true' }).expect(200)).body as ImportReport;
    expect(again.valid).toBe(0);
    expect(again.errors.find((e) => e.row === 9)).toMatchObject({ field: 'username', message: 'This username is already used by another agent' });
  }, 180_000);

  it('generates passwords for rows without one and answers them once', async () => {
    const csv = 'username,fullName,email\ngen_a,Gen A,gen_a@example.com\ngen_b,Gen B,gen_b@example.com\n';
    const report = (await upload(csv).expect(200)).body as ImportReport;
    expect(report.generatedPasswords.map((g) => g.username)).toEqual(['gen_a', 'gen_b']);
    await ctx.app.login('gen_b', report.generatedPasswords[1]?.password);
  });

  it('refuses columns nobody may import (mass assignment), unknown columns and broken files as a whole', async () => {
    const permissions = await upload('username,fullName,email,permissions\nx,X,x@example.com,all\n').expect(400);
    expect(permissions.body.details[0].field).toBe('permissions');
    const locked = await upload('username,fullName,email,locked\nx,X,x@example.com,false\n').expect(400);
    expect(locked.body.details[0].field).toBe('locked');
    const missing = await upload('username,email\nx,x@example.com\n').expect(400);
    expect(missing.body.details[0].field).toBe('fullName');
    const broken = await upload('username,fullName,email\n"x,X,x@example.com\n').expect(400);
    expect(broken.body.details[0].field).toBe('file');
    const none = await ctx.admin.post('/api/v1/agents/import').field('dryRun', 'true').expect(400);
    expect(none.body.details[0].field).toBe('file');
  });

  it('reports a role above the importer\'s own as a row error, for a supervisor', async () => {
    const queue = (await ctx.admin.post('/api/v1/queues').send({ name: 'Import queue', channel: 'chat' }).expect(201)).body;
    const sup = await createAgent(ctx.admin, { role: 'supervisor' });
    await ctx.admin.post(`/api/v1/queues/${queue.id}/supervisors`).send({ agentId: sup.id }).expect(201);
    const supervisor = as(ctx.app, await ctx.app.login(sup.username, sup.password));
    const csv = 'username,fullName,email,role\nsup_a,A,sup_a@example.com,agent\nsup_b,B,sup_b@example.com,admin\n';
    const withoutQueue = await supervisor.post('/api/v1/agents/import').attach('file', Buffer.from(csv), 'a.csv').expect(400);
    expect(withoutQueue.body.details[0].field).toBe('queueIds');
    const { body } = await supervisor.post('/api/v1/agents/import').attach('file', Buffer.from(csv), 'a.csv').field('queueIds', queue.id).expect(200);
    expect(body.created).toBe(1);
    expect(body.errors).toEqual([{ row: 3, field: 'role', message: 'You may not give the role admin' }]);
    const members = (await ctx.admin.get(`/api/v1/queues/${queue.id}/members`).expect(200)).body;
    expect(members.map((m: { username: string }) => m.username)).toEqual(['sup_a']);
  });

  it('exports chosen agents or all, with formula cells neutralised and no password', async () => {
    const evil = await createAgent(ctx.admin, { fullName: '=HYPERLINK("x")', alias: '+cmd', description: '@SUM(1)' });
    const plain = await createAgent(ctx.admin, { fullName: 'Plain Person' });
    const response = await ctx.admin.get(`/api/v1/agents/export?ids=${evil.id},${plain.id}`).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toContain('agents.csv');
    const [header, ...rows] = parse(response.text) as string[][];
    expect(header).not.toContain('password');
    expect(rows).toHaveLength(2);
    const evilRow = rows.find((r) => r[0] === evil.username) as string[];
    const column = (name: string) => evilRow[(header as string[]).indexOf(name)];
    expect(column('fullName')).toBe(`'=HYPERLINK("x")`);
    expect(column('alias')).toBe(`'+cmd`);
    expect(column('description')).toBe(`'@SUM(1)`);
    expect(response.text).not.toMatch(/argon2|Pass-/);
    const all = await ctx.admin.get('/api/v1/agents/export').expect(200);
    expect((parse(all.text) as string[][]).length).toBeGreaterThan(3);
  });
});
