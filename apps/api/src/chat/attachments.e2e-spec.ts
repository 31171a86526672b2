import { ErrorCode, type ChatAttachmentSent, type ChatMessage, type InteractionMessage, type Site, type Transcript } from '@switchboard/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { Response } from 'superagent';
import { connectVisitor, type Visitor } from '../testing/chat-fixtures';
import { eventually, liveAgent, type LiveAgent } from '../testing/routing-fixtures';
import { useAppWithAdmin } from '../testing/staff-fixtures';

const ORIGIN = 'https://files.example.com';
/** The limit of this app: small, so that a file over it is quick to make. */
const MAX_BYTES = 256 * 1024;

type Sent = ChatMessage & { interactionId: string };

/** Supertest collects a binary body into a Buffer with this parser. */
const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

/** The error of a download (its body was collected as bytes). */
const errorOf = (res: { body: Buffer }) => JSON.parse(res.body.toString('utf8')) as { code: string; details?: unknown };

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** The start of a Windows program: "MZ", a DOS stub, then binary. */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.from([0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]), Buffer.alloc(64), Buffer.from('This program cannot be run in DOS mode.\r\r\n$'), randomBytes(512)]);
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');

describe('web chat: attachments', () => {
  const ctx = useAppWithAdmin({ env: { ROUTING_TICK_MS: '100', ATTACHMENT_MAX_BYTES: String(MAX_BYTES) } });
  let n = 0;
  let png: Buffer;

  beforeAll(async () => {
    png = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#3366cc' } }).png().toBuffer();
  });

  async function site(agentIds: string[]): Promise<Site> {
    const { body } = await ctx.admin
      .post('/api/v1/sites')
      .send({ name: `Files ${++n} ${Date.now()}`, url: `${ORIGIN}/`, agents: agentIds.map((agentId) => ({ agentId, priority: 1 })) })
      .expect(201);
    return body as Site;
  }

  /** A visitor of the site in a chat the agent has accepted. */
  async function chatting(agent: LiveAgent, shop: Site): Promise<{ visitor: Visitor; interactionId: string }> {
    const visitor = await connectVisitor(ctx.app, shop.siteKey, { origin: ORIGIN });
    const first = (await visitor.request<Sent>('chat.message', { clientId: `open-${++n}`, body: 'Hello', fields: { name: `Visitor ${n}` } })) as { ok: true; data: Sent };
    expect(first.ok).toBe(true);
    const offer = await agent.nextOffer((o) => o.interaction.id === first.data.interactionId);
    await agent.caller.post(`/api/v1/offers/${offer.id}/accept`).expect(200);
    return { visitor, interactionId: first.data.interactionId };
  }

  const upload = (siteKey: string, visitorToken: string, clientId: string, data: Buffer, filename: string, origin = ORIGIN) =>
    ctx.app.http
      .post(`/api/v1/chat/sites/${siteKey}/attachments`)
      .set('Origin', origin)
      .field('visitorToken', visitorToken)
      .field('clientId', clientId)
      // The type the browser claims says nothing: the server reads the content.
      .attach('file', data, { filename, contentType: 'image/png' });

  const download = (siteKey: string, visitorToken: string, attachmentId: string) =>
    ctx.app.http.post(`/api/v1/chat/sites/${siteKey}/attachments/${attachmentId}/download`).set('Origin', ORIGIN).field('visitorToken', visitorToken).buffer(true).parse(binary);

  const messagesOf = async (agent: LiveAgent, interactionId: string) => (await agent.caller.get(`/api/v1/interactions/${interactionId}/messages`).expect(200)).body as InteractionMessage[];

  it("carries a visitor's file to the agent and an agent's file to the visitor, each downloadable by its reader", async () => {
    const agent = await liveAgent(ctx.app, ctx.admin);
    const shop = await site([agent.id]);
    const { visitor, interactionId } = await chatting(agent, shop);
    const token = visitor.ready.visitorToken;
    // A second tab of the same visitor sees the file as it is sent.
    const otherTab = await connectVisitor(ctx.app, shop.siteKey, { origin: ORIGIN, visitorToken: token });

    const sent = await upload(shop.siteKey, token, 'file-1', png, 'C:\\Users\\eva\\photo.png').expect(201);
    expect(sent.headers['access-control-allow-origin']).toBe(ORIGIN);
    const { message } = sent.body as ChatAttachmentSent;
    expect(sent.body).toMatchObject({ interactionId, message: { clientId: 'file-1', from: 'visitor', body: '', attachments: [{ name: 'photo.png', mediaType: 'image/png', size: png.length }] } });
    const [file] = message.attachments;
    expect(file?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await otherTab.next<Sent>('chat.message', (m) => m.id === message.id)).toMatchObject({ interactionId, attachments: [{ id: file?.id }] });

    // The agent holding the chat is told at once, and downloads it with its type, as an attachment.
    const told = await eventually(() =>
      expect(agent.events.some((e) => e.event === 'interaction.message' && (e.payload as { message: InteractionMessage }).message.id === message.id)).toBe(true),
    ).then(() => agent.events.find((e) => e.event === 'interaction.message' && (e.payload as { message: InteractionMessage }).message.id === message.id)?.payload);
    expect(told).toMatchObject({ interactionId, message: { direction: 'in', attachments: [{ id: file?.id, name: 'photo.png', mediaType: 'image/png' }] } });
    const fetched = await agent.caller.get(`/api/v1/interactions/${interactionId}/attachments/${file?.id}`).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(fetched.body as Buffer, png)).toBe(0);
    expect(fetched.headers['content-type']).toBe('image/png');
    expect(fetched.headers['x-content-type-options']).toBe('nosniff');
    expect(fetched.headers['content-disposition']).toBe('attachment; filename="photo.png"');

    // Sent again with its client id (a retry): nothing new.
    const again = await upload(shop.siteKey, token, 'file-1', png, 'photo.png').expect(201);
    expect((again.body as ChatAttachmentSent).message.id).toBe(message.id);
    expect((await messagesOf(agent, interactionId)).filter((m) => m.attachments.length)).toHaveLength(1);

    // The agent sends a PDF: stored as their message, delivered to the widget, downloadable by the visitor.
    const reply = await agent.caller.post(`/api/v1/interactions/${interactionId}/attachments`).field('clientId', 'agent-file-1').attach('file', PDF, { filename: 'Invoice 42.pdf', contentType: 'text/plain' }).expect(201);
    const out = reply.body as InteractionMessage;
    expect(out).toMatchObject({ direction: 'out', body: '', delivery: 'pending', attachments: [{ name: 'Invoice 42.pdf', mediaType: 'application/pdf', size: PDF.length }] });
    const shown = await visitor.next<Sent>('chat.message', (m) => m.id === out.id);
    expect(shown).toMatchObject({ from: 'agent', interactionId, attachments: [{ id: out.attachments[0]?.id, name: 'Invoice 42.pdf' }] });
    const pdf = await download(shop.siteKey, token, out.attachments[0]?.id ?? '').expect(200);
    expect(Buffer.compare(pdf.body as Buffer, PDF)).toBe(0);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['x-content-type-options']).toBe('nosniff');
    expect(pdf.headers['content-disposition']).toContain('attachment; filename="Invoice 42.pdf"');
    expect(pdf.headers['access-control-allow-origin']).toBe(ORIGIN);
    await eventually(async () => expect((await messagesOf(agent, interactionId)).find((m) => m.id === out.id)?.delivery).toBe('sent'));

    // The conversation as stored, for the widget (a reconnect) and for history.
    const synced = await visitor.request<{ messages: ChatMessage[] }>('chat.sync');
    expect(synced.ok && synced.data.messages.map((m) => m.attachments.map((a) => a.name))).toEqual([[], ['photo.png'], ['Invoice 42.pdf']]);
    const transcript = (await ctx.admin.get(`/api/v1/interactions/${interactionId}`).expect(200)).body as Transcript;
    expect(transcript.messages.map((m) => [m.direction, m.attachments.map((a) => a.mediaType)])).toEqual([
      ['in', []],
      ['in', ['image/png']],
      ['out', ['application/pdf']],
    ]);
    [visitor, otherTab].forEach((v) => v.stop());
    agent.stop();
  });

  it('judges a file by its content: a program or a page named .png is refused with 415, and nothing is stored', async () => {
    const agent = await liveAgent(ctx.app, ctx.admin);
    const shop = await site([agent.id]);
    const { visitor, interactionId } = await chatting(agent, shop);
    const token = visitor.ready.visitorToken;

    const exe = await upload(shop.siteKey, token, 'bad-1', EXE, 'cat.png').expect(415);
    expect(exe.body).toMatchObject({ code: ErrorCode.UnsupportedMediaType, message: expect.stringContaining('EXE') });
    expect(exe.headers['access-control-allow-origin']).toBe(ORIGIN);
    const html = await upload(shop.siteKey, token, 'bad-2', HTML, 'cat.png').expect(415);
    expect(html.body).toMatchObject({ code: ErrorCode.UnsupportedMediaType, message: expect.stringContaining('HTML') });
    const agentHtml = await agent.caller.post(`/api/v1/interactions/${interactionId}/attachments`).field('clientId', 'bad-3').attach('file', HTML, { filename: 'page.png', contentType: 'image/png' }).expect(415);
    expect(agentHtml.body.code).toBe(ErrorCode.UnsupportedMediaType);
    expect((await messagesOf(agent, interactionId)).map((m) => m.body)).toEqual(['Hello']);

    // Content decides the type and the name follows it: a PNG named .pdf, text without an extension.
    const renamed = await upload(shop.siteKey, token, 'ok-1', png, 'invoice.pdf').expect(201);
    expect((renamed.body as ChatAttachmentSent).message.attachments[0]).toMatchObject({ name: 'invoice.pdf.png', mediaType: 'image/png' });
    const text = await upload(shop.siteKey, token, 'ok-2', Buffer.from('Order 42: two boxes\nSee <b>this</b>\n'), 'notes').expect(201);
    const note = (text.body as ChatAttachmentSent).message.attachments[0];
    expect(note).toMatchObject({ name: 'notes.txt', mediaType: 'text/plain' });
    const served = await download(shop.siteKey, token, note?.id ?? '').expect(200);
    expect(served.headers['content-type']).toBe('text/plain; charset=utf-8');
    visitor.stop();
    agent.stop();
  });

  it('refuses a file over ATTACHMENT_MAX_BYTES with 413 naming the limit, storing nothing', async () => {
    const agent = await liveAgent(ctx.app, ctx.admin);
    const shop = await site([agent.id]);
    const { visitor, interactionId } = await chatting(agent, shop);
    const big = Buffer.concat([png, randomBytes(MAX_BYTES)]);

    const refused = await upload(shop.siteKey, visitor.ready.visitorToken, 'big-1', big, 'big.png').expect(413);
    expect(refused.body).toMatchObject({ code: ErrorCode.PayloadTooLarge, message: expect.stringContaining('256 KB') });
    expect(refused.headers['access-control-allow-origin']).toBe(ORIGIN);
    const agentRefused = await agent.caller.post(`/api/v1/interactions/${interactionId}/attachments`).field('clientId', 'big-2').attach('file', big, { filename: 'big.png', contentType: 'image/png' }).expect(413);
    expect(agentRefused.body.code).toBe(ErrorCode.PayloadTooLarge);
    // Exactly the limit is accepted.
    await upload(shop.siteKey, visitor.ready.visitorToken, 'edge-1', Buffer.concat([png, randomBytes(MAX_BYTES - png.length)]), 'edge.png').expect(201);
    expect((await messagesOf(agent, interactionId)).map((m) => m.attachments.map((a) => a.name))).toEqual([[], ['edge.png']]);
    visitor.stop();
    agent.stop();
  });

  it("gives nobody else a conversation's file: another visitor, a random id, another agent, another site's page", async () => {
    const [agent, other] = [await liveAgent(ctx.app, ctx.admin), await liveAgent(ctx.app, ctx.admin)];
    const shop = await site([agent.id]);
    const { visitor, interactionId } = await chatting(agent, shop);
    const sent = (await upload(shop.siteKey, visitor.ready.visitorToken, 'mine-1', png, 'mine.png').expect(201)).body as ChatAttachmentSent;
    const fileId = sent.message.attachments[0]?.id ?? '';
    await download(shop.siteKey, visitor.ready.visitorToken, fileId).expect(200);

    const stranger = await connectVisitor(ctx.app, shop.siteKey, { origin: ORIGIN });
    expect(errorOf(await download(shop.siteKey, stranger.ready.visitorToken, fileId).expect(404))).toMatchObject({ code: ErrorCode.NotFound });
    await download(shop.siteKey, visitor.ready.visitorToken, randomUUID()).expect(404);
    await download(shop.siteKey, visitor.ready.visitorToken, 'not-an-id').expect(404);
    // A token that is not one, another page's origin, an unknown key.
    expect(errorOf(await download(shop.siteKey, 'short', fileId).expect(400))).toMatchObject({ details: [{ field: 'visitorToken' }] });
    await ctx.app.http.post(`/api/v1/chat/sites/${shop.siteKey}/attachments/${fileId}/download`).set('Origin', 'https://evil.example.net').field('visitorToken', visitor.ready.visitorToken).expect(403);
    await ctx.app.http.post(`/api/v1/chat/sites/no-such-key/attachments/${fileId}/download`).set('Origin', ORIGIN).field('visitorToken', visitor.ready.visitorToken).expect(404);

    // Agents: the one holding it reads it; another agent, and a wrong interaction, get 404.
    await other.caller.get(`/api/v1/interactions/${interactionId}/attachments/${fileId}`).expect(404);
    await other.caller.post(`/api/v1/interactions/${interactionId}/attachments`).field('clientId', 'x-1').attach('file', png, { filename: 'x.png', contentType: 'image/png' }).expect(404);
    const elsewhere = await chatting(agent, await site([agent.id]));
    await agent.caller.get(`/api/v1/interactions/${elsewhere.interactionId}/attachments/${fileId}`).expect(404);
    // History's readers (the admin) may download it too.
    await ctx.admin.get(`/api/v1/interactions/${interactionId}/attachments/${fileId}`).expect(200);
    [visitor, stranger, elsewhere.visitor].forEach((v) => v.stop());
    [agent, other].forEach((a) => a.stop());
  });

  it('refuses a file when the visitor has no open conversation, and keeps an ended one readable', async () => {
    const agent = await liveAgent(ctx.app, ctx.admin);
    const shop = await site([agent.id]);
    const newcomer = await connectVisitor(ctx.app, shop.siteKey, { origin: ORIGIN });
    const refused = await upload(shop.siteKey, newcomer.ready.visitorToken, 'early-1', png, 'early.png').expect(409);
    expect(refused.body).toMatchObject({ code: ErrorCode.Conflict });

    const { visitor, interactionId } = await chatting(agent, shop);
    const sent = (await upload(shop.siteKey, visitor.ready.visitorToken, 'late-1', png, 'late.png').expect(201)).body as ChatAttachmentSent;
    await agent.caller.post(`/api/v1/interactions/${interactionId}/close`).expect(204);
    await upload(shop.siteKey, visitor.ready.visitorToken, 'late-2', png, 'after.png').expect(409);
    // The agent cannot send into a closed chat either.
    await agent.caller.post(`/api/v1/interactions/${interactionId}/attachments`).field('clientId', 'late-3').attach('file', png, { filename: 'x.png', contentType: 'image/png' }).expect(404);
    await download(shop.siteKey, visitor.ready.visitorToken, sent.message.attachments[0]?.id ?? '').expect(200);
    [newcomer, visitor].forEach((v) => v.stop());
    agent.stop();
  });

  it('refuses a blocked address before anything is stored', async () => {
    const agent = await liveAgent(ctx.app, ctx.admin);
    const shop = await site([agent.id]);
    const { visitor, interactionId } = await chatting(agent, shop);
    const entries = [
      (await ctx.admin.post('/api/v1/blacklist').send({ description: 'Attachments spec v4', startIp: '127.0.0.1' }).expect(201)).body as { id: string },
      (await ctx.admin.post('/api/v1/blacklist').send({ description: 'Attachments spec v6', startIp: '::1' }).expect(201)).body as { id: string },
    ];
    try {
      const refused = await upload(shop.siteKey, visitor.ready.visitorToken, 'blocked-1', png, 'blocked.png').expect(403);
      expect(refused.body.code).toBe(ErrorCode.Blocked);
      expect((await messagesOf(agent, interactionId)).map((m) => m.body)).toEqual(['Hello']);
    } finally {
      for (const entry of entries) await ctx.admin.delete(`/api/v1/blacklist/${entry.id}`).expect(204);
    }
    visitor.stop();
    agent.stop();
  });
});
