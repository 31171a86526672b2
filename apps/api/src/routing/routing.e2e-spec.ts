import type { InteractionSummary, Presence, Queue } from '@switchboard/contracts';
import { RoutingClock } from '@switchboard/routing';
import { DataSource } from 'typeorm';
import { inbound, liveAgent, sleep } from '../testing/routing-fixtures';
import { auditRows, nextEvent } from '../testing/security-fixtures';
import { createQueue, useAppWithAdmin, type Caller } from '../testing/staff-fixtures';

async function queueWith(admin: Caller, members: string[], settings: Partial<Queue> = {}, channel: Queue['channel'] = 'chat'): Promise<Queue> {
  const queue = await createQueue(admin, channel);
  await admin.patch(`/api/v1/queues/${queue.id}`).send(settings).expect(200);
  for (const agentId of members) await admin.post(`/api/v1/queues/${queue.id}/members`).send({ agentId }).expect(201);
  return queue;
}

async function ruleTo(admin: Caller, name: string, patterns: string[], target: { queueId?: string; agents?: Array<{ agentId: string; priority: number }> }) {
  return (await admin.post('/api/v1/routing/rules').send({ name, patterns, ...target }).expect(201)).body as { id: string };
}

const site = (n: number) => `https://s${n}-${Date.now()}.example.org/`;

describe('routing', () => {
  const ctx = useAppWithAdmin({ env: { ROUTING_TICK_MS: '100' } });

  it('offers a new interaction to an online agent, who accepts and closes it', async () => {
    const agent = await liveAgent(ctx.app, ctx.admin, { capacity: { chat: 2 }, tabLimit: 3 });
    const queue = await queueWith(ctx.admin, [agent.id]);
    const url = site(1);
    await ruleTo(ctx.admin, `r-${queue.id}`, [`${new URL(url).host}/*`], { queueId: queue.id });
    const created = await inbound(ctx.admin, { pageUrl: url });
    const offer = await agent.nextOffer((o) => o.interaction.id === created.interactionId);
    expect(offer.interaction).toMatchObject({ status: 'offered', queueId: queue.id });
    const { body: accepted } = await agent.caller.post(`/api/v1/offers/${offer.id}/accept`).expect(200);
    expect(accepted).toMatchObject({ id: created.interactionId, status: 'active', agentId: agent.id });
    expect(Date.parse(accepted.answeredAt)).toBeGreaterThan(Date.parse(accepted.createdAt) - 1);
    const desk = (await agent.caller.get('/api/v1/routing/desk').expect(200)).body;
    expect(desk.interactions.map((i: InteractionSummary) => i.id)).toEqual([created.interactionId]);
    await agent.caller.post(`/api/v1/offers/${offer.id}/accept`).expect(409);
    await agent.caller.post(`/api/v1/interactions/${created.interactionId}/close`).expect(204);
    expect((await agent.caller.get('/api/v1/routing/desk').expect(200)).body.interactions).toEqual([]);
    // Stored and offered in one statement, the events still come in order (reports read them).
    const events: Array<{ type: string; agentId: string | null; queueId: string | null }> = await ctx.app.app
      .get(DataSource)
      .query('select type, agent_id as "agentId", queue_id as "queueId" from interaction_events where interaction_id = $1 order by id', [created.interactionId]);
    expect(events).toEqual([
      { type: 'created', agentId: null, queueId: queue.id },
      { type: 'offered', agentId: agent.id, queueId: queue.id },
      { type: 'accepted', agentId: agent.id, queueId: queue.id },
      { type: 'closed', agentId: agent.id, queueId: queue.id },
    ]);
    agent.stop();
  });

  it('dedupes a message by its external id', async () => {
    const first = await inbound(ctx.admin, { externalMessageId: 'same-id-1', contactAddress: 'dup-visitor' });
    const again = await inbound(ctx.admin, { externalMessageId: 'same-id-1', contactAddress: 'dup-visitor' });
    expect(again).toEqual({ ...first, duplicate: true });
    const next = await inbound(ctx.admin, { externalMessageId: 'same-id-2', contactAddress: 'dup-visitor' });
    expect(next.interactionId).toBe(first.interactionId);
    expect(next.duplicate).toBe(false);
  });

  it('routes by URL rules: first match wins, and the interaction records the rule', async () => {
    const [support, shop] = [await createQueue(ctx.admin), await createQueue(ctx.admin)];
    const supportRule = await ruleTo(ctx.admin, 'Support pages', ['*.example.com/support/*'], { queueId: support.id });
    const shopRule = await ruleTo(ctx.admin, 'Shop', ['shop.example.com/*'], { queueId: shop.id });
    const match = async (url: string) => (await ctx.admin.get(`/api/v1/routing/rules/match?url=${encodeURIComponent(url)}`).expect(200)).body.rule;
    expect(await match('https://www.example.com/support/login')).toMatchObject({ id: supportRule.id, queueId: support.id });
    expect(await match('https://shop.example.com/support/x')).toMatchObject({ id: supportRule.id });
    expect(await match('https://shop.example.com/cart')).toMatchObject({ id: shopRule.id, queueId: shop.id });
    expect(await match('https://blog.example.com/')).toBeNull();

    const fromSupport = await inbound(ctx.admin, { pageUrl: 'https://help.example.com/support/faq' });
    const fromShop = await inbound(ctx.admin, { pageUrl: 'https://shop.example.com/basket?x=1' });
    const caller = ctx.admin;
    const agent = await liveAgent(ctx.app, caller);
    await caller.post(`/api/v1/queues/${support.id}/members`).send({ agentId: agent.id }).expect(201);
    await caller.post(`/api/v1/queues/${shop.id}/members`).send({ agentId: agent.id }).expect(201);
    // Both wait in their queues until the agent is a member; the clock offers them then.
    const offers = await Promise.all([
      agent.nextOffer((o) => o.interaction.id === fromSupport.interactionId),
      agent.nextOffer((o) => o.interaction.id === fromShop.interactionId),
    ]);
    expect(offers[0]?.interaction).toMatchObject({ queueId: support.id, ruleId: supportRule.id });
    expect(offers[1]?.interaction).toMatchObject({ queueId: shop.id, ruleId: shopRule.id });
    agent.stop();
    for (const rule of [supportRule, shopRule]) await ctx.admin.delete(`/api/v1/routing/rules/${rule.id}`).expect(204);
  });

  it('pausing stops new offers within a second; the active interaction stays', async () => {
    const agent = await liveAgent(ctx.app, ctx.admin, { capacity: { chat: 5 } });
    const queue = await queueWith(ctx.admin, [agent.id]);
    const url = site(2);
    const rule = await ruleTo(ctx.admin, `pause-${queue.id}`, [`${new URL(url).host}/*`], { queueId: queue.id });
    const first = await inbound(ctx.admin, { pageUrl: url });
    const offer = await agent.nextOffer((o) => o.interaction.id === first.interactionId);
    await agent.caller.post(`/api/v1/offers/${offer.id}/accept`).expect(200);

    const reasons = (await agent.caller.get('/api/v1/routing/pause-reasons').expect(200)).body as Array<{ id: string; name: string }>;
    const lunch = reasons.find((r) => r.name === 'Lunch');
    const paused = await agent.caller.put('/api/v1/presence/me').send({ status: 'paused', pauseReasonId: lunch?.id }).expect(200);
    expect(paused.body).toMatchObject({ status: 'paused', pauseReason: { name: 'Lunch' } });
    const pausedAt = Date.now();
    const second = await inbound(ctx.admin, { pageUrl: url });
    await sleep(Math.max(0, 1000 - (Date.now() - pausedAt)) + 300);
    expect(agent.offers.some((o) => o.interaction.id === second.interactionId)).toBe(false);
    expect((await agent.caller.get('/api/v1/routing/desk').expect(200)).body.interactions.map((i: InteractionSummary) => i.id)).toEqual([first.interactionId]);

    // Back online: the waiting one is offered at once.
    await agent.caller.put('/api/v1/presence/me').send({ status: 'online' }).expect(200);
    await agent.nextOffer((o) => o.interaction.id === second.interactionId, 2000);
    agent.stop();
    await ctx.admin.delete(`/api/v1/routing/rules/${rule.id}`).expect(204);
  });

  it('offers the oldest waiting interaction within two seconds of a close, never beyond capacity or the tab limit', async () => {
    const agent = await liveAgent(ctx.app, ctx.admin, { capacity: { chat: 2, email: 0 }, tabLimit: 2 });
    const queue = await queueWith(ctx.admin, [agent.id]);
    const url = site(3);
    const rule = await ruleTo(ctx.admin, `cap-${queue.id}`, [`${new URL(url).host}/*`], { queueId: queue.id });
    const made: Array<{ interactionId: string }> = [];
    for (let i = 0; i < 4; i++) made.push(await inbound(ctx.admin, { pageUrl: url }));
    const [a, b] = await Promise.all([0, 1].map((i) => agent.nextOffer((o) => o.interaction.id === made[i]?.interactionId)));
    await sleep(300);
    expect(agent.offers.filter((o) => made.some((m) => m.interactionId === o.interaction.id))).toHaveLength(2);
    const presence = (await agent.caller.get('/api/v1/presence/me').expect(200)).body as Presence;
    expect(presence).toMatchObject({ openTotal: 2, load: { chat: 2 } });

    await agent.caller.post(`/api/v1/offers/${a?.id}/accept`).expect(200);
    await agent.caller.post(`/api/v1/offers/${b?.id}/accept`).expect(200);
    const closedAt = Date.now();
    await agent.caller.post(`/api/v1/interactions/${made[0]?.interactionId}/close`).expect(204);
    const next = await agent.nextOffer((o) => o.interaction.id === made[2]?.interactionId, 2000);
    expect(Date.now() - closedAt).toBeLessThan(2000);
    expect(next.interaction.id).toBe(made[2]?.interactionId);
    agent.stop();
    await ctx.admin.delete(`/api/v1/routing/rules/${rule.id}`).expect(204);
  });

  it('moves an unanswered offer to the next agent within the timeout plus a second', async () => {
    const first = await liveAgent(ctx.app, ctx.admin);
    const second = await liveAgent(ctx.app, ctx.admin);
    const queue = await queueWith(ctx.admin, [first.id, second.id], { strategy: 'priority', offerTimeoutSeconds: 2 });
    await ctx.admin.patch(`/api/v1/queues/${queue.id}/members/${second.id}`).send({ priority: 2 }).expect(200);
    const url = site(4);
    const rule = await ruleTo(ctx.admin, `timeout-${queue.id}`, [`${new URL(url).host}/*`], { queueId: queue.id });
    const created = await inbound(ctx.admin, { pageUrl: url });
    const offered = await first.nextOffer((o) => o.interaction.id === created.interactionId);
    const ended = nextEvent<{ reason: string }>(first.socket, 'offer.ended', 4000);
    const moved = await second.nextOffer((o) => o.interaction.id === created.interactionId, 4000);
    const delay = Date.parse(offered.expiresAt) - Date.now();
    expect(delay).toBeLessThan(1000);
    expect((await ended).reason).toBe('timeout');
    expect(moved.interaction.id).toBe(created.interactionId);
    first.stop();
    second.stop();
    await ctx.admin.delete(`/api/v1/routing/rules/${rule.id}`).expect(204);
  });

  it('a supervisor sets an agent status (audited); channel switches follow the company setting', async () => {
    const agent = await liveAgent(ctx.app, ctx.admin);
    const changed = nextEvent<Presence>(agent.socket, 'presence.changed');
    await ctx.admin.put(`/api/v1/presence/${agent.id}`).send({ status: 'paused' }).expect(200);
    expect((await changed).status).toBe('paused');
    expect(await auditRows(ctx.admin, 'presence.set', agent.id)).toHaveLength(1);

    await agent.caller.put('/api/v1/presence/me/channels/email').send({ enabled: false }).expect(200);
    await ctx.admin.put('/api/v1/routing/settings').send({ agentsMayToggleChannels: false }).expect(200);
    const refused = await agent.caller.put('/api/v1/presence/me/channels/email').send({ enabled: true }).expect(403);
    expect(refused.body.details).toEqual([{ field: 'channel', messages: ['Locked by the company settings'] }]);
    await ctx.admin.put('/api/v1/routing/settings').send({ agentsMayToggleChannels: true }).expect(200);
    await agent.caller.put('/api/v1/presence/me/channels/nope').send({ enabled: true }).expect(400);
    await agent.caller.put('/api/v1/presence/me').send({ status: 'online', pauseReasonId: '00000000-0000-4000-8000-000000000000' }).expect(400);
    const events = (await ctx.admin.get(`/api/v1/presence/${agent.id}/events`).expect(200)).body;
    expect(events.items.map((e: { status: string }) => e.status)).toEqual(['paused', 'online']);
    agent.stop();
  });

  it('honours "login in pause"', async () => {
    const agent = await liveAgent(ctx.app, ctx.admin, { loginInPause: true });
    expect((await agent.caller.get('/api/v1/presence/me').expect(200)).body.status).toBe('paused');
    agent.stop();
  });
});

describe('reconciler', () => {
  // Its own schedule out of the way (it runs once at start-up): the test calls it.
  const ctx = useAppWithAdmin({ env: { ROUTING_TICK_MS: '100', ROUTING_RECONCILE_SECONDS: '86400' } });

  it('leaves true loads alone, including zero counts, and repairs a leaked or lost one from the reservations', async () => {
    const agents = [await liveAgent(ctx.app, ctx.admin), await liveAgent(ctx.app, ctx.admin)];
    const pages = await Promise.all(
      agents.map(async (agent, i) => {
        const queue = await queueWith(ctx.admin, [agent.id]);
        const url = site(100 + i);
        await ruleTo(ctx.admin, `r-${queue.id}`, [`${new URL(url).host}/*`], { queueId: queue.id });
        return url;
      }),
    );
    const take = async (i: number) => {
      const agent = agents[i] as (typeof agents)[0];
      const created = await inbound(ctx.admin, { pageUrl: pages[i] });
      const offer = await agent.nextOffer((o) => o.interaction.id === created.interactionId);
      await agent.caller.post(`/api/v1/offers/${offer.id}/accept`).expect(200);
      return created.interactionId;
    };
    const [first, second] = agents as [(typeof agents)[0], (typeof agents)[0]];
    await first.caller.post(`/api/v1/interactions/${await take(0)}/close`).expect(204);
    await take(1);
    const clock = ctx.app.app.get(RoutingClock);
    expect(await clock.reconcile()).toEqual([]);

    const db = ctx.app.app.get(DataSource);
    await db.query(`update routing_agents set total = 2, loads = '{"chat": 1, "email": 1}' where agent_id = $1`, [first.id]);
    await db.query(`update routing_agents set total = 0, loads = '{"chat": 0}' where agent_id = $1`, [second.id]);
    expect((await clock.reconcile()).sort()).toEqual([first.id, second.id].sort());
    const openTotal = async (agent: typeof first) => ((await agent.caller.get('/api/v1/presence/me').expect(200)).body as Presence).openTotal;
    expect([await openTotal(first), await openTotal(second)]).toEqual([0, 1]);
    expect(await clock.reconcile()).toEqual([]);
    agents.forEach((a) => a.stop());
  });
});
