import { Injectable, type NestMiddleware } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is asking and from where, for the audit trail and the rate limits. */
export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
  /** Set by the sign-in guard once the access token is checked. */
  actor?: { id: string; name: string };
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The context of the request being served, if any (jobs and start-up have none). */
export function requestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Records the signed-in user of this request. */
export function setRequestActor(actor: { id: string; name: string }): void {
  const context = storage.getStore();
  if (context) context.actor = actor;
}

/** Runs the rest of the request inside its context. The IP honours `trust proxy` (TRUSTED_PROXIES). */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(request: { ip?: string; headers: Record<string, string | string[] | undefined> }, _response: unknown, next: () => void): void {
    const agent = request.headers['user-agent'];
    storage.run({ ip: request.ip ?? null, userAgent: typeof agent === 'string' ? agent.slice(0, 300) : null }, next);
  }
}
