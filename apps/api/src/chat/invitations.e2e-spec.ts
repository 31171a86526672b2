import type { ChatConversation, ChatInvite, ChatMessage, Invitation, InvitationSite, OnlineVisitor, Page, Site, SiteIdentitySecret } from '@switchboard/contracts';
import { createHmac } from 'node:crypto';
import request from 'supertest';
import { connectVisitor, refusedCode } from '../testing/chat-fixtures';
import { eventually, liveAgent, sleep } from '../testing/routing-fixtures';
import { useAppWithAdmin } from '../testing/staff-fixtures';

const ORIGIN = 'https://shop.example.com';
type Sent = ChatMessage & { interactionId: string };
const sign = (secret: string, id: string) => createHmac('sha256', secret).update(id).digest('hex');
const codeOf = (invitation: Invitation) => invitation.url.split('/').pop() as string;

describe('web chat: invitations, signed visitors and visitor tracking', () => {
  const ctx = useAppWithAdmin({ env: { ROUTING_TICK_MS: '100' } });
  let n = 0;

  async function site(agentIds: string[]): Promise<Site> {
    const { body } = await ctx.admin
      .post('/api/v1/sites')
      .send({ name: `Invite shop ${++n} ${Date.now()}`, url: `${ORIGIN}/`, agents: agentIds.map((agentId) => ({ agentId, priority: 1 })) })
      .expect(201);
    return body as Site;
  }

  it('routes a one-chat invitation to its agent alone, once; a REST one serves many until invalidated', async () => {
    const inviter = await liveAgent(ctx.app, ctx.admin);
    const siteAgent = await liveAgent(ctx.app, ctx.admin);
    // The site's own agent is online too: the invitation's chat must still go to the inviter.
    const shop = await site([siteAgent.id]);

    expect(((await inviter.caller.get('/api/v1/invitations/sites').expect(200)).body as InvitationSite[]).some((s) => s.id === shop.id)).toBe(true);
    const bad = await inviter.caller.post('/api/v1/invitations').send({ siteId: 'not-a-site' }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('siteId');
    const once = (await inviter.caller.post('/api/v1/invitations').send({ siteId: shop.id, reusable: false }).expect(201)).body as Invitation;
    expect(once).toMatchObject({ siteId: shop.id, siteName: shop.name, agentId: inviter.id, reusable: false, uses: 0, valid: true, invalidatedAt: null });
    expect(once.url).toMatch(/\/chat\/invite\/[A-Za-z0-9_-]{22}$/);

    // The link is a page with the site's chat box carrying the code.
    const page = await request(ctx.app.url).get(new URL(once.url).pathname).expect(200);
    expect(page.text).toContain(`data-site-key="${shop.siteKey}"`);
    expect(page.text).toContain(`data-invitation="${codeOf(once)}"`);
    await request(ctx.app.url).get('/chat/invite/AAAAAAAAAAAAAAAAAAAAAA').expect(404);

    const visitor = await connectVisitor(ctx.app, shop.siteKey, { origin: ORIGIN, invitation: codeOf(once) });
    expect(visitor.ready.site).toMatchObject({ online: true, invitation: { agentName: expect.any(String) } });
    const opened = await visitor.request<Sent>('chat.message', { clientId: 'i1', body: 'You sent me a link', fields: { name: 'Ivo' }, invitation: codeOf(once) });
    expect(opened).toMatchObject({ ok: true });
    const interactionId = (opened as { data: Sent }).data.interactionId;
    await inviter.nextOffer((o) => o.interaction.id === interactionId);
    // A resend of the opening message (a lost acknowledgement) neither spends nor fails.
    expect(await visitor.request<Sent>('chat.message', { clientId: 'i1', body: 'You sent me a link', fields: { name: 'Ivo' }, invitation: codeOf(once) })).toMatchObject({ ok: true, data: { interactionId } });
    await sleep(300);
    expect(siteAgent.offers.some((o) => o.interaction.id === interactionId)).toBe(false);

    // Spent: another visitor with the same code is refused and nothing is stored; the page says so.
    const late = await connectVisitor(ctx.app, shop.siteKey, { origin: ORIGIN, invitation: codeOf(once) });
    expect(late.ready.site.invitation).toBeNull();
    expect(await late.request('chat.message', { clientId: 'l1', body: 'Me too', fields: { name: 'Late' }, invitation: codeOf(once) })).toMatchObject({
      ok: false,
      error: { code: 'INVITATION_INVALID' },
    });
    expect(await late.request('chat.sync')).toEqual({ ok: true, data: null });
    await request(ctx.app.url).get(new URL(once.url).pathname).expect(410);
    const mine = (await inviter.caller.get('/api/v1/invitations').expect(200)).body as Page<Invitation>;
    expect(mine.items.find((i) => i.id === once.id)).toMatchObject({ uses: 1, valid: false });

    // Through the REST API an invitation serves any number of chats, until invalidated (by its agent or a supervisor only).
    const many = (await inviter.caller.post('/api/v1/invitations').send({ siteId: shop.id }).expect(201)).body as Invitation;
    expect(many.reusable).toBe(true);
    for (const name of ['Ann', 'Bob']) {
      const v = await connectVisitor(ctx.app, shop.siteKey, { origin: ORIGIN, invitation: codeOf(many) });
      const sent = (await v.request<Sent>('chat.message', { clientId: `m-${name}`, body: 'Hi', fields: { name }, invitation: codeOf(many) })) as { data: Sent };
      await inviter.nextOffer((o) => o.interaction.id === sent.data.interactionId);
      v.stop();
    }
    await siteAgent.caller.post(`/api/v1/invitations/${many.id}/invalidate`).expect(404);
    const invalidated = (await inviter.caller.post(`/api/v1/invitations/${many.id}/invalidate`).expect(200)).body as Invitation;
    expect(invalidated).toMatchObject({ uses: 2, valid: false, invalidatedAt: expect.any(String) });
    const third = await connectVisitor(ctx.app, shop.siteKey, { origin: ORIGIN, invitation: codeOf(many) });
    expect(await third.request('chat.message', { clientId: 'm-3', body: 'Hi', fields: { name: 'Cyd' }, invitation: codeOf(many) })).toMatchObject({ ok: false, error: { code: 'INVITATION_INVALID' } });
    // Only what is still valid, when asked; the admin sees everyone's.
    const valid = (await inviter.caller.get('/api/v1/invitations?valid=true').expect(200)).body as Page<Invitation>;
    expect(valid.items.map((i) => i.id)).not.toContain(many.id);
    const all = (await ctx.admin.get(`/api/v1/invitations?agentId=${inviter.id}`).expect(200)).body as Page<Invitation>;
    expect(all.items.map((i) => i.id)).toEqual(expect.arrayContaining([once.id, many.id]));
    expect(((await siteAgent.caller.get(`/api/v1/invitations?agentId=${inviter.id}`).expect(200)).body as Page<Invitation>).items).toEqual([]);
    [visitor, late, third].forEach((v) => v.stop());
    [inviter, siteAgent].forEach((a) => a.stop());
  });

  it('spends a one-chat code once when two visitors race for it; a declined invitation chat goes along the site route', async () => {
    const inviter = await liveAgent(ctx.app, ctx.admin);
    const siteAgent = await liveAgent(ctx.app, ctx.admin);
    const shop = await site([siteAgent.id]);
    const once = (await inviter.caller.post('/api/v1/invitations').send({ siteId: shop.id, reusable: false }).expect(201)).body as Invitation;
    const [a, b] = await Promise.all([0, 1].map(() => connectVisitor(ctx.app, shop.siteKey, { origin: ORIGIN, invitation: codeOf(once) })));
    const answers = await Promise.all(
      [a, b].map((v, i) => (v as NonNullable<typeof a>).request<Sent>('chat.message', { clientId: `race-${i}`, body: 'Me first', fields: { name: `Racer ${i}` }, invitation: codeOf(once) })),
    );
    expect(answers.filter((r) => r.ok)).toHaveLength(1);
    expect(answers.filter((r) => !r.ok)).toEqual([{ ok: false, error: expect.objectContaining({ code: 'INVITATION_INVALID' }) }]);
    const won = (answers.find((r) => r.ok) as { data: Sent }).data;

    // The inviter declines: the chat is no longer held for them, and the site's agent is offered it.
    const offer = await inviter.nextOffer((o) => o.interaction.id === won.interactionId);
    expect(siteAgent.offers.some((o) => o.interaction.id === won.interactionId)).toBe(false);
    await inviter.caller.post(`/api/v1/offers/${offer.id}/reject`).expect(204);
    await siteAgent.nextOffer((o) => o.interaction.id === won.interactionId);
    [a, b].forEach((v) => v?.stop());
    [inviter, siteAgent].forEach((x) => x.stop());
  });

  it('lets a signed visitor resume their chat on another browser; an unsigned claim reaches nothing; a forged one is refused', async () => {
    const agent = await liveAgent(ctx.app, ctx.admin);
    const shop = await site([agent.id]);
    // Like any secret, it is in no response but the one that makes it.
    expect(JSON.stringify(shop)).not.toMatch(/secret/i);
    expect(JSON.stringify((await ctx.admin.get(`/api/v1/sites/${shop.id}`).expect(200)).body)).not.toMatch(/secret/i);
    const { identitySecret } = (await ctx.admin.post(`/api/v1/sites/${shop.id}/identity-secret`).expect(200)).body as SiteIdentitySecret;
    expect(identitySecret).toMatch(/^[0-9a-f]{64}$/);
    await sleep(2100); // The chat reads sites through a 2 s cache.
    const id = `customer-${Date.now()}`;
    const identity = { id, name: 'Signed Sue', signature: sign(identitySecret, id) };

    const laptop = await connectVisitor(ctx.app, shop.siteKey, { origin: ORIGIN, identity });
    const sent = (await laptop.request<Sent>('chat.message', { clientId: 's1', body: 'From my laptop', fields: { name: 'Sue' } })) as { data: Sent };
    const offer = await agent.nextOffer((o) => o.interaction.id === sent.data.interactionId);
    expect(offer.interaction.contactAddress).toBe(`user:${identity.id}`);

    // Another browser (another token), the same signed identity: the same conversation.
    const phone = await connectVisitor(ctx.app, shop.siteKey, { origin: ORIGIN, identity });
    expect(phone.ready.visitorToken).not.toBe(laptop.ready.visitorToken);
    expect(phone.ready.conversation).toMatchObject({ interactionId: sent.data.interactionId, messages: [{ body: 'From my laptop' }] });

    // The same id without a signature is an anonymous visitor: nobody's conversation.
    const claimer = await connectVisitor(ctx.app, shop.siteKey, { origin: ORIGIN, identity: { id: identity.id } });
    expect(claimer.ready.conversation).toBeNull();
    expect(await claimer.request<ChatConversation | null>('chat.sync')).toEqual({ ok: true, data: null });
    expect(await refusedCode(ctx.app, shop.siteKey, { origin: ORIGIN, identity: { id: identity.id, signature: sign('another secret', identity.id) } })).toBe('FORBIDDEN');
    expect(await refusedCode(ctx.app, shop.siteKey, { origin: ORIGIN, identity: { id: identity.id, signature: 'not hex' } })).toBe('FORBIDDEN');

    // A renewed secret: signatures made with the old one stop working (within the site cache's time).
    const renewed = (await ctx.admin.post(`/api/v1/sites/${shop.id}/identity-secret`).expect(200)).body as SiteIdentitySecret;
    expect(renewed.identitySecret).not.toBe(identitySecret);
    await eventually(async () => expect(await refusedCode(ctx.app, shop.siteKey, { origin: ORIGIN, identity })).toBe('FORBIDDEN'), 8000);
    [laptop, phone, claimer].forEach((v) => v.stop());
    agent.stop();
  });

  it('lists browsing visitors with their pages and invites one proactively to chat with the agent', async () => {
    const agent = await liveAgent(ctx.app, ctx.admin);
    const other = await liveAgent(ctx.app, ctx.admin);
    const shop = await site([other.id]);
    const startedAt = new Date(Date.now() - 60_000).toISOString();
    const visit = {
      startedAt,
      referrer: 'https://search.example.net/?q=shoes',
      pages: [
        { url: `${ORIGIN}/`, title: 'Home', at: startedAt },
        { url: `${ORIGIN}/shoes`, title: '<b>Shoes</b>', at: new Date().toISOString() },
        { url: 'javascript:alert(1)', title: 'bad', at: startedAt },
      ],
    };
    const tab1 = await connectVisitor(ctx.app, shop.siteKey, { origin: ORIGIN, pageUrl: `${ORIGIN}/shoes`, visit });
    const tab2 = await connectVisitor(ctx.app, shop.siteKey, { origin: ORIGIN, pageUrl: `${ORIGIN}/shoes`, visit, visitorToken: tab1.ready.visitorToken });
    const bystander = await connectVisitor(ctx.app, shop.siteKey, { origin: ORIGIN, pageUrl: `${ORIGIN}/about` });

    const list = async () => ((await agent.caller.get(`/api/v1/chat/visitors?siteId=${shop.id}`).expect(200)).body as Page<OnlineVisitor>).items;
    const visitors = await list();
    expect(visitors).toHaveLength(2);
    const browsing = visitors.find((v) => v.tabs === 2) as OnlineVisitor;
    expect(browsing).toMatchObject({
      siteId: shop.id,
      siteName: shop.name,
      identified: false,
      referrer: 'https://search.example.net/?q=shoes',
      startedAt,
      currentPage: { url: `${ORIGIN}/shoes`, title: '<b>Shoes</b>' },
      interactionId: null,
      invited: false,
    });
    expect(browsing.id).toMatch(/^visitor:/);
    expect(browsing.pages.map((p) => p.url)).toEqual([`${ORIGIN}/`, `${ORIGIN}/shoes`]);
    await agent.caller.get('/api/v1/chat/visitors?siteId=nope').expect(400);

    // The agent invites them: every tab shows it, tracking says so, and accepting opens a chat offered to that agent.
    const invitation = (await agent.caller.post('/api/v1/chat/visitors/invite').send({ siteId: shop.id, visitorId: browsing.id, message: 'Need a size?' }).expect(201)).body as Invitation;
    expect(invitation).toMatchObject({ agentId: agent.id, reusable: false, valid: true });
    const shown = await tab1.next<ChatInvite>('chat.invite');
    expect(shown).toMatchObject({ invitation: codeOf(invitation), message: 'Need a size?', agentName: expect.any(String) });
    await tab2.next<ChatInvite>('chat.invite');
    expect(bystander.events.some((e) => e.event === 'chat.invite')).toBe(false);
    tab1.socket.emit('chat.invited', { invitation: shown.invitation });
    await eventually(async () => expect((await list()).find((v) => v.id === browsing.id)?.invited).toBe(true));

    tab1.socket.emit('chat.invited', { invitation: null });
    const sent = (await tab1.request<Sent>('chat.message', { clientId: 'p1', body: 'Yes, 42 please', fields: { name: 'Pat' }, invitation: shown.invitation })) as { data: Sent };
    await agent.nextOffer((o) => o.interaction.id === sent.data.interactionId);
    await eventually(async () => expect((await list()).find((v) => v.id === browsing.id)).toMatchObject({ interactionId: sent.data.interactionId, name: 'Pat', invited: false }));
    expect(other.offers.some((o) => o.interaction.id === sent.data.interactionId)).toBe(false);

    // Nobody invites someone already chatting, or someone who left.
    await agent.caller.post('/api/v1/chat/visitors/invite').send({ siteId: shop.id, visitorId: browsing.id }).expect(409);
    const gone = (await list()).find((v) => v.id !== browsing.id) as OnlineVisitor;
    bystander.stop();
    await eventually(async () => expect((await list()).map((v) => v.id)).not.toContain(gone.id));
    await agent.caller.post('/api/v1/chat/visitors/invite').send({ siteId: shop.id, visitorId: gone.id }).expect(404);
    [tab1, tab2].forEach((v) => v.stop());
    [agent, other].forEach((a) => a.stop());
  });
});
