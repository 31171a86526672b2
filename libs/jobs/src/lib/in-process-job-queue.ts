import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Job, JobOptions, JobQueue } from '@switchboard/plugin-sdk';
import { randomUUID } from 'node:crypto';
import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, HandlerRegistry } from './handler-registry';

/** How many recent job ids are remembered for deduplication. */
const REMEMBERED_IDS = 50_000;

/**
 * The embedded run mode's queue: jobs run in this process with retries and exponential
 * back-off. Jobs still waiting when the process stops are lost; that is the price of running
 * without Redis, and why several nodes need REDIS_URL.
 */
@Injectable()
export class InProcessJobQueue implements JobQueue, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly registry = new HandlerRegistry();
  private readonly seenIds = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private closing = false;

  handle: JobQueue['handle'] = (name, handler) => this.registry.register(name, handler);

  async add<T>(name: string, data: T, options: JobOptions = {}): Promise<void> {
    this.registry.require(name);
    if (this.closing) throw new Error(`Job "${name}" refused: the queue is shutting down`);
    const id = options.jobId ?? randomUUID();
    if (this.seenIds.has(id)) return;
    this.remember(id);
    this.schedule({ id, name, data, attempt: 1 }, options, options.delayMs ?? 0);
  }

  /** Waits for running jobs, drops waiting ones; before the shutdown hooks, which end the database pool jobs may still need. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  private schedule(job: Job<unknown>, options: JobOptions, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const run = this.run(job, options).finally(() => this.running.delete(run));
      this.running.add(run);
    }, delayMs);
    this.timers.add(timer);
  }

  private async run(job: Job<unknown>, options: JobOptions): Promise<void> {
    try {
      await this.registry.require(job.name)(job);
    } catch (error) {
      const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
      if (job.attempt < attempts && !this.closing) {
        const delay = (options.backoffMs ?? DEFAULT_BACKOFF_MS) * 2 ** (job.attempt - 1);
        this.logger.warn(`Job ${job.name} (${job.id}) failed on attempt ${job.attempt}, retrying in ${delay} ms: ${(error as Error).message}`);
        this.schedule({ ...job, attempt: job.attempt + 1 }, options, delay);
      } else {
        this.logger.error(`Job ${job.name} (${job.id}) failed for good after ${job.attempt} attempts: ${(error as Error).message}`);
      }
    }
  }

  private remember(id: string): void {
    this.seenIds.add(id);
    if (this.seenIds.size > REMEMBERED_IDS) {
      this.seenIds.delete(this.seenIds.values().next().value as string);
    }
  }
}
