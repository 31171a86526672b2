import { createTestDatabaseLocation } from '@switchboard/db/testing';
import { echoPlugin, echoVariant } from '@switchboard/plugin-sdk/testing';
import { createTestApp, TEST_ADMIN } from './testing/test-app';

describe('start-up', () => {
  it('keeps its data across a restart and creates the first admin only once', async () => {
    const location = await createTestDatabaseLocation();
    try {
      const first = await createTestApp({ location });
      const token = await first.login();
      const before = (await first.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`)).body;
      await first.stop();

      const second = await createTestApp({ location, env: { ADMIN_PASSWORD: 'Another-Password-77' } });
      try {
        // The old password still works: the admin was not created again with the new one.
        const again = await second.login(TEST_ADMIN.username, TEST_ADMIN.password);
        const after = (await second.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${again}`)).body;
        expect(after.id).toBe(before.id);
        await second.http.post('/api/v1/auth/login').send({ login: 'admin', password: 'Another-Password-77' }).expect(401);
      } finally {
        await second.stop();
      }
    } finally {
      await location.dispose();
    }
  });

  it('generates a strong admin password when none is configured and prints it once', async () => {
    const printed: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
    let app;
    try {
      app = await createTestApp({ env: { ADMIN_PASSWORD: '' } });
    } finally {
      spy.mockRestore();
    }
    try {
      const banner = printed.join('');
      const password = /password: (\S+)/.exec(banner)?.[1] ?? '';
      expect(password).toHaveLength(20);
      await app.login('admin', password);
    } finally {
      await app.stop();
    }
  });

  it('loads the chosen plugins and lists them with capabilities and settings schema', async () => {
    const app = await createTestApp({ plugins: [echoPlugin, echoVariant('other')], env: { SWITCHBOARD_PLUGINS: 'echo' } });
    try {
      const token = await app.login();
      const { body } = await app.http.get('/api/v1/channels').set('Authorization', `Bearer ${token}`).expect(200);
      expect(body).toEqual([
        {
          id: 'echo',
          displayName: echoPlugin.manifest.displayName,
          capabilities: echoPlugin.manifest.capabilities,
          defaultCapacity: 3,
          settingsSchema: echoPlugin.manifest.settingsSchema,
        },
      ]);
    } finally {
      await app.stop();
    }
  });

  it('refuses to start with two plugins of one id', async () => {
    await expect(createTestApp({ plugins: [echoPlugin, echoVariant('echo')] })).rejects.toThrow('Two installed plugins have the id "echo"');
  });
});
