import { randomUUID } from 'node:crypto';
import type { InteractionSummary, Page, Transcript } from '@switchboard/contracts';
import { inbound, liveAgent, type LiveAgent } from '../testing/routing-fixtures';
import { createQueue, useAppWithAdmin, type Caller } from '../testing/staff-fixtures';

/** A chat routed to this agent alone (its own queue and rule), accepted and closed; answers its id. */
async function handled(admin: Caller, agent: LiveAgent, body: string, fields: { accountId?: string; contactName?: string } = {}): Promise<string> {
  const queue = await createQueue(admin);
  await admin.post(`/api/v1/queues/${queue.id}/members`).send({ agentId: agent.id }).expect(201);
  const host = `h${queue.id.slice(0, 8)}.example.net`;
  await admin.post('/api/v1/routing/rules').send({ name: `to ${queue.name}`, patterns: [`${host}/*`], queueId: queue.id }).expect(201);
  const { interactionId } = await inbound(admin, { pageUrl: `https://${host}/p`, body, ...fields });
  const offer = await agent.nextOffer((o) => o.interaction.id === interactionId);
  await agent.caller.post(`/api/v1/offers/${offer.id}/accept`).expect(200);
  await agent.caller.post(`/api/v1/interactions/${interactionId}/close`).expect(204);
  return interactionId;
}

const ids = (page: Page<InteractionSummary>) => page.items.map((i) => i.id);

describe('interaction history', () => {
  const ctx = useAppWithAdmin();
  const stamp = Date.now().toString(36);

  it('finds transcripts by their words and filters; an agent sees only what they held', async () => {
    const [ann, ben] = [await liveAgent(ctx.app, ctx.admin), await liveAgent(ctx.app, ctx.admin)];
    const siteA = randomUUID();
    const parcel = await handled(ctx.admin, ann, `Where is my parcel ${stamp}? It was due on Monday`, { accountId: siteA });
    const invoice = await handled(ctx.admin, ben, `Question about invoice ${stamp}`, { accountId: randomUUID() });

    const search = async (caller: Caller, query: string) => (await caller.get(`/api/v1/interactions?${query}`).expect(200)).body as Page<InteractionSummary>;
    expect(ids(await search(ctx.admin, `q=${encodeURIComponent(`parcel ${stamp}`)}`))).toEqual([parcel]);
    expect(ids(await search(ctx.admin, `q=${encodeURIComponent(`${stamp} -parcel`)}`))).toEqual([invoice]);
    expect(ids(await search(ctx.admin, `q=${stamp}`)).sort()).toEqual([parcel, invoice].sort());
    expect(ids(await search(ctx.admin, `q=${stamp}&agentId=${ben.id}`))).toEqual([invoice]);
    expect(ids(await search(ctx.admin, `siteId=${siteA}`))).toEqual([parcel]);
    expect(ids(await search(ctx.admin, `q=${stamp}&status=closed&from=${new Date(Date.now() - 60_000).toISOString()}`)).length).toBe(2);
    expect(ids(await search(ctx.admin, `q=${stamp}&to=${new Date(Date.now() - 60_000).toISOString()}`))).toEqual([]);
    expect((await search(ctx.admin, `q=${stamp}&pageSize=1`)).total).toBe(2);

    // Ann sees her own only, whatever she asks for.
    expect(ids(await search(ann.caller, `q=${stamp}`))).toEqual([parcel]);
    expect(ids(await search(ann.caller, `q=${stamp}&agentId=${ben.id}`))).toEqual([]);
    await ann.caller.get(`/api/v1/interactions/${invoice}`).expect(404);

    const { body: transcript } = (await ann.caller.get(`/api/v1/interactions/${parcel}`).expect(200)) as { body: Transcript };
    expect(transcript.interaction).toMatchObject({ id: parcel, status: 'closed', agentId: ann.id });
    expect(transcript.messages.map((m) => [m.direction, m.body])).toEqual([['in', `Where is my parcel ${stamp}? It was due on Monday`]]);
    expect(transcript.events.map((e) => e.type)).toEqual(['created', 'offered', 'accepted', 'closed']);
    [ann, ben].forEach((a) => a.stop());
  });

  it('exports a transcript as text, masked for a masked viewer, and honours the module and download switches', async () => {
    const masked = await liveAgent(ctx.app, ctx.admin, { maskSensitiveData: true });
    const id = await handled(ctx.admin, masked, `Export me ${stamp}`, { contactName: 'Eva Nováková' });
    const file = await masked.caller.get(`/api/v1/interactions/${id}/transcript.txt`).expect(200);
    expect(file.headers['content-disposition']).toBe(`attachment; filename="interaction-${id}.txt"`);
    expect(file.headers['content-type']).toMatch(/^text\/plain/);
    expect(file.text).toContain(`: Export me ${stamp}`);
    expect(file.text).not.toContain('Eva Nováková');
    const plain = await ctx.admin.get(`/api/v1/interactions/${id}/transcript.txt`).expect(200);
    expect(plain.text).toContain(`Eva Nováková: Export me ${stamp}`);

    const noDownload = await liveAgent(ctx.app, ctx.admin, { permissions: { downloads: { interactions: false } } });
    const kept = await handled(ctx.admin, noDownload, `Kept ${stamp}`);
    await noDownload.caller.get(`/api/v1/interactions/${kept}`).expect(200);
    await noDownload.caller.get(`/api/v1/interactions/${kept}/transcript.txt`).expect(403);
    const noHistory = await liveAgent(ctx.app, ctx.admin, { permissions: { modules: { history: false } } });
    await noHistory.caller.get('/api/v1/interactions').expect(403);
    await ctx.admin.get('/api/v1/interactions?from=yesterday').expect(400);
    [masked, noDownload, noHistory].forEach((a) => a.stop());
  });
});
