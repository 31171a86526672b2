import { Global, Module, type DynamicModule } from '@nestjs/common';
import { CONTACT_BROADCAST } from '@switchboard/conversations';
import { CONNECTED_AGENTS } from '@switchboard/routing';
import { USER_NOTIFIER } from '@switchboard/staff';
import { ConsoleGateway } from './console.gateway';
import { LocalNoticeBus, NoticeBus, RedisNoticeBus } from './notice-bus';

export interface RealtimeOptions {
  /** Several nodes share notices through Redis; without it, one process. */
  redis?: { url: string; prefix: string };
}

/** The console socket, and the ports (USER_NOTIFIER, CONTACT_BROADCAST, CONNECTED_AGENTS) the domain modules use. */
@Global()
@Module({})
export class RealtimeModule {
  static forRoot({ redis }: RealtimeOptions): DynamicModule {
    return {
      module: RealtimeModule,
      providers: [
        { provide: NoticeBus, useFactory: () => (redis ? new RedisNoticeBus(redis.url, redis.prefix) : new LocalNoticeBus()) },
        ConsoleGateway,
        { provide: USER_NOTIFIER, useExisting: ConsoleGateway },
        { provide: CONTACT_BROADCAST, useExisting: ConsoleGateway },
        { provide: CONNECTED_AGENTS, useExisting: ConsoleGateway },
      ],
      exports: [ConsoleGateway, USER_NOTIFIER, CONTACT_BROADCAST, CONNECTED_AGENTS],
    };
  }
}
