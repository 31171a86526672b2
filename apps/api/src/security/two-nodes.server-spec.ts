import { createTestDatabaseLocation } from '@switchboard/db/testing';
import { randomUUID } from 'node:crypto';
import { connectConsole, nextEvent } from '../testing/security-fixtures';
import { as, createAgent } from '../testing/staff-fixtures';
import { createTestApp } from '../testing/test-app';

// Server-mode spec: two API nodes on one PostgreSQL and one Redis.
if (!process.env['DATABASE_URL'] || !process.env['REDIS_URL']) throw new Error('two-nodes.server-spec needs DATABASE_URL and REDIS_URL');

describe('security across two API nodes', () => {
  it('shares the sign-in throttle, the lock, and cuts a socket on the other node', async () => {
    const location = await createTestDatabaseLocation();
    const env = { REDIS_KEY_PREFIX: `sbtest-${randomUUID().slice(0, 8)}`, LOGIN_THROTTLE_PER_ACCOUNT: '4', LOGIN_THROTTLE_PER_IP: '100000' };
    const [nodeA, nodeB] = await Promise.all([createTestApp({ location, env }), createTestApp({ location, env })]);
    try {
      const admin = as(nodeA, await nodeA.login());
      // The throttle counts on both nodes together: 2 + 2 failures, then 429 on either.
      for (const node of [nodeA, nodeB, nodeA, nodeB]) await node.http.post('/api/v1/auth/login').send({ login: 'ghost', password: 'Wrong-pass-1' }).expect(401);
      await nodeA.http.post('/api/v1/auth/login').send({ login: 'ghost', password: 'Wrong-pass-1' }).expect(429);
      await nodeB.http.post('/api/v1/auth/login').send({ login: 'ghost', password: 'Wrong-pass-1' }).expect(429);

      // Locking on node A ends a socket held on node B.
      const agent = await createAgent(admin);
      const socket = connectConsole(nodeB, await nodeB.login(agent.username, agent.password));
      try {
        await nextEvent(socket, 'session.ready');
        const ended = nextEvent<{ reason: string }>(socket, 'session.ended', 1500);
        for (let i = 0; i < 4; i++) await nodeA.http.post('/api/v1/auth/login').send({ login: agent.email, password: 'Wrong-pass-1' }).expect(401);
        await nodeB.http.post('/api/v1/auth/login').send({ login: agent.username, password: 'Wrong-pass-1' }).expect(401);
        expect((await ended).reason).toMatch(/locked/);
      } finally {
        socket.disconnect();
      }
    } finally {
      await Promise.all([nodeA.stop(), nodeB.stop()]);
      await location.dispose();
    }
  });
});
