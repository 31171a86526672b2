import type { ChatMessage, InteractionMessage, Site, SocketActionResult } from '@switchboard/contracts';
import { createTestDatabaseLocation } from '@switchboard/db/testing';
import { randomUUID } from 'node:crypto';
import { connectVisitor } from '../testing/chat-fixtures';
import { eventually, liveAgent } from '../testing/routing-fixtures';
import { as } from '../testing/staff-fixtures';
import { createTestApp } from '../testing/test-app';

// Server-mode spec: the visitor on one API node, the agent on another, one PostgreSQL and one Redis.
if (!process.env['DATABASE_URL'] || !process.env['REDIS_URL']) throw new Error('chat-two-nodes.server-spec needs DATABASE_URL and REDIS_URL');

type Sent = ChatMessage & { interactionId: string };

describe('web chat across two API nodes', () => {
  it('carries messages, typing and the end between a visitor on node A and an agent on node B', async () => {
    const location = await createTestDatabaseLocation();
    const env = { REDIS_KEY_PREFIX: `sbtest-${randomUUID().slice(0, 8)}`, ROUTING_TICK_MS: '100' };
    const [nodeA, nodeB] = await Promise.all([createTestApp({ location, env }), createTestApp({ location, env })]);
    try {
      const admin = as(nodeB, await nodeB.login());
      const agent = await liveAgent(nodeB, admin);
      const origin = 'https://two-nodes.example.com';
      const site = (await admin.post('/api/v1/sites').send({ name: 'Two nodes', url: origin, agents: [{ agentId: agent.id, priority: 1 }] }).expect(201)).body as Site;
      const visitor = await connectVisitor(nodeA, site.siteKey, { origin });
      expect(visitor.ready.site.online).toBe(true);

      const opened = (await visitor.request<Sent>('chat.message', { clientId: 'n1', body: 'From node A', fields: { name: 'Eva' } })) as { data: Sent };
      const interactionId = opened.data.interactionId;
      const offer = await agent.nextOffer((o) => o.interaction.id === interactionId);
      const ack = (event: string, payload: unknown) => agent.socket.timeout(5000).emitWithAck(event, payload) as Promise<SocketActionResult<unknown>>;
      expect(await ack('offer.accept', { offerId: offer.id })).toMatchObject({ ok: true });
      await visitor.next<{ state: string }>('chat.state', (s) => s.state === 'active');

      const reply = (await ack('interaction.send', { interactionId, clientId: 'b1', body: 'From node B' })) as { data: InteractionMessage };
      expect(await visitor.next<Sent>('chat.message', (m) => m.id === reply.data.id)).toMatchObject({ body: 'From node B', from: 'agent' });
      await visitor.request('chat.message', { clientId: 'n2', body: 'Again from A' });
      await eventually(() => expect(agent.events.some((e) => e.event === 'interaction.message' && (e.payload as { message: InteractionMessage }).message.body === 'Again from A')).toBe(true));
      agent.socket.emit('interaction.typing', { interactionId, typing: true });
      await visitor.next<{ typing: boolean }>('chat.typing', (t) => t.typing);

      expect(await ack('interaction.close', { interactionId })).toMatchObject({ ok: true });
      await visitor.next<{ state: string }>('chat.state', (s) => s.state === 'ended');
      visitor.stop();
      agent.stop();
    } finally {
      await Promise.all([nodeA.stop(), nodeB.stop()]);
      await location.dispose();
    }
  });
});
