import { ErrorCode } from '@switchboard/contracts';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import type { Response } from 'superagent';
import { createAgent, useAppWithAdmin } from '../testing/staff-fixtures';

/** Supertest collects a binary body into a Buffer with this parser. */
const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('agent avatars', () => {
  const ctx = useAppWithAdmin();
  let agentId: string;

  beforeAll(async () => {
    agentId = (await createAgent(ctx.admin)).id;
  });

  const upload = (data: Buffer, name: string, contentType: string) =>
    ctx.admin.post(`/api/v1/agents/${agentId}/avatar`).attach('file', data, { filename: name, contentType });

  it('re-encodes a JPEG to 256×256 without its metadata and serves it with its type and nosniff', async () => {
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3366cc' } })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'Secret GPS owner' } })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const { body } = await upload(photo, 'me.jpg', 'image/jpeg').expect(200);
    expect(body.hasAvatar).toBe(true);

    const served = await ctx.admin.get(`/api/v1/agents/${agentId}/avatar`).buffer(true).parse(binary).expect(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    const meta = await sharp(served.body as Buffer).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['jpeg', 256, 256, undefined]);
    expect((served.body as Buffer).includes('Secret GPS owner')).toBe(false);
  });

  it('keeps a PNG a PNG', async () => {
    const png = await sharp({ create: { width: 64, height: 64, channels: 4, background: '#00ff0080' } }).png().toBuffer();
    await upload(png, 'small.png', 'image/png').expect(200);
    const served = await ctx.admin.get(`/api/v1/agents/${agentId}/avatar`).buffer(true).parse(binary).expect(200);
    expect(served.headers['content-type']).toBe('image/png');
  });

  it('refuses a 9 MB PNG with 413', async () => {
    const side = 1800;
    const noisy = await sharp(randomBytes(side * side * 3), { raw: { width: side, height: side, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
    expect(noisy.length).toBeGreaterThan(9 * 1024 * 1024);
    const { body } = await upload(noisy, 'big.png', 'image/png').expect(413);
    expect(body.code).toBe(ErrorCode.PayloadTooLarge);
  });

  it('refuses a PDF named .png, judged by its content, with 415', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const { body } = await upload(pdf, 'avatar.png', 'image/png').expect(415);
    expect(body.code).toBe(ErrorCode.UnsupportedMediaType);
    expect(body.message).toContain('PNG or JPEG');
  });

  it('refuses an SVG with 415, naming the format', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>');
    const { body } = await upload(svg, 'avatar.svg', 'image/svg+xml').expect(415);
    expect(body.message).toContain('SVG');
  });

  it('refuses a decompression bomb (a small file of too many pixels) before decoding it', async () => {
    const bomb = await sharp({ create: { width: 7000, height: 7000, channels: 3, background: '#000000' } }).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const { body } = await upload(bomb, 'bomb.png', 'image/png').expect(400);
    expect(body.details[0].field).toBe('file');
  });

  it('answers 404 for an agent without an avatar, and deletes one', async () => {
    const other = await createAgent(ctx.admin);
    await ctx.admin.get(`/api/v1/agents/${other.id}/avatar`).expect(404);
    await ctx.admin.delete(`/api/v1/agents/${agentId}/avatar`).expect(204);
    await ctx.admin.get(`/api/v1/agents/${agentId}/avatar`).expect(404);
  });
});
