import { Test } from '@nestjs/testing';
import { JOB_QUEUE, type Job, type JobQueue } from '@switchboard/plugin-sdk';
import { JobsModule, type JobsModuleOptions } from './jobs.module';

async function eventually(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The behaviour both queue adapters must show; each adapter's spec runs it. */
export function describeJobQueueBehaviour(label: string, options: () => JobsModuleOptions): void {
  describe(`JobQueue (${label})`, () => {
    async function boot(register: (queue: JobQueue) => void) {
      const moduleRef = await Test.createTestingModule({ imports: [JobsModule.forRoot(options())] }).compile();
      const app = moduleRef.createNestApplication({ logger: false });
      register(app.get<JobQueue>(JOB_QUEUE));
      await app.init();
      return { queue: app.get<JobQueue>(JOB_QUEUE), close: () => app.close() };
    }

    it('runs a job with its data and id', async () => {
      const seen: Array<Job<{ n: number }>> = [];
      const { queue, close } = await boot((q) => q.handle<{ n: number }>('test.record', async (job) => void seen.push(job)));
      await queue.add('test.record', { n: 7 }, { jobId: 'message:1' });
      await eventually(() => seen.length === 1);
      expect(seen[0]).toMatchObject({ id: 'message:1', name: 'test.record', data: { n: 7 }, attempt: 1 });
      await close();
    });

    it('adds a job id only once', async () => {
      let runs = 0;
      const { queue, close } = await boot((q) => q.handle('test.once', async () => void runs++));
      await queue.add('test.once', {}, { jobId: 'same' });
      await queue.add('test.once', {}, { jobId: 'same' });
      await queue.add('test.once', {}, { jobId: 'other' });
      await eventually(() => runs === 2);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(runs).toBe(2);
      await close();
    });

    it('retries a failing job with back-off until it succeeds', async () => {
      const attempts: number[] = [];
      const { queue, close } = await boot((q) =>
        q.handle('test.flaky', async (job) => {
          attempts.push(job.attempt);
          if (job.attempt < 2) throw new Error('first try fails');
        }),
      );
      await queue.add('test.flaky', {}, { attempts: 3, backoffMs: 10 });
      await eventually(() => attempts.length === 2);
      expect(attempts).toEqual([1, 2]);
      await close();
    });

    it('refuses a job nobody handles and a second handler for one name', async () => {
      const { queue, close } = await boot((q) => q.handle('test.known', async () => undefined));
      await expect(queue.add('test.unknown', {})).rejects.toThrow('No handler is registered for job "test.unknown"');
      expect(() => queue.handle('test.known', async () => undefined)).toThrow('already registered');
      await close();
    });

    it('lets a running job finish before shutdown completes', async () => {
      let finished = false;
      let started = false;
      const { queue, close } = await boot((q) =>
        q.handle('test.slow', async () => {
          started = true;
          await new Promise((resolve) => setTimeout(resolve, 300));
          finished = true;
        }),
      );
      await queue.add('test.slow', {});
      await eventually(() => started);
      await close();
      expect(finished).toBe(true);
    });
  });
}
