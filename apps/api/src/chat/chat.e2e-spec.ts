import type { ChatConversation, ChatMessage, InteractionMessage, OutboxMail, Page, Site, SocketActionResult, Transcript } from '@switchboard/contracts';
import { connectVisitor, refusedCode, type Visitor } from '../testing/chat-fixtures';
import { eventually, liveAgent, type LiveAgent } from '../testing/routing-fixtures';
import { createAgent, useAppWithAdmin } from '../testing/staff-fixtures';

const ORIGIN = 'https://shop.example.com';
const XSS = '<img src=x onerror=alert(1)>';

type Sent = ChatMessage & { interactionId: string };

describe('web chat: the visitor socket', () => {
  const ctx = useAppWithAdmin({ env: { ROUTING_TICK_MS: '100' } });
  let n = 0;

  async function site(agentIds: string[], extra: Record<string, unknown> = {}): Promise<Site> {
    const { body } = await ctx.admin
      .post('/api/v1/sites')
      .send({ name: `Shop ${++n} ${Date.now()}`, url: `${ORIGIN}/`, agents: agentIds.map((agentId) => ({ agentId, priority: 1 })), ...extra })
      .expect(201);
    return body as Site;
  }

  const agentAck = <T>(agent: LiveAgent, event: string, payload: unknown) => agent.socket.timeout(5000).emitWithAck(event, payload) as Promise<SocketActionResult<T>>;
  const agentEvent = <T>(agent: LiveAgent, event: string, match: (payload: T) => boolean) =>
    eventually(() => expect(agent.events.some((e) => e.event === event && match(e.payload as T))).toBe(true)).then(
      () => agent.events.find((e) => e.event === event && match(e.payload as T))?.payload as T,
    );

  it('refuses an unknown key and a page of another origin', async () => {
    const shop = await site([]);
    expect(await refusedCode(ctx.app, 'no-such-key', { origin: ORIGIN })).toBe('NOT_FOUND');
    expect(await refusedCode(ctx.app, shop.siteKey, { origin: 'https://evil.example.net' })).toBe('FORBIDDEN');
    const visitor = await connectVisitor(ctx.app, shop.siteKey, { origin: ORIGIN });
    expect(visitor.ready).toMatchObject({ site: { name: shop.name, online: false }, conversation: null });
    expect(visitor.ready.visitorToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(visitor.ready.site.layoutHtml.cs).toContain('data-sb-slot="conversation"');
    visitor.stop();
  });

  it('carries a chat from the pre-chat form to the agent and back, with typing, read and the end, rating and transcript', async () => {
    const agent = await liveAgent(ctx.app, ctx.admin);
    const shop = await site([agent.id]);
    const visitor = await connectVisitor(ctx.app, shop.siteKey, { origin: ORIGIN, pageUrl: `${ORIGIN}/cart` });
    expect(visitor.ready.site.online).toBe(true);

    // The site's form asks for a name: without it nothing is stored.
    expect(await visitor.request('chat.message', { clientId: 'c1', body: 'Hello?', fields: { email: 'eva@example.org' } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', field: 'fields.name' },
    });
    // Without the form a message only continues an open chat: there is none.
    expect(await visitor.request('chat.message', { clientId: 'c1', body: 'Hello?' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const first = await visitor.request<Sent>('chat.message', { clientId: 'c1', body: XSS, fields: { name: XSS, email: 'eva@example.org' } });
    expect(first).toMatchObject({ ok: true, data: { clientId: 'c1', from: 'visitor', body: XSS, authorName: XSS } });
    const interactionId = (first as { data: Sent }).data.interactionId;

    const offer = await agent.nextOffer((o) => o.interaction.id === interactionId);
    expect(offer.interaction).toMatchObject({ siteId: shop.id, contactName: XSS, contactFields: { name: XSS, email: 'eva@example.org' } });
    expect(await agentAck(agent, 'offer.accept', { offerId: offer.id })).toMatchObject({ ok: true });
    expect(await visitor.next<{ state: string; agentName: string }>('chat.state', (s) => s.state === 'active')).toMatchObject({ interactionId });

    // Messages both ways; the agent's offered history holds the first one.
    const history = (await agent.caller.get(`/api/v1/interactions/${interactionId}/messages`).expect(200)).body as InteractionMessage[];
    expect(history.map((m) => m.body)).toEqual([XSS]);
    const reply = await agentAck<InteractionMessage>(agent, 'interaction.send', { interactionId, clientId: 'a1', body: 'Hello, how can I help?' });
    expect(reply).toMatchObject({ ok: true, data: { direction: 'out', body: 'Hello, how can I help?', delivery: 'pending' } });
    const replyId = (reply as { data: InteractionMessage }).data.id;
    expect(await visitor.next<Sent>('chat.message', (m) => m.id === replyId)).toMatchObject({ from: 'agent', interactionId });
    await agentEvent<{ messageId: string; delivery: string }>(agent, 'interaction.delivery', (d) => d.messageId === replyId && d.delivery === 'sent');
    // The same client id again (a console retry) stores and sends nothing new.
    expect(await agentAck<InteractionMessage>(agent, 'interaction.send', { interactionId, clientId: 'a1', body: 'Hello, how can I help?' })).toMatchObject({ ok: true, data: { id: replyId } });

    await visitor.request('chat.message', { clientId: 'c2', body: 'My order is late' });
    await agentEvent<{ message: InteractionMessage }>(agent, 'interaction.message', (m) => m.message.body === 'My order is late');
    visitor.socket.emit('chat.typing', { typing: true });
    await agentEvent<{ interactionId: string; typing: boolean }>(agent, 'interaction.typing', (t) => t.interactionId === interactionId && t.typing);
    agent.socket.emit('interaction.typing', { interactionId, typing: true });
    await visitor.next<{ typing: boolean }>('chat.typing', (t) => t.typing);
    agent.socket.emit('interaction.read', { interactionId, upTo: (first as { data: Sent }).data.id });
    await visitor.next('chat.read');

    // The agent closes: the visitor is told, rates once, and has the transcript mailed.
    expect(await agentAck(agent, 'interaction.close', { interactionId })).toMatchObject({ ok: true });
    await visitor.next<{ state: string }>('chat.state', (s) => s.state === 'ended');
    expect(await visitor.request('chat.rate', { interactionId, rating: 9 })).toMatchObject({ ok: false, error: { field: 'rating' } });
    expect(await visitor.request('chat.rate', { interactionId, rating: 5, comment: 'Quick' })).toEqual({ ok: true, data: null });
    expect(await visitor.request('chat.rate', { interactionId, rating: 1 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await visitor.request('chat.transcript', { interactionId, email: 'eva@example.org' })).toEqual({ ok: true, data: null });
    const mails = (await ctx.admin.get('/api/v1/mail/outbox?q=eva%40example.org').expect(200)).body as Page<OutboxMail>;
    expect(mails.items.find((m) => m.subject === 'Your chat transcript')?.text).toContain('My order is late');

    // History keeps the transcript with authors and the text as written.
    const transcript = (await ctx.admin.get(`/api/v1/interactions/${interactionId}`).expect(200)).body as Transcript;
    expect(transcript.messages.map((m) => [m.direction, m.body])).toEqual([
      ['in', XSS],
      ['out', 'Hello, how can I help?'],
      ['in', 'My order is late'],
    ]);
    expect(transcript.messages[1]).toMatchObject({ authorName: expect.any(String), delivery: 'sent' });
    expect(transcript.rating).toEqual({ value: 5, comment: 'Quick' });
    visitor.stop();
    agent.stop();
  });

  it('resumes after a reconnect: the stored conversation once, a resent message not stored twice', async () => {
    const agent = await liveAgent(ctx.app, ctx.admin);
    const shop = await site([agent.id]);
    const first = await connectVisitor(ctx.app, shop.siteKey, { origin: ORIGIN });
    const token = first.ready.visitorToken;
    const sent = (await first.request<Sent>('chat.message', { clientId: 'r1', body: 'one', fields: { name: 'Eva' } })) as { data: Sent };
    first.stop();

    // A new page of the same visitor: the conversation comes with the handshake.
    const again = await connectVisitor(ctx.app, shop.siteKey, { origin: ORIGIN, visitorToken: token });
    expect(again.ready.visitorToken).toBe(token);
    expect(again.ready.conversation).toMatchObject({ interactionId: sent.data.interactionId, state: 'waiting', messages: [{ clientId: 'r1', body: 'one' }] });
    // The widget resends what it never saw acknowledged: same id, nothing new.
    const resent = await again.request<Sent>('chat.message', { clientId: 'r1', body: 'one' });
    expect(resent).toMatchObject({ ok: true, data: { id: sent.data.id } });
    const synced = (await again.request<ChatConversation>('chat.sync')) as { data: ChatConversation };
    expect(synced.data.messages.map((m) => m.clientId)).toEqual(['r1']);

    // Another visitor cannot read, rate or end it.
    const stranger = await connectVisitor(ctx.app, shop.siteKey, { origin: ORIGIN });
    expect(stranger.ready.conversation).toBeNull();
    expect(await stranger.request('chat.transcript', { interactionId: sent.data.interactionId, email: 'x@example.org' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await stranger.request('chat.end')).toEqual({ ok: true, data: null });
    expect((await again.request<ChatConversation>('chat.sync')) as { data: ChatConversation }).toMatchObject({ data: { interactionId: sent.data.interactionId } });

    // The visitor ends it: abandoned while waiting.
    expect(await again.request('chat.end')).toEqual({ ok: true, data: null });
    expect(await again.request('chat.sync')).toEqual({ ok: true, data: null });
    [again, stranger].forEach((v) => v.stop());
    agent.stop();
  });

  it('refuses malformed requests without harm, and outside business hours leaves offline messages for the chosen recipients', async () => {
    const recipient = await createAgent(ctx.admin);
    // Agents of other tests are online; the site's hours (closed every day) make it offline.
    const closed = { timezone: 'Europe/Prague', days: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } };
    const shop = await site([], { offlineRecipientIds: [recipient.id], businessHours: closed });
    const visitor: Visitor = await connectVisitor(ctx.app, shop.siteKey, { origin: ORIGIN });
    expect(visitor.ready.site.online).toBe(false);
    expect(await visitor.request('chat.message', { clientId: 'x', body: 42 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'body' } });
    expect(await visitor.request('chat.message', { clientId: 'x', body: 'y'.repeat(4001), fields: { name: 'A' } })).toMatchObject({ ok: false, error: { field: 'body' } });
    expect(await visitor.request('chat.message', 'not an object')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await visitor.request('chat.rate', { interactionId: 'x', rating: 5, extra: true })).toMatchObject({ ok: false });
    visitor.socket.emit('no.such.event', { a: 1 });
    expect(await visitor.request('chat.sync')).toEqual({ ok: true, data: null });

    const body = `Call me back ${Date.now()}`;
    expect(await visitor.request('chat.offline', { fields: { email: 'not-mail', name: 'Eva' }, body })).toMatchObject({ ok: false, error: { field: 'fields.email' } });
    expect(await visitor.request('chat.offline', { fields: { name: 'Eva', email: 'eva@example.org' }, body })).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    const mails = (await ctx.admin.get(`/api/v1/mail/outbox?q=${encodeURIComponent(recipient.email)}`).expect(200)).body as Page<OutboxMail>;
    expect(mails.items.some((m) => m.text.includes(body))).toBe(true);
    visitor.stop();
  });

  it('serves the widget script to any page', async () => {
    const response = await ctx.app.http.get('/widget.js').expect(200);
    expect(response.headers['content-type']).toContain('javascript');
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });
});
