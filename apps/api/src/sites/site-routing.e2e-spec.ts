import type { Page, Site } from '@switchboard/contracts';
import { inbound, liveAgent, sleep } from '../testing/routing-fixtures';
import { createQueue, useAppWithAdmin } from '../testing/staff-fixtures';

describe('routing by site', () => {
  const ctx = useAppWithAdmin({ env: { ROUTING_TICK_MS: '100' } });

  it("sends a chat no rule matched to its site's agents by priority, waits for them, and never to others", async () => {
    const [high, low, other] = [
      await liveAgent(ctx.app, ctx.admin, { capacity: { chat: 1 } }),
      await liveAgent(ctx.app, ctx.admin, { capacity: { chat: 1 } }),
      await liveAgent(ctx.app, ctx.admin, { capacity: { chat: 5 } }),
    ];
    const { body: site } = (await ctx.admin
      .post('/api/v1/sites')
      .send({ name: `Routed ${Date.now()}`, url: 'https://routed.example.com', agents: [{ agentId: low.id, priority: 2 }, { agentId: high.id, priority: 1 }] })
      .expect(201)) as { body: Site };
    const page = `https://routed-${Date.now()}.example.com/help`;
    const chat = () => inbound(ctx.admin, { accountId: site.id, pageUrl: page });

    const first = await chat();
    const firstOffer = await high.nextOffer((o) => o.interaction.id === first.interactionId);
    expect(firstOffer.interaction).toMatchObject({ siteId: site.id, ruleId: null, queueId: null });
    await high.caller.post(`/api/v1/offers/${firstOffer.id}/accept`).expect(200);
    const second = await chat();
    await low.caller.post(`/api/v1/offers/${(await low.nextOffer((o) => o.interaction.id === second.interactionId)).id}/accept`).expect(200);

    // Both site agents are full: the third waits, although another agent has room.
    const third = await chat();
    await sleep(1000);
    expect(other.offers.map((o) => o.interaction.id)).not.toContain(third.interactionId);
    expect([...high.offers, ...low.offers].map((o) => o.interaction.id)).not.toContain(third.interactionId);

    // A site agent's close frees room: the waiting chat is theirs within two seconds.
    const closedAt = Date.now();
    await high.caller.post(`/api/v1/interactions/${first.interactionId}/close`).expect(204);
    await high.nextOffer((o) => o.interaction.id === third.interactionId, 2000);
    expect(Date.now() - closedAt).toBeLessThan(2000);

    // Another account id (not this site) is not routed by the site: anyone may take it.
    const elsewhere = await inbound(ctx.admin, { accountId: 'not-a-site', pageUrl: page });
    await other.nextOffer((o) => o.interaction.id === elsewhere.interactionId);
    [high, low, other].forEach((a) => a.stop());
  });

  it("lets a matching rule win over the site, and mails the site's offline messages to its recipients", async () => {
    const [onSite, inQueue] = [await liveAgent(ctx.app, ctx.admin), await liveAgent(ctx.app, ctx.admin)];
    const { body: site } = (await ctx.admin
      .post('/api/v1/sites')
      .send({ name: `Ruled ${Date.now()}`, url: 'https://ruled.example.com', agents: [{ agentId: onSite.id, priority: 1 }], offlineRecipientIds: [inQueue.id] })
      .expect(201)) as { body: Site };
    const queue = await createQueue(ctx.admin);
    await ctx.admin.post(`/api/v1/queues/${queue.id}/members`).send({ agentId: inQueue.id }).expect(201);
    const host = `ruled-${Date.now()}.example.com`;
    await ctx.admin.post('/api/v1/routing/rules').send({ name: `sales ${host}`, patterns: [`${host}/sales/*`], queueId: queue.id }).expect(201);

    const sales = await inbound(ctx.admin, { accountId: site.id, pageUrl: `https://${host}/sales/offer` });
    const offer = await inQueue.nextOffer((o) => o.interaction.id === sales.interactionId);
    expect(offer.interaction).toMatchObject({ queueId: queue.id, siteId: null });

    const body = `Site offline message ${Date.now()}`;
    await ctx.admin.post('/api/v1/interactions/offline-messages').send({ channel: 'chat', accountId: site.id, pageUrl: `https://${host}/about`, email: 'v@example.org', body }).expect(201);
    const stored = (await ctx.admin.get('/api/v1/routing/offline-messages').expect(200)).body as Page<{ body: string; recipients: string[] }>;
    expect(stored.items.find((m) => m.body === body)?.recipients).toEqual([inQueue.username]);
    [onSite, inQueue].forEach((a) => a.stop());
  });
});
