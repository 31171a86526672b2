import { createTestDatabaseLocation } from '@switchboard/db/testing';
import { CONSOLE_NAMESPACE } from '@switchboard/contracts';
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { createTestApp } from '../testing/test-app';
import { ConsoleGateway } from './console.gateway';

// Server-mode spec: two API nodes on one PostgreSQL and one Redis.
if (!process.env['DATABASE_URL'] || !process.env['REDIS_URL']) throw new Error('fan-out.server-spec needs DATABASE_URL and REDIS_URL');

describe('two API nodes', () => {
  it('share sign-in and deliver an event emitted on one node to a socket on the other', async () => {
    const location = await createTestDatabaseLocation();
    const env = { REDIS_KEY_PREFIX: `sbtest-${randomUUID().slice(0, 8)}` };
    const [nodeA, nodeB] = await Promise.all([createTestApp({ location, env }), createTestApp({ location, env })]);
    try {
      const token = await nodeA.login();
      const socket = io(`${nodeB.url}${CONSOLE_NAMESPACE}`, { auth: { token }, transports: ['websocket'], reconnection: false });
      const ready = await new Promise<{ user: { id: string } }>((resolve) => socket.once('session.ready', resolve));
      const notices: Array<{ message: string }> = [];
      socket.on('system.notice', (notice: { message: string }) => notices.push(notice));
      // Two notices in one turn of node A's event loop travel in one batch, each delivered once, in order.
      nodeA.app.get(ConsoleGateway).notifyUser(ready.user.id, 'system.notice', { message: 'from node A' });
      nodeA.app.get(ConsoleGateway).notifyUser(ready.user.id, 'system.notice', { message: 'and again' });
      const deadline = Date.now() + 5000;
      while (notices.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(notices).toEqual([{ message: 'from node A' }, { message: 'and again' }]);
      socket.disconnect();
    } finally {
      await Promise.all([nodeA.stop(), nodeB.stop()]);
      await location.dispose();
    }
  });
});
