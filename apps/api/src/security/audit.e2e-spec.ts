import { AuditAction, type AuditEntry } from '@switchboard/contracts';
import { DataSource } from 'typeorm';
import { auditRows } from '../testing/security-fixtures';
import { createAgent, signInAs, useAppWithAdmin } from '../testing/staff-fixtures';

describe('audit log', () => {
  const ctx = useAppWithAdmin();

  it('is for admins only', async () => {
    const supervisor = await signInAs(ctx.app, await createAgent(ctx.admin, { role: 'supervisor' }));
    const agent = await signInAs(ctx.app, await createAgent(ctx.admin));
    await supervisor.get('/api/v1/audit').expect(403);
    await agent.get('/api/v1/audit').expect(403);
    await agent.get('/api/v1/audit/export').expect(403);
  });

  it('records agent create, role and permission changes with before/after, and delete, once each', async () => {
    const agent = await createAgent(ctx.admin);
    await ctx.admin.patch(`/api/v1/agents/${agent.id}`).send({ role: 'supervisor', permissions: { downloads: { recordings: false } } }).expect(200);
    await ctx.admin.delete(`/api/v1/agents/${agent.id}`).expect(204);
    expect(await auditRows(ctx.admin, AuditAction.AgentCreated, agent.id)).toHaveLength(1);
    const [role] = await auditRows(ctx.admin, AuditAction.RoleChanged, agent.id);
    expect(role?.details).toEqual({ before: 'agent', after: 'supervisor' });
    const permissions = await auditRows(ctx.admin, AuditAction.PermissionsChanged, agent.id);
    expect(permissions).toHaveLength(1);
    expect((permissions[0]?.details?.['after'] as { downloads: { recordings: boolean } }).downloads.recordings).toBe(false);
    expect(await auditRows(ctx.admin, AuditAction.AgentDeleted, agent.id)).toHaveLength(1);
  });

  it('records logins, success and failure, with the IP', async () => {
    const agent = await createAgent(ctx.admin);
    await ctx.app.http.post('/api/v1/auth/login').send({ login: agent.username, password: 'Wrong-one-1' }).expect(401);
    await ctx.app.login(agent.username, agent.password);
    const [failed] = await auditRows(ctx.admin, AuditAction.LoginFailed, agent.id);
    const [succeeded] = await auditRows(ctx.admin, AuditAction.LoginSucceeded, agent.id);
    expect(failed).toMatchObject({ actorId: null, targetName: agent.username, ip: expect.stringMatching(/127\.0\.0\.1/) });
    expect(succeeded).toMatchObject({ actorId: agent.id });
  });

  it('filters, pages and exports as CSV (itself audited)', async () => {
    const { body: page } = await ctx.admin.get('/api/v1/audit?pageSize=2&page=1').expect(200);
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    expect(new Date(page.items[0].at).getTime()).toBeGreaterThanOrEqual(new Date(page.items[1].at).getTime());
    const { body: filtered } = await ctx.admin.get(`/api/v1/audit?action=${AuditAction.AgentCreated}&pageSize=200`).expect(200);
    expect(filtered.items.every((e: AuditEntry) => e.action === AuditAction.AgentCreated)).toBe(true);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await ctx.admin.get(`/api/v1/audit?from=${future}`).expect(200)).body.total).toBe(0);
    expect((await ctx.admin.get('/api/v1/audit?action=nonsense').expect(400)).body.details[0].field).toBe('action');

    await ctx.app.http.post('/api/v1/auth/login').send({ login: '=cmd|calc', password: 'Whatever-1' }).expect(401);
    const { body: failures } = await ctx.admin.get(`/api/v1/audit?action=${AuditAction.LoginFailed}&pageSize=200`).expect(200);
    const csv = await ctx.admin.get(`/api/v1/audit/export?action=${AuditAction.LoginFailed}`).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('at,actorName,actorId,ip,action,targetType,targetId,targetName,details');
    expect(lines.length).toBe(failures.items.length + 1);
    expect(csv.text).toContain(`'=cmd|calc`);
    expect(csv.text).not.toMatch(/(^|,)=cmd/m);
    expect(await auditRows(ctx.admin, AuditAction.Exported)).toHaveLength(1);
  });

  it('is append-only: the database refuses to change or delete a row', async () => {
    const dataSource = ctx.app.app.get(DataSource);
    await expect(dataSource.query(`update audit_log set action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query('delete from audit_log')).rejects.toThrow(/append-only/);
  });
});
