import { CONSOLE_NAMESPACE, ErrorCode } from '@switchboard/contracts';
import { io, type Socket } from 'socket.io-client';
import { createTestApp, type TestApp } from '../testing/test-app';

function connect(app: TestApp, token?: string): Socket {
  return io(`${app.url}${CONSOLE_NAMESPACE}`, { auth: token ? { token } : {}, transports: ['websocket'], reconnection: false });
}

describe('console socket', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('greets a signed-in user with session.ready and answers ping', async () => {
    const socket = connect(app, await app.login());
    try {
      const ready = await new Promise<{ user: { username: string }; node: string }>((resolve) => socket.once('session.ready', resolve));
      expect(ready.user.username).toBe('admin');
      const pong = await socket.timeout(5000).emitWithAck('ping');
      expect(pong).toEqual({ node: ready.node, at: expect.any(String) });
    } finally {
      socket.disconnect();
    }
  });

  it('refuses a handshake without a valid token, with a code', async () => {
    for (const token of [undefined, 'not-a-token']) {
      const socket = connect(app, token);
      const error = await new Promise<Error & { data?: { code: string } }>((resolve) => socket.once('connect_error', resolve));
      expect(error.data?.code).toBe(ErrorCode.Unauthenticated);
      socket.disconnect();
    }
  });
});
