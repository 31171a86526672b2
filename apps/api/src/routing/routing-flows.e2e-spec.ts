import type { Desk, InteractionSummary, Offer, OutboxMail, Page, Presence, Queue, SocketActionResult, TransferTargets } from '@switchboard/contracts';
import { connectAgent, eventually, inbound, liveAgent, sleep, type LiveAgent } from '../testing/routing-fixtures';
import { connectConsole, nextEvent } from '../testing/security-fixtures';
import { createAgent, createQueue, useAppWithAdmin, type Caller } from '../testing/staff-fixtures';

/** A queue with these members, reached by its own rule on its own host; answers the page address to use. */
async function routedQueue(admin: Caller, members: string[], settings: Partial<Queue> = {}): Promise<{ queue: Queue; url: string }> {
  const queue = await createQueue(admin);
  await admin.patch(`/api/v1/queues/${queue.id}`).send(settings).expect(200);
  for (const agentId of members) await admin.post(`/api/v1/queues/${queue.id}/members`).send({ agentId }).expect(201);
  const host = `q${queue.id.slice(0, 8)}.example.net`;
  await admin.post('/api/v1/routing/rules').send({ name: `to ${queue.name}`, patterns: [`${host}/*`], queueId: queue.id }).expect(201);
  return { queue, url: `https://${host}/page` };
}

const ack = <T>(agent: LiveAgent, event: string, payload: unknown) =>
  new Promise<SocketActionResult<T>>((resolve) => agent.socket.emit(event, payload, (result: SocketActionResult<T>) => resolve(result)));

describe('routing flows', () => {
  const ctx = useAppWithAdmin({ env: { ROUTING_TICK_MS: '100', PRESENCE_GRACE_SECONDS: '2' } });

  it('ring-all offers to every member; the first to accept takes it, the others see it taken', async () => {
    const [first, second, third] = [await liveAgent(ctx.app, ctx.admin), await liveAgent(ctx.app, ctx.admin), await liveAgent(ctx.app, ctx.admin)];
    const agents = [first, second, third];
    const { url } = await routedQueue(ctx.admin, agents.map((a) => a.id), { strategy: 'ring-all' });
    const created = await inbound(ctx.admin, { pageUrl: url });
    const [offer1, offer2] = await Promise.all(agents.map((a) => a.nextOffer((o) => o.interaction.id === created.interactionId)));
    const taken = [nextEvent<{ reason: string }>(second.socket, 'offer.ended'), nextEvent<{ reason: string }>(third.socket, 'offer.ended')];
    const result = await ack<InteractionSummary>(first, 'offer.accept', { offerId: offer1?.id });
    expect(result).toMatchObject({ ok: true, data: { id: created.interactionId, agentId: first.id } });
    expect((await Promise.all(taken)).map((e) => e.reason)).toEqual(['taken', 'taken']);
    await second.caller.post(`/api/v1/offers/${offer2?.id}/accept`).expect(409);
    for (const a of [second, third]) {
      const desk = (await a.caller.get('/api/v1/routing/desk').expect(200)).body as Desk;
      expect(desk.offers.map((o) => o.interaction.id)).not.toContain(created.interactionId);
      expect(((await a.caller.get('/api/v1/presence/me').expect(200)).body as Presence).openTotal).toBe(desk.offers.length + desk.interactions.length);
    }
    agents.forEach((a) => a.stop());
  });

  it('round-robin takes turns; fewest-interactions picks the least loaded', async () => {
    const agents = [await liveAgent(ctx.app, ctx.admin), await liveAgent(ctx.app, ctx.admin)];
    const rr = await routedQueue(ctx.admin, agents.map((a) => a.id), { strategy: 'round-robin' });
    const owners: string[] = [];
    for (let i = 0; i < 4; i++) {
      const created = await inbound(ctx.admin, { pageUrl: rr.url });
      const offer = await Promise.any(agents.map((a) => a.nextOffer((o) => o.interaction.id === created.interactionId, 3000).then(() => a.id)));
      owners.push(offer);
    }
    expect(owners[0]).not.toBe(owners[1]);
    expect(owners[2]).toBe(owners[0]);
    expect(owners[3]).toBe(owners[1]);
    agents.forEach((a) => a.stop());

    const busy = await liveAgent(ctx.app, ctx.admin);
    const idle = await liveAgent(ctx.app, ctx.admin);
    const fewest = await routedQueue(ctx.admin, [busy.id, idle.id], { strategy: 'fewest-interactions' });
    // Give "busy" two interactions first through a queue of their own.
    const own = await routedQueue(ctx.admin, [busy.id]);
    for (let i = 0; i < 2; i++) {
      const created = await inbound(ctx.admin, { pageUrl: own.url });
      await busy.nextOffer((o) => o.interaction.id === created.interactionId);
    }
    const next = await inbound(ctx.admin, { pageUrl: fewest.url });
    await idle.nextOffer((o) => o.interaction.id === next.interactionId);
    busy.stop();
    idle.stop();
  });

  it('priority tiers try high-priority members first', async () => {
    const low = await liveAgent(ctx.app, ctx.admin);
    const high = await liveAgent(ctx.app, ctx.admin);
    const { queue, url } = await routedQueue(ctx.admin, [low.id, high.id], { strategy: 'priority' });
    await ctx.admin.patch(`/api/v1/queues/${queue.id}/members/${low.id}`).send({ priority: 5 }).expect(200);
    for (let i = 0; i < 3; i++) {
      const created = await inbound(ctx.admin, { pageUrl: url });
      await high.nextOffer((o) => o.interaction.id === created.interactionId);
    }
    expect(low.offers.filter((o) => o.interaction.queueId === queue.id)).toEqual([]);
    low.stop();
    high.stop();
  });

  it('the tab limit counts across channels, and voice takes one call at a time', async () => {
    const agent = await liveAgent(ctx.app, ctx.admin, { capacity: { chat: 5, email: 5, voice: 0 }, tabLimit: 3 });
    const chat = await routedQueue(ctx.admin, [agent.id]);
    const email = await createQueue(ctx.admin, 'email');
    const voice = await createQueue(ctx.admin, 'voice');
    await ctx.admin.post(`/api/v1/queues/${email.id}/members`).send({ agentId: agent.id }).expect(201);
    await ctx.admin.post(`/api/v1/queues/${voice.id}/members`).send({ agentId: agent.id }).expect(201);
    // Voice: no queue rule, so calls go to all agents; capacity 0 (unlimited) still means one call.
    const calls = [await inbound(ctx.admin, { channel: 'voice' }), await inbound(ctx.admin, { channel: 'voice' })];
    await eventually(() => expect(agent.offers.filter((o) => o.interaction.channel === 'voice')).toHaveLength(1), 2000);
    const chats = [await inbound(ctx.admin, { pageUrl: chat.url }), await inbound(ctx.admin, { pageUrl: chat.url }), await inbound(ctx.admin, { pageUrl: chat.url })];
    await sleep(500);
    const mine = agent.offers.filter((o) => [...calls, ...chats].some((c) => c.interactionId === o.interaction.id));
    expect(mine).toHaveLength(3);
    const presence = (await agent.caller.get('/api/v1/presence/me').expect(200)).body as Presence;
    expect(presence.openTotal).toBe(3);
    expect(presence.load.voice).toBe(1);
    agent.stop();
  });

  it('transfers to a queue and to an agent; an agent without room refuses with 409', async () => {
    const from = await liveAgent(ctx.app, ctx.admin);
    const to = await liveAgent(ctx.app, ctx.admin, { capacity: { chat: 1 } });
    const { url } = await routedQueue(ctx.admin, [from.id]);
    const target = await routedQueue(ctx.admin, [to.id]);
    const a = await inbound(ctx.admin, { pageUrl: url });
    const b = await inbound(ctx.admin, { pageUrl: url });
    for (const created of [a, b]) {
      const offer = await from.nextOffer((o) => o.interaction.id === created.interactionId);
      await from.caller.post(`/api/v1/offers/${offer.id}/accept`).expect(200);
    }
    // The holder, an agent, may see where it can go: the channel's queues and the other online agents.
    const targets = (await from.caller.get(`/api/v1/interactions/${a.interactionId}/transfer-targets`).expect(200)).body as TransferTargets;
    expect(targets.queues.map((q) => q.id)).toEqual(expect.arrayContaining([target.queue.id]));
    expect(targets.agents.find((entry) => entry.agentId === to.id)).toMatchObject({ openTotal: 0, hasRoom: true });
    expect(targets.agents.some((entry) => entry.agentId === from.id)).toBe(false);
    await to.caller.get(`/api/v1/interactions/${a.interactionId}/transfer-targets`).expect(404);
    const told = nextEvent<{ interactionId: string }>(from.socket, 'interaction.transferred');
    await from.caller.post(`/api/v1/interactions/${a.interactionId}/transfer`).send({ queueId: target.queue.id }).expect(204);
    expect((await told).interactionId).toBe(a.interactionId);
    const moved = await to.nextOffer((o) => o.interaction.id === a.interactionId);
    expect(moved.interaction.queueId).toBe(target.queue.id);
    await to.caller.post(`/api/v1/offers/${moved.id}/accept`).expect(200);
    // "to" is full now (chat capacity 1): the targets say so, a transfer to them is refused and nothing changes.
    const full = (await from.caller.get(`/api/v1/interactions/${b.interactionId}/transfer-targets`).expect(200)).body as TransferTargets;
    expect(full.agents.find((entry) => entry.agentId === to.id)).toMatchObject({ openTotal: 1, hasRoom: false });
    const refused = await from.caller.post(`/api/v1/interactions/${b.interactionId}/transfer`).send({ agentId: to.id }).expect(409);
    expect(refused.body.details).toEqual([{ field: 'agentId', messages: ['No room'] }]);
    expect((await from.caller.get('/api/v1/routing/desk').expect(200)).body.interactions.map((i: InteractionSummary) => i.id)).toEqual([b.interactionId]);
    await from.caller.post(`/api/v1/interactions/${b.interactionId}/transfer`).send({}).expect(400);
    await to.caller.post(`/api/v1/interactions/${a.interactionId}/close`).expect(204);
    await from.caller.post(`/api/v1/interactions/${b.interactionId}/transfer`).send({ agentId: to.id }).expect(204);
    await to.nextOffer((o) => o.interaction.id === b.interactionId);
    from.stop();
    to.stop();
  });

  it('a contact who leaves abandons a waiting interaction and ends an offer', async () => {
    const agent = await liveAgent(ctx.app, ctx.admin);
    const { url } = await routedQueue(ctx.admin, [agent.id], { offerTimeoutSeconds: 60 });
    const created = await inbound(ctx.admin, { pageUrl: url });
    await agent.nextOffer((o) => o.interaction.id === created.interactionId);
    const ended = nextEvent<{ reason: string }>(agent.socket, 'offer.ended');
    await ctx.admin.post(`/api/v1/interactions/${created.interactionId}/abandon`).expect(204);
    expect((await ended).reason).toBe('abandoned');
    // The hold is gone (the agent may meanwhile get other waiting work: load = what the desk shows).
    const desk = (await agent.caller.get('/api/v1/routing/desk').expect(200)).body as Desk;
    expect([...desk.offers.map((o) => o.interaction.id), ...desk.interactions.map((i) => i.id)]).not.toContain(created.interactionId);
    const presence = (await agent.caller.get('/api/v1/presence/me').expect(200)).body as Presence;
    expect(presence.openTotal).toBe(desk.offers.length + desk.interactions.length);
    agent.stop();
  });

  it('overflows to another queue after the maximum wait', async () => {
    const spare = await liveAgent(ctx.app, ctx.admin);
    const overflowQueue = await createQueue(ctx.admin);
    await ctx.admin.post(`/api/v1/queues/${overflowQueue.id}/members`).send({ agentId: spare.id }).expect(201);
    const nobody = await routedQueue(ctx.admin, [], { maxWaitSeconds: 1, overflowAction: 'queue', overflowQueueId: overflowQueue.id });
    const created = await inbound(ctx.admin, { pageUrl: nobody.url });
    const offer = await spare.nextOffer((o) => o.interaction.id === created.interactionId, 3000);
    expect(offer.interaction.queueId).toBe(overflowQueue.id);
    const bad = await ctx.admin.patch(`/api/v1/queues/${nobody.queue.id}`).send({ overflowQueueId: nobody.queue.id }).expect(400);
    expect(bad.body.details[0].field).toBe('overflowQueueId');
    spare.stop();
  });

  it('stores an offline message and mails it to the chosen operators', async () => {
    const first = await createAgent(ctx.admin);
    const second = await createAgent(ctx.admin);
    await ctx.admin.put('/api/v1/routing/offline-recipients').send({ agentIds: [first.id, second.id] }).expect(200);
    const body = `Please call me back ${Date.now()}`;
    await ctx.admin.post('/api/v1/interactions/offline-messages').send({ channel: 'chat', accountId: 'site-1', name: 'Eva', email: 'eva@example.org', body }).expect(201);
    const outbox = (await ctx.admin.get(`/api/v1/mail/outbox?q=${encodeURIComponent('Offline message')}&pageSize=50`).expect(200)).body as Page<OutboxMail>;
    const mailed = outbox.items.filter((m) => m.text.includes(body)).map((m) => m.to).sort();
    expect(mailed).toEqual([first.email, second.email].sort());
    const stored = (await ctx.admin.get('/api/v1/routing/offline-messages').expect(200)).body as Page<{ body: string; recipients: string[] }>;
    expect(stored.items.find((m) => m.body === body)?.recipients.sort()).toEqual([first.username, second.username].sort());
    await ctx.admin.put('/api/v1/routing/offline-recipients').send({ agentIds: ['not-an-id'] }).expect(400);
  });

  it('socket actions refuse malformed requests without harm', async () => {
    const agent = await liveAgent(ctx.app, ctx.admin);
    expect(await ack(agent, 'offer.accept', { offerId: 42 })).toMatchObject({ ok: false, error: { statusCode: 400 } });
    expect(await ack(agent, 'offer.accept', { offerId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { statusCode: 409 } });
    expect(await ack(agent, 'presence.set', { status: 'dancing' })).toMatchObject({ ok: false, error: { statusCode: 400 } });
    expect(await ack(agent, 'presence.set', { status: 'paused' })).toMatchObject({ ok: true, data: { status: 'paused' } });
    agent.stop();
  });


  it("a socket's own accept and close come back as acknowledgements; the agent's other consoles get the notices", async () => {
    const agent = await createAgent(ctx.admin);
    const acting = await connectAgent(ctx.app, agent);
    // A second console of the same agent (already online: no presence change to wait for).
    const other = { socket: connectConsole(ctx.app, await ctx.app.login(agent.username, agent.password)), stop: () => other.socket.disconnect() };
    await nextEvent(other.socket, 'session.ready');
    const { queue, url } = await routedQueue(ctx.admin, [agent.id]);
    // The new agent is also offered any unrouted chat an earlier test left waiting: wait for this queue's.
    const otherOffer = nextEvent<Offer>(other.socket, 'offer.new', 5000, (o) => o.interaction.queueId === queue.id);
    const created = await inbound(ctx.admin, { pageUrl: url });
    const offer = await acting.nextOffer((o) => o.interaction.id === created.interactionId);
    expect(await otherOffer).toMatchObject({ id: offer.id });
    const seenAccepted = nextEvent<{ offerId: string }>(other.socket, 'offer.accepted');
    expect(await ack(acting, 'offer.accept', { offerId: offer.id })).toMatchObject({ ok: true, data: { id: created.interactionId, status: 'active' } });
    expect(await seenAccepted).toMatchObject({ offerId: offer.id });
    const seenClosed = nextEvent<{ interactionId: string }>(other.socket, 'interaction.closed');
    expect(await ack(acting, 'interaction.close', { interactionId: created.interactionId })).toEqual({ ok: true, data: null });
    expect(await seenClosed).toMatchObject({ interactionId: created.interactionId });
    // Both notices reached the other console before this point; the acting one never got them.
    expect(acting.events.map((e) => e.event)).not.toContain('offer.accepted');
    expect(acting.events.map((e) => e.event)).not.toContain('interaction.closed');
    [acting, other].forEach((a) => a.stop());
  });
  it('an agent whose consoles are gone past the grace period goes offline, and their offer moves on', async () => {
    const leaving = await createAgent(ctx.admin);
    const staying = await liveAgent(ctx.app, ctx.admin);
    const live = await connectAgent(ctx.app, leaving);
    const { queue, url } = await routedQueue(ctx.admin, [leaving.id, staying.id], { strategy: 'priority', offerTimeoutSeconds: 120 });
    await ctx.admin.patch(`/api/v1/queues/${queue.id}/members/${staying.id}`).send({ priority: 2 }).expect(200);
    const created = await inbound(ctx.admin, { pageUrl: url });
    await live.nextOffer((o) => o.interaction.id === created.interactionId);
    live.stop();
    await staying.nextOffer((o) => o.interaction.id === created.interactionId, 8000);
    await eventually(async () => expect((await ctx.admin.get(`/api/v1/presence/${leaving.id}`).expect(200)).body.status).toBe('offline'));
    staying.stop();
  });
});
