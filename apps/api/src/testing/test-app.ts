import { randomUUID } from 'node:crypto';
import { createTestDatabaseLocation, type TestDatabaseLocation } from '@switchboard/db/testing';
import type { ChannelPluginDefinition } from '@switchboard/plugin-sdk';
import request from 'supertest';
import { startSwitchboard, type RunningSwitchboard } from '../bootstrap';
import { loadConfig, type AppConfig } from '../config/app-config';

export const TEST_ADMIN = { username: 'admin', email: 'admin@example.com', password: 'Correct-Horse-9-Battery' };

export interface TestAppOptions {
  env?: Record<string, string>;
  plugins?: ChannelPluginDefinition[];
  /** Reuse a database (to test a restart); the caller then disposes of it. */
  location?: TestDatabaseLocation;
}

export interface TestApp extends RunningSwitchboard {
  config: AppConfig;
  location: TestDatabaseLocation;
  /** supertest bound to the running server. */
  http: ReturnType<typeof request>;
  /** Signs in and returns an access token. */
  login(login?: string, password?: string): Promise<string>;
}

/** The configuration a test app runs with, on its own database (and Redis prefix). */
export function testConfig(location: TestDatabaseLocation, env: Record<string, string> = {}): AppConfig {
  const config = loadConfig({
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    ADMIN_USERNAME: TEST_ADMIN.username,
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    DATA_DIR: location.dataDir,
    CONSOLE_DIR: '/nonexistent',
    ...(location.databaseUrl ? { DATABASE_URL: location.databaseUrl } : {}),
    ...(process.env['REDIS_URL'] ? { REDIS_URL: process.env['REDIS_URL'], REDIS_KEY_PREFIX: `sbtest-${randomUUID().slice(0, 8)}` } : {}),
    ...env,
  });
  // A free port on loopback (the validated PORT range excludes 0 on purpose).
  return Object.assign(config, { PORT: 0, HOST: '127.0.0.1' });
}

/**
 * Starts the whole API exactly as main.ts does, on a random port and a database of its own:
 * embedded in a temporary folder, or a fresh database on DATABASE_URL's server (and Redis
 * under a prefix of its own when REDIS_URL is set). Nothing carries over between tests.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const location = options.location ?? (await createTestDatabaseLocation());
  const config = testConfig(location, options.env);
  const running = await startSwitchboard(config, options.plugins);
  const http = request(running.url);
  return {
    ...running,
    config,
    location,
    http,
    async login(login = TEST_ADMIN.username, password = TEST_ADMIN.password) {
      const response = await http.post('/api/v1/auth/login').send({ login, password }).expect(200);
      return response.body.accessToken as string;
    },
    async stop() {
      await running.stop();
      if (!options.location) await location.dispose();
    },
  };
}
