import type { Contact } from '@switchboard/contracts';
import type { Socket } from 'socket.io-client';
import { connectConsole, nextEvent, setSecurity } from '../testing/security-fixtures';
import { createAgent, signInAs, useAppWithAdmin } from '../testing/staff-fixtures';

describe('mask sensitive data', () => {
  const ctx = useAppWithAdmin();

  it('masks contacts for an agent with the flag, in REST and socket payloads; others see them whole', async () => {
    const masked = await createAgent(ctx.admin);
    const plain = await createAgent(ctx.admin);
    await ctx.admin.patch(`/api/v1/agents/${masked.id}`).send({ maskSensitiveData: true }).expect(200);
    const maskedCaller = await signInAs(ctx.app, masked);
    const plainCaller = await signInAs(ctx.app, plain);

    const { body: contact } = await ctx.admin.post('/api/v1/contacts').send({ name: 'Jana Nováková', phone: '05551234567', email: 'jana@example.com' }).expect(201);
    expect(contact.phone).toBe('05551234567');

    const seen = (await maskedCaller.get(`/api/v1/contacts/${contact.id}`).expect(200)).body as Contact;
    expect(seen.phone).toBe('*******4567');
    expect(seen.name).toBe('*********ková');
    expect(seen.email).toBe('************.com');
    expect(seen.id).toBe(contact.id);
    const page = (await maskedCaller.get('/api/v1/contacts?q=jana').expect(200)).body;
    expect(page.items[0].phone).toBe('*******4567');
    expect((await plainCaller.get(`/api/v1/contacts/${contact.id}`).expect(200)).body.phone).toBe('05551234567');
    expect((await maskedCaller.get('/api/v1/auth/me')).body.maskSensitiveData).toBe(true);

    const tokens = [await ctx.app.login(masked.username, masked.password), await ctx.app.login(plain.username, plain.password)];
    const [maskedSocket, plainSocket] = tokens.map((token) => connectConsole(ctx.app, token)) as [Socket, Socket];
    try {
      await Promise.all([nextEvent(maskedSocket, 'session.ready'), nextEvent(plainSocket, 'session.ready')]);
      const maskedEvent = nextEvent<Contact>(maskedSocket, 'contact.saved');
      const plainEvent = nextEvent<Contact>(plainSocket, 'contact.saved');
      await ctx.admin.patch(`/api/v1/contacts/${contact.id}`).send({ phone: '+420601234567' }).expect(200);
      expect((await maskedEvent).phone).toBe('*********4567');
      expect((await plainEvent).phone).toBe('+420601234567');

      // Turning the flag off reaches the open socket at once.
      await ctx.admin.patch(`/api/v1/agents/${masked.id}`).send({ maskSensitiveData: false }).expect(200);
      const unmasked = nextEvent<Contact>(maskedSocket, 'contact.saved');
      await ctx.admin.patch(`/api/v1/contacts/${contact.id}`).send({ name: 'Jana N.' }).expect(200);
      expect((await unmasked).phone).toBe('+420601234567');
    } finally {
      maskedSocket.disconnect();
      plainSocket.disconnect();
    }
  });

  it('keeps the number of visible characters from the settings, and only admins set the flag', async () => {
    const agent = await createAgent(ctx.admin, { maskSensitiveData: true });
    const caller = await signInAs(ctx.app, agent);
    const { body: contact } = await ctx.admin.post('/api/v1/contacts').send({ phone: '0601234567' }).expect(201);
    await setSecurity(ctx.admin, { maskVisibleCharacters: 2 });
    try {
      expect((await caller.get(`/api/v1/contacts/${contact.id}`)).body.phone).toBe('********67');
    } finally {
      await setSecurity(ctx.admin, { maskVisibleCharacters: 4 });
    }
    const { body } = await caller.patch(`/api/v1/agents/${agent.id}`).send({ maskSensitiveData: false }).expect(403);
    expect(body.code).toBe('FORBIDDEN');
  });
});
