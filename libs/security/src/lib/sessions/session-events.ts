import { Injectable } from '@nestjs/common';

/** Sessions that just ended: all of some users' (`userIds`), or single ones (`sessionIds`). */
export interface SessionsEnded {
  userIds?: readonly string[];
  sessionIds?: readonly string[];
  /** Said to the user, e.g. "The account was locked". */
  reason: string;
}

/**
 * Tells whoever holds live connections (the kernel's console socket) that sessions ended, so
 * they are cut at once. A listener list rather than an injected gateway: the gateway itself
 * depends on this module to authenticate.
 */
@Injectable()
export class SessionEvents {
  private readonly listeners = new Set<(event: SessionsEnded) => Promise<void> | void>();

  onEnded(listener: (event: SessionsEnded) => Promise<void> | void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async ended(event: SessionsEnded): Promise<void> {
    await Promise.all([...this.listeners].map((listener) => listener(event)));
  }
}
