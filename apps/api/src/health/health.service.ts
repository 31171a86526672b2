import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { DependencyHealth, HealthResponse } from '@switchboard/contracts';
import { DATABASE_HANDLE, type DatabaseHandle } from '@switchboard/db';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, SWITCHBOARD_VERSION } from '../app-config.token';
import type { AppConfig } from '../config/app-config';

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref()),
  ]);
}

async function probe(kind: string, check: () => Promise<unknown>): Promise<DependencyHealth> {
  try {
    await withTimeout(check());
    return { status: 'up', kind };
  } catch (error) {
    return { status: 'down', kind, message: (error as Error).message };
  }
}

/** Asks the database, and Redis when configured, whether they answer. */
@Injectable()
export class HealthService implements OnApplicationShutdown {
  private readonly redis?: Redis;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(DATABASE_HANDLE) private readonly database: DatabaseHandle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    if (config.REDIS_URL) {
      this.redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    }
  }

  async check(): Promise<HealthResponse> {
    const details: Record<string, DependencyHealth> = {
      database: await probe(this.database.kind, () => this.dataSource.query('select 1')),
    };
    const redis = this.redis;
    if (redis) {
      details['redis'] = await probe('redis', async () => {
        if (redis.status === 'wait' || redis.status === 'end') await redis.connect();
        return redis.ping();
      });
    }
    const ok = Object.values(details).every((d) => d.status === 'up');
    return { status: ok ? 'ok' : 'error', mode: this.config.mode, version: SWITCHBOARD_VERSION, details };
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis?.disconnect();
  }
}
