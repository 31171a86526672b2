import type { JobHandler } from '@switchboard/plugin-sdk';

/** The job handlers of this process, keyed by job name; each name has exactly one. */
export class HandlerRegistry {
  private readonly handlers = new Map<string, JobHandler<unknown>>();

  register<T>(name: string, handler: JobHandler<T>): void {
    if (this.handlers.has(name)) throw new Error(`A handler for job "${name}" is already registered`);
    this.handlers.set(name, handler as JobHandler<unknown>);
  }

  /** Throws for a name nobody handles, so a typo fails where the job is added. */
  require(name: string): JobHandler<unknown> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`No handler is registered for job "${name}"`);
    return handler;
  }
}

export const DEFAULT_ATTEMPTS = 3;
export const DEFAULT_BACKOFF_MS = 1000;
