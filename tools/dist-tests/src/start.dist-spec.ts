import { failedStart, login, startServer, tempDataDir } from './server-process';

describe('the built API as `npm start` runs it', () => {
  it('stops at once with one clear line on a non-numeric PORT', async () => {
    const { code, stderr } = await failedStart({ PORT: 'abc' });
    expect(code).not.toBe(0);
    expect(stderr.trim().split('\n')).toEqual(['Switchboard cannot start: Invalid configuration: PORT must be a whole number from 1 to 65535 (got "abc")']);
  });

  it('stops with one clear line when DATABASE_URL does not answer', async () => {
    const { code, stderr } = await failedStart({ DATABASE_URL: 'postgres://switchboard:secret@127.0.0.1:1/switchboard' });
    expect(code).not.toBe(0);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Switchboard cannot start: DATABASE_URL: cannot connect to postgres:\/\/switchboard:\*\*\*@127\.0\.0\.1:1\/switchboard/);
  });

  it('serves health, stops cleanly on SIGTERM, and keeps its data across a restart', async () => {
    const dataDir = await tempDataDir();
    try {
      const first = await startServer({ DATA_DIR: dataDir.path });
      expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
      const token = ((await (await login(first.url)).json()) as { accessToken: string }).accessToken;
      const me = await (await fetch(`${first.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })).json();
      expect(await first.stop()).toBe(0);

      // Another ADMIN_PASSWORD on the second start must not matter: the admin exists.
      const second = await startServer({ DATA_DIR: dataDir.path, ADMIN_PASSWORD: 'Something-Else-123' });
      try {
        const again = await login(second.url);
        expect(again.status).toBe(200);
        const { accessToken } = (await again.json()) as { accessToken: string };
        const meAgain = await (await fetch(`${second.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } })).json();
        expect(meAgain).toEqual(me);
      } finally {
        expect(await second.stop()).toBe(0);
      }
    } finally {
      await dataDir.remove();
    }
  });
});
