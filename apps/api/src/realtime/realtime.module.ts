import { Global, Module } from '@nestjs/common';
import { CONTACT_BROADCAST } from '@switchboard/conversations';
import { CONNECTED_AGENTS } from '@switchboard/routing';
import { USER_NOTIFIER } from '@switchboard/staff';
import { ConsoleGateway } from './console.gateway';

/** The console socket, and the ports (USER_NOTIFIER, CONTACT_BROADCAST, CONNECTED_AGENTS) the domain modules use. */
@Global()
@Module({
  providers: [
    ConsoleGateway,
    { provide: USER_NOTIFIER, useExisting: ConsoleGateway },
    { provide: CONTACT_BROADCAST, useExisting: ConsoleGateway },
    { provide: CONNECTED_AGENTS, useExisting: ConsoleGateway },
  ],
  exports: [ConsoleGateway, USER_NOTIFIER, CONTACT_BROADCAST, CONNECTED_AGENTS],
})
export class RealtimeModule {}
