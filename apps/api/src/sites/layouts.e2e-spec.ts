import { AuditAction, LAYOUT_SLOT, type ChatLayout, type Page } from '@switchboard/contracts';
import { auditRows } from '../testing/security-fixtures';
import { createAgent, signInAs, useAppWithAdmin } from '../testing/staff-fixtures';

const slot = `<div ${LAYOUT_SLOT}></div>`;

describe('chat layouts', () => {
  const ctx = useAppWithAdmin();
  const builtIn = async () => ((await ctx.admin.get('/api/v1/layouts?q=Default').expect(200)).body as Page<ChatLayout>).items.find((l) => l.builtIn) as ChatLayout;

  it('has a read-only default layout that is cloned, edited with a preview, and deleted', async () => {
    const original = await builtIn();
    expect(original).toMatchObject({ name: 'Default', builtIn: true });
    expect(original.template).toContain(LAYOUT_SLOT);
    await ctx.admin.patch(`/api/v1/layouts/${original.id}`).send({ name: 'Default', template: slot }).expect(409);
    await ctx.admin.delete(`/api/v1/layouts/${original.id}`).expect(409);

    const name = `Brand ${Date.now()}`;
    const { body: copy } = (await ctx.admin.post(`/api/v1/layouts/${original.id}/clone`).send({ name }).expect(201)) as { body: ChatLayout };
    expect(copy).toMatchObject({ name, builtIn: false, template: original.template });
    await ctx.admin.post(`/api/v1/layouts/${original.id}/clone`).send({ name: name.toLowerCase() }).expect(409);

    const template = `<div class="brand"><h2>{{siteName}}</h2>${slot}<small>{{footer}}</small></div>`;
    const { body: preview } = await ctx.admin.post('/api/v1/layouts/preview').send({ template }).expect(200);
    expect(preview.html).toBe(`<div class="brand"><h2>Example shop</h2>${slot}<small>Powered by Switchboard</small></div>`);
    const { body: saved } = await ctx.admin.patch(`/api/v1/layouts/${copy.id}`).send({ name, template }).expect(200);
    expect(saved.template).toBe(template);
    expect(((await ctx.admin.get(`/api/v1/layouts?q=${encodeURIComponent(name)}`).expect(200)).body as Page<ChatLayout>).items.map((l) => l.id)).toEqual([copy.id]);

    // A site may use it by name; an unknown name is refused.
    await ctx.admin.post('/api/v1/sites').send({ name: `Styled ${Date.now()}`, url: 'https://styled.example.com', layout: name }).expect(201);
    const { body: unknown } = await ctx.admin.post('/api/v1/sites').send({ name: `Unstyled ${Date.now()}`, url: 'https://x.example.com', layout: 'No such layout' }).expect(400);
    expect(unknown.details[0].field).toBe('layout');

    await ctx.admin.delete(`/api/v1/layouts/${copy.id}`).expect(204);
    await ctx.admin.get(`/api/v1/layouts/${copy.id}`).expect(404);
    expect(await auditRows(ctx.admin, AuditAction.LayoutSaved, copy.id)).toHaveLength(2);
    expect(await auditRows(ctx.admin, AuditAction.LayoutDeleted, copy.id)).toHaveLength(1);
  });

  it('refuses a template that does not compile or could inject script, with the line, and stores nothing', async () => {
    const { body: copy } = (await ctx.admin.post(`/api/v1/layouts/${(await builtIn()).id}/clone`).send({ name: `Strict ${Date.now()}` }).expect(201)) as { body: ChatLayout };
    const refused = async (template: string, message: RegExp) => {
      const { body } = await ctx.admin.patch(`/api/v1/layouts/${copy.id}`).send({ name: copy.name, template }).expect(400);
      expect(body.details).toEqual([{ field: 'template', messages: [expect.stringMatching(message)] }]);
      const { body: preview } = await ctx.admin.post('/api/v1/layouts/preview').send({ template }).expect(400);
      expect(preview.details[0].field).toBe('template');
    };
    await refused(`${slot}\n<p>{{#if title}}</p>`, /^Line \d+: /);
    await refused(`${slot}\n<p>{{{title}}}</p>`, /^Line 2: Unescaped/);
    await refused(`${slot}\n\n<script>alert(1)</script>`, /^Line 3: Scripts/);
    await refused(`<img src=x onerror=alert(1)>${slot}`, /^Line 1: Event handler/);
    await refused('<p>{{title}}</p>', /exactly one/);
    expect(((await ctx.admin.get(`/api/v1/layouts/${copy.id}`).expect(200)).body as ChatLayout).template).toBe(copy.template);

    const agent = await createAgent(ctx.admin);
    await (await signInAs(ctx.app, agent)).get('/api/v1/layouts').expect(403);
  });
});
