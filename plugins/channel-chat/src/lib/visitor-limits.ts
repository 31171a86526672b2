import { Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * What one visitor, and one IP address (many visitors behind one office router), may do per
 * window on this node: messages and other requests, new connections, and files sent or fetched.
 */
@Injectable()
export class VisitorLimits {
  private readonly perVisitor = new RateLimiterMemory({ points: limit('CHAT_VISITOR_REQUESTS_PER_10S', 30), duration: 10 });
  private readonly perIp = new RateLimiterMemory({ points: limit('CHAT_IP_REQUESTS_PER_10S', 300), duration: 10 });
  private readonly connectionsPerIp = new RateLimiterMemory({ points: limit('CHAT_IP_CONNECTIONS_PER_MINUTE', 60), duration: 60 });
  private readonly filesPerIp = new RateLimiterMemory({ points: limit('CHAT_IP_FILES_PER_MINUTE', 60), duration: 60 });

  /** True when the visitor may send one more request now. */
  async request(visitor: string, ip: string): Promise<boolean> {
    return (await allowed(this.perVisitor, visitor)) && (await allowed(this.perIp, ip));
  }

  connection(ip: string): Promise<boolean> {
    return allowed(this.connectionsPerIp, ip);
  }

  /** True when one more file may be sent or fetched from this address now (checked before the upload is read). */
  file(ip: string): Promise<boolean> {
    return allowed(this.filesPerIp, ip);
  }
}

/** A limit from the environment (README: web chat), or its default. */
function limit(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

async function allowed(limiter: RateLimiterMemory, key: string): Promise<boolean> {
  try {
    await limiter.consume(key);
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    throw error;
  }
}
