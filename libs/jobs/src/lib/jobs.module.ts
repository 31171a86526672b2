import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { JOB_QUEUE } from '@switchboard/plugin-sdk';
import type { Queue } from 'bullmq';
import { BullMqJobQueue } from './bullmq-job-queue';
import { InProcessJobQueue } from './in-process-job-queue';
import { KERNEL_QUEUE } from './job-names';

export interface JobsModuleOptions {
  /** BullMQ on this Redis when set; in process otherwise. */
  redisUrl?: string;
  /** Key prefix in Redis, so several installations (or test runs) can share one server. */
  redisPrefix?: string;
  /** Jobs one node runs at once (BullMQ). */
  concurrency?: number;
}

/** Provides the JobQueue (plugin-sdk's JOB_QUEUE token) for the run mode in use. */
@Global()
@Module({})
export class JobsModule {
  static forRoot(options: JobsModuleOptions): DynamicModule {
    if (!options.redisUrl) {
      const provider = { provide: JOB_QUEUE, useClass: InProcessJobQueue };
      return { module: JobsModule, providers: [provider], exports: [JOB_QUEUE] };
    }
    const redis = new URL(options.redisUrl);
    const provider = {
      provide: JOB_QUEUE,
      useFactory: (queue: Queue) => new BullMqJobQueue(queue, options.concurrency ?? 8),
      inject: [getQueueToken(KERNEL_QUEUE)],
    };
    return {
      module: JobsModule,
      imports: [
        BullModule.forRoot({
          prefix: `${options.redisPrefix ?? 'switchboard'}:bull`,
          connection: {
            host: redis.hostname,
            port: Number(redis.port || 6379),
            username: redis.username ? decodeURIComponent(redis.username) : undefined,
            password: redis.password ? decodeURIComponent(redis.password) : undefined,
            db: Number(redis.pathname.slice(1) || 0),
            tls: redis.protocol === 'rediss:' ? {} : undefined,
            maxRetriesPerRequest: null,
          },
        }),
        BullModule.registerQueue({ name: KERNEL_QUEUE }),
      ],
      providers: [provider],
      exports: [JOB_QUEUE],
    };
  }
}
