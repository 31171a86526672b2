import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { DomainException, ErrorCode } from '@switchboard/contracts';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { SECURITY_OPTIONS, type SecurityOptions } from '../security-options';

/**
 * Throttles sign-in attempts per client IP and per login name, before any password is checked.
 * Counters live in Redis when configured (every node shares them), in memory otherwise. An
 * attempt that turns out right is given back, so only failures use the allowance.
 */
@Injectable()
export class LoginThrottleService implements OnApplicationShutdown {
  private readonly redis?: Redis;
  private readonly perIp: RateLimiterAbstract;
  private readonly perAccount: RateLimiterAbstract;

  constructor(@Inject(SECURITY_OPTIONS) options: SecurityOptions) {
    const { perIp, perAccount, windowSeconds } = options.loginThrottle;
    if (options.redis) {
      this.redis = new Redis(options.redis.url, { enableOfflineQueue: true, maxRetriesPerRequest: 3, lazyConnect: false });
      const base = { storeClient: this.redis, duration: windowSeconds };
      this.perIp = new RateLimiterRedis({ ...base, points: perIp, keyPrefix: `${options.redis.prefix}:login-ip` });
      this.perAccount = new RateLimiterRedis({ ...base, points: perAccount, keyPrefix: `${options.redis.prefix}:login-account` });
    } else {
      this.perIp = new RateLimiterMemory({ points: perIp, duration: windowSeconds });
      this.perAccount = new RateLimiterMemory({ points: perAccount, duration: windowSeconds });
    }
  }

  /** Takes one attempt for this IP and login; 429 with the seconds to wait when either is used up. */
  async take(ip: string | null, login: string): Promise<void> {
    const keys = [this.consume(this.perIp, ip ?? 'unknown'), this.consume(this.perAccount, accountKey(login))];
    const waits = await Promise.all(keys);
    const wait = Math.max(...waits);
    if (wait > 0) {
      throw new DomainException(ErrorCode.TooManyRequests, `Too many sign-in attempts; try again in ${wait} s`, { retryAfterSeconds: wait });
    }
  }

  /** A right password: the attempt does not count. */
  async succeeded(ip: string | null, login: string): Promise<void> {
    await Promise.all([this.perIp.reward(ip ?? 'unknown', 1), this.perAccount.reward(accountKey(login), 1)]);
  }

  /** An administrator unlocked the account: its login names start afresh. */
  async forgive(logins: readonly string[]): Promise<void> {
    await Promise.all(logins.map((login) => this.perAccount.delete(accountKey(login))));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }

  /** Seconds to wait (0 when the attempt is allowed). */
  private async consume(limiter: RateLimiterAbstract, key: string): Promise<number> {
    try {
      await limiter.consume(key, 1);
      return 0;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw rejection;
    }
  }
}

const accountKey = (login: string) => login.trim().toLowerCase();
