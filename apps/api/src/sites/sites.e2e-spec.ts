import { AuditAction, DEFAULT_PRE_CHAT_FIELDS, WEEKDAYS, type Page, type Site, type SiteEmbed } from '@switchboard/contracts';
import request from 'supertest';
import { auditRows } from '../testing/security-fixtures';
import { createAgent, signInAs, useAppWithAdmin } from '../testing/staff-fixtures';

const weekdays = (periods: Array<{ open: string; close: string }>) => Object.fromEntries(WEEKDAYS.map((d) => [d, ['sat', 'sun'].includes(d) ? [] : periods]));

describe('sites', () => {
  const ctx = useAppWithAdmin();
  let n = 0;
  const named = (prefix: string) => `${prefix} ${++n}-${Date.now()}`;
  const testPage = (url: string) => request(ctx.app.app.getHttpServer()).get(new URL(url).pathname);

  it('creates a site with defaults, a key and an embed snippet; the test page embeds it for anyone', async () => {
    const name = `<img src=x onerror=alert(1)> ${named('Shop')}`;
    const { body: site } = (await ctx.admin.post('/api/v1/sites').send({ name, url: 'https://shop.example.com' }).expect(201)) as { body: Site };
    expect(site).toMatchObject({ name, url: 'https://shop.example.com', allowedOrigins: [], agents: [], offlineRecipientIds: [], businessHours: null, enabled: true, layout: null });
    expect(site.preChatFields).toEqual(DEFAULT_PRE_CHAT_FIELDS);
    expect(site.siteKey).toMatch(/^[A-Za-z0-9_-]{24}$/);

    const { body: embed } = (await ctx.admin.get(`/api/v1/sites/${site.id}/embed`).expect(200)) as { body: SiteEmbed };
    expect(embed.snippet).toMatch(new RegExp(`^<script async src="http[^"]+/widget\\.js" data-site-key="${site.siteKey}"></script>$`));
    const page = await testPage(embed.testPageUrl).expect(200).expect('Content-Type', /text\/html/);
    expect(page.text).toContain(embed.snippet);
    expect(page.text).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(page.text).not.toContain('<img');

    const { body: renewed } = (await ctx.admin.post(`/api/v1/sites/${site.id}/key`).expect(200)) as { body: Site };
    expect(renewed.siteKey).not.toBe(site.siteKey);
    await testPage(embed.testPageUrl).expect(404);
    const { body: next } = (await ctx.admin.get(`/api/v1/sites/${site.id}/embed`).expect(200)) as { body: SiteEmbed };
    await testPage(next.testPageUrl).expect(200);
    await ctx.admin.patch(`/api/v1/sites/${site.id}`).send({ name, url: site.url, enabled: false }).expect(200);
    await testPage(next.testPageUrl).expect(404);
    expect(await auditRows(ctx.admin, AuditAction.SiteKeyRenewed, site.id)).toHaveLength(1);
  });

  it('keeps agents by priority, offline recipients, the pre-chat form, hours and origins, and replaces them on update', async () => {
    const [high, low, mailbox] = [await createAgent(ctx.admin), await createAgent(ctx.admin), await createAgent(ctx.admin)];
    const businessHours = { timezone: 'Europe/Prague', days: weekdays([{ open: '09:00', close: '17:00' }]) };
    const preChatFields = [
      { key: 'name', label: 'Your name', type: 'name', required: true },
      { key: 'order-no', label: 'Order number', type: 'text', required: false },
    ];
    const fields = {
      name: named('Support'),
      url: 'https://support.example.com/help',
      description: 'Help centre box',
      allowedOrigins: ['https://Support.Example.com/', 'http://localhost:8080'],
      agents: [
        { agentId: low.id, priority: 2 },
        { agentId: high.id, priority: 1 },
      ],
      offlineRecipientIds: [mailbox.id],
      preChatFields,
      businessHours,
    };
    const { body: site } = (await ctx.admin.post('/api/v1/sites').send(fields).expect(201)) as { body: Site };
    expect(site).toMatchObject({ allowedOrigins: ['https://support.example.com', 'http://localhost:8080'], offlineRecipientIds: [mailbox.id], preChatFields, businessHours });
    expect(site.agents.map((a) => [a.username, a.priority])).toEqual([
      [high.username, 1],
      [low.username, 2],
    ]);

    const { body: updated } = (await ctx.admin
      .patch(`/api/v1/sites/${site.id}`)
      .send({ ...fields, agents: [{ agentId: low.id, priority: 1 }], businessHours: null, allowedOrigins: [] })
      .expect(200)) as { body: Site };
    expect(updated).toMatchObject({ businessHours: null, allowedOrigins: [], preChatFields });
    expect(updated.agents.map((a) => a.agentId)).toEqual([low.id]);
    expect(((await ctx.admin.get(`/api/v1/sites/${site.id}`).expect(200)).body as Site).agents.map((a) => a.agentId)).toEqual([low.id]);

    const { body: found } = await ctx.admin.get(`/api/v1/sites?q=${encodeURIComponent(site.name)}`).expect(200);
    expect((found as Page<Site>).items.map((s) => s.id)).toEqual([site.id]);
    const { body: paged } = await ctx.admin.get('/api/v1/sites?pageSize=1').expect(200);
    expect(paged).toMatchObject({ pageSize: 1, total: expect.any(Number) });
    expect((paged as Page<Site>).items).toHaveLength(1);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const agent = await createAgent(ctx.admin);
    const before = ((await ctx.admin.get('/api/v1/sites').expect(200)).body as Page<Site>).total;
    const base = { name: named('Bad'), url: 'https://bad.example.com' };
    const refused = async (fields: Record<string, unknown>, field: string, status = 400) => {
      const { body } = await ctx.admin.post('/api/v1/sites').send({ ...base, ...fields }).expect(status);
      expect(body.details.map((d: { field: string }) => d.field)).toEqual([field]);
    };
    await refused({ url: 'ftp://bad.example.com' }, 'url');
    await refused({ allowedOrigins: ['https://ok.example.com', 'https://bad.example.com/path'] }, 'allowedOrigins.1');
    await refused({ preChatFields: [{ key: 'Bad Key', label: 'x', type: 'text', required: true }] }, 'preChatFields.0.key');
    await refused({ preChatFields: [{ key: 'a', label: 'x', type: 'colour', required: true }] }, 'preChatFields.0.type');
    await refused({ preChatFields: [{ key: 'a', label: 'x', type: 'text', required: true }, { key: 'a', label: 'y', type: 'text', required: false }] }, 'preChatFields');
    await refused({ businessHours: { timezone: 'Mars/Olympus', days: weekdays([]) } }, 'businessHours.timezone');
    await refused({ businessHours: { timezone: 'UTC', days: weekdays([{ open: '09:00', close: '12:00' }, { open: '11:00', close: '13:00' }]) } }, 'businessHours.days.mon');
    await refused({ businessHours: { timezone: 'UTC', days: { ...weekdays([]), funday: [] } } }, 'businessHours.days');
    await refused({ agents: [{ agentId: '00000000-0000-4000-8000-000000000000', priority: 1 }] }, 'agents');
    await refused({ agents: [{ agentId: agent.id, priority: 11 }] }, 'agents.0.priority');
    await refused({ offlineRecipientIds: ['00000000-0000-4000-8000-000000000000'] }, 'offlineRecipientIds');
    await ctx.admin.post('/api/v1/sites').send(base).expect(201);
    await refused({ name: base.name.toUpperCase() }, 'name', 409);
    expect(((await ctx.admin.get('/api/v1/sites').expect(200)).body as Page<Site>).total).toBe(before + 1);
  });

  it('is for admins: an agent is refused; a deleted site is gone and audited', async () => {
    const agent = await createAgent(ctx.admin);
    const caller = await signInAs(ctx.app, agent);
    await caller.get('/api/v1/sites').expect(403);
    await caller.post('/api/v1/sites').send({ name: named('Nope'), url: 'https://x.example.com' }).expect(403);
    const { body: site } = (await ctx.admin.post('/api/v1/sites').send({ name: named('Gone'), url: 'https://gone.example.com' }).expect(201)) as { body: Site };
    await ctx.admin.delete(`/api/v1/sites/${site.id}`).expect(204);
    await ctx.admin.get(`/api/v1/sites/${site.id}`).expect(404);
    await ctx.admin.get(`/api/v1/sites/${site.id}/embed`).expect(404);
    expect((await auditRows(ctx.admin, AuditAction.SiteSaved, site.id)).length).toBe(1);
    expect((await auditRows(ctx.admin, AuditAction.SiteDeleted, site.id)).length).toBe(1);
  });
});
