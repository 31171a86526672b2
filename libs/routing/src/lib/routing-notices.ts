import { Inject, Injectable, Optional } from '@nestjs/common';
import type { ConsoleServerEvents } from '@switchboard/contracts';
import { USER_NOTIFIER, type UserNotifier } from '@switchboard/staff';

/** Socket events to agents' consoles (on any node), sent after the change is committed. */
@Injectable()
export class RoutingNotices {
  constructor(@Optional() @Inject(USER_NOTIFIER) private readonly notifier?: UserNotifier) {}

  send<E extends keyof ConsoleServerEvents>(agentId: string, event: E, ...payload: Parameters<ConsoleServerEvents[E]>): void {
    this.notifier?.notifyUser(agentId, event, ...payload);
  }
}
