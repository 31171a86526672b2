import { AuditAction, type BlacklistEntry, type Page } from '@switchboard/contracts';
import { auditRows } from '../testing/security-fixtures';
import { createAgent, signInAs, useAppWithAdmin, type Caller } from '../testing/staff-fixtures';

const message = (externalMessageId: string, remoteIp: string) => ({
  channel: 'chat',
  accountId: 'site-blacklist',
  contactAddress: `visitor-${externalMessageId}`,
  body: 'Hello',
  externalMessageId,
  remoteIp,
});

describe('chat blacklist', () => {
  const ctx = useAppWithAdmin();
  const create = async (admin: Caller, fields: Record<string, unknown>) => (await admin.post('/api/v1/blacklist').send(fields).expect(201)).body as BlacklistEntry;

  it('stores ranges in canonical form with their address count, and refuses a bad one naming the field', async () => {
    const range = await create(ctx.admin, { description: ' Spam farm ', startIp: '198.51.100.10', endIp: '198.51.100.20' });
    expect(range).toMatchObject({ description: 'Spam farm', startIp: '198.51.100.10', endIp: '198.51.100.20', addressCount: '11' });
    const single = await create(ctx.admin, { description: 'One host', startIp: '::FFFF:198.51.100.99' });
    expect(single).toMatchObject({ startIp: '198.51.100.99', endIp: '198.51.100.99', addressCount: '1' });
    const v6 = await create(ctx.admin, { description: 'A /64', startIp: '2001:DB8:0:0::', endIp: '2001:db8::ffff:ffff:ffff:ffff' });
    expect(v6).toMatchObject({ startIp: '2001:db8::', addressCount: (2n ** 64n).toString() });

    const refused = async (fields: Record<string, unknown>, field: string) => {
      const { body } = await ctx.admin.post('/api/v1/blacklist').send({ description: 'x', ...fields }).expect(400);
      expect(body.details.map((d: { field: string }) => d.field)).toEqual([field]);
    };
    await refused({ startIp: '198.51.100.300' }, 'startIp');
    await refused({ startIp: '198.51.100.20', endIp: '198.51.100.10' }, 'endIp');
    await refused({ startIp: '198.51.100.20', endIp: '2001:db8::1' }, 'endIp');
    await refused({ startIp: '198.51.100.20', description: '   ' }, 'description');

    const { body: found } = await ctx.admin.get('/api/v1/blacklist?q=spam').expect(200);
    expect((found as Page<BlacklistEntry>).items.map((e) => e.id)).toEqual([range.id]);
    const { body: paged } = await ctx.admin.get('/api/v1/blacklist?pageSize=2').expect(200);
    expect(paged).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect((paged as Page<BlacklistEntry>).items).toHaveLength(2);

    const { body: edited } = await ctx.admin.patch(`/api/v1/blacklist/${single.id}`).send({ description: 'Two hosts', startIp: '198.51.100.98', endIp: '198.51.100.99' }).expect(200);
    expect(edited).toMatchObject({ description: 'Two hosts', addressCount: '2' });
    await ctx.admin.delete(`/api/v1/blacklist/${v6.id}`).expect(204);
    await ctx.admin.get(`/api/v1/blacklist/${v6.id}`).expect(404);
    expect(await auditRows(ctx.admin, AuditAction.BlacklistSaved, single.id)).toHaveLength(2);
    expect(await auditRows(ctx.admin, AuditAction.BlacklistDeleted, v6.id)).toHaveLength(1);

    const agent = await createAgent(ctx.admin);
    await (await signInAs(ctx.app, agent)).get('/api/v1/blacklist').expect(403);
    await ctx.admin.delete(`/api/v1/blacklist/${range.id}`).expect(204);
    await ctx.admin.delete(`/api/v1/blacklist/${single.id}`).expect(204);
  });

  it("refuses the range's start and end with nothing stored, and serves the next address outside it", async () => {
    const entry = await create(ctx.admin, { description: 'Abuse', startIp: '203.0.113.10', endIp: '203.0.113.20' });
    for (const [id, ip] of [['start', '203.0.113.10'], ['end', '203.0.113.20']] as const) {
      const { body } = await ctx.admin.post('/api/v1/interactions/inbound').send(message(`blocked-${id}-${entry.id}`, ip)).expect(403);
      expect(body).toMatchObject({ code: 'BLOCKED' });
    }
    await ctx.admin
      .post('/api/v1/interactions/offline-messages')
      .send({ channel: 'chat', accountId: 'site-blacklist', body: 'Call me', email: 'v@example.com', remoteIp: '203.0.113.15' })
      .expect(403);
    // Nothing was stored for the refused message: the same id from an address outside the range is new.
    const { body: served } = await ctx.admin.post('/api/v1/interactions/inbound').send(message(`blocked-start-${entry.id}`, '203.0.113.21')).expect(201);
    expect(served.duplicate).toBe(false);
    await ctx.admin.post('/api/v1/interactions/inbound').send(message(`below-${entry.id}`, '203.0.113.9')).expect(201);

    // Removing the entry lets the address in at once on this node.
    await ctx.admin.delete(`/api/v1/blacklist/${entry.id}`).expect(204);
    await ctx.admin.post('/api/v1/interactions/inbound').send(message(`after-${entry.id}`, '203.0.113.10')).expect(201);
    await ctx.admin.post('/api/v1/interactions/inbound').send({ ...message(`bad-${entry.id}`, 'not-an-ip') }).expect(400);
  });
});
