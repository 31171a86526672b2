import { randomUUID } from 'node:crypto';
import { RedisNoticeBus, type UserNotice } from './notice-bus';

// Server-mode spec: needs REDIS_URL.
const url = process.env['REDIS_URL'];
if (!url) throw new Error('notice-bus.server-spec needs REDIS_URL');

describe('RedisNoticeBus', () => {
  it("carries a turn's notices to the other nodes in order, and never back to the one that sent them", async () => {
    const prefix = `sbtest-${randomUUID().slice(0, 8)}`;
    const [a, b] = [new RedisNoticeBus(url, prefix), new RedisNoticeBus(url, prefix)];
    try {
      await Promise.all([a.onApplicationBootstrap(), b.onApplicationBootstrap()]);
      const atA: UserNotice[] = [];
      const atB: UserNotice[] = [];
      a.onNotice((notice) => atA.push(notice));
      b.onNotice((notice) => atB.push(notice));
      a.publish({ userId: 'u1', event: 'system.notice', payload: [{ message: 'one' }] });
      a.publish({ userId: 'u2', event: 'system.notice', payload: [{ message: 'two' }], exceptSocket: 's1' });
      const deadline = Date.now() + 5000;
      while (atB.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(atB).toEqual([
        { userId: 'u1', event: 'system.notice', payload: [{ message: 'one' }] },
        { userId: 'u2', event: 'system.notice', payload: [{ message: 'two' }], exceptSocket: 's1' },
      ]);
      expect(atA).toEqual([]);
    } finally {
      await Promise.all([a.onApplicationShutdown(), b.onApplicationShutdown()]);
    }
  });
});
