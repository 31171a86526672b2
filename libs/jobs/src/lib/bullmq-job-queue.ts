import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { JobOptions, JobQueue } from '@switchboard/plugin-sdk';
import { Queue, Worker } from 'bullmq';
import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, HandlerRegistry } from './handler-registry';
import { KERNEL_QUEUE } from './job-names';

/** Completed jobs are kept a day (so a repeated jobId is still recognised), failed ones a week. */
const KEEP_COMPLETED_S = 24 * 3600;
const KEEP_FAILED_S = 7 * 24 * 3600;

/**
 * The server run mode's queue: BullMQ on Redis through @nestjs/bullmq. Every node runs a
 * worker, so jobs survive a node's death and spread over the nodes.
 */
@Injectable()
export class BullMqJobQueue implements JobQueue, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly registry = new HandlerRegistry();
  private worker?: Worker;

  constructor(
    @InjectQueue(KERNEL_QUEUE) private readonly queue: Queue,
    private readonly concurrency: number,
  ) {}

  handle: JobQueue['handle'] = (name, handler) => this.registry.register(name, handler);

  async add<T>(name: string, data: T, options: JobOptions = {}): Promise<void> {
    this.registry.require(name);
    await this.queue.add(name, data, {
      // BullMQ refuses ids with ":"; encoding keeps distinct ids distinct.
      jobId: options.jobId === undefined ? undefined : encodeURIComponent(options.jobId),
      delay: options.delayMs,
      attempts: options.attempts ?? DEFAULT_ATTEMPTS,
      backoff: { type: 'exponential', delay: options.backoffMs ?? DEFAULT_BACKOFF_MS },
      removeOnComplete: { age: KEEP_COMPLETED_S },
      removeOnFail: { age: KEEP_FAILED_S },
    });
  }

  onApplicationBootstrap(): void {
    this.worker = new Worker(
      KERNEL_QUEUE,
      async (job) => this.registry.require(job.name)({ id: decodeURIComponent(job.id ?? ''), name: job.name, data: job.data, attempt: job.attemptsMade + 1 }),
      { connection: this.queue.opts.connection, prefix: this.queue.opts.prefix, concurrency: this.concurrency },
    );
    this.worker.on('failed', (job, error) =>
      this.logger.warn(`Job ${job?.name} (${job?.id}) failed on attempt ${job?.attemptsMade}: ${error.message}`),
    );
    this.worker.on('error', (error) => this.logger.error(`Job worker error: ${error.message}`));
  }

  /** Lets active jobs finish before the shutdown hooks end the database pool they may still need. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
