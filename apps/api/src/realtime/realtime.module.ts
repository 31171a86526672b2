import { Global, Module } from '@nestjs/common';
import { CONTACT_BROADCAST } from '@switchboard/conversations';
import { USER_NOTIFIER } from '@switchboard/staff';
import { ConsoleGateway } from './console.gateway';

/** The console socket, and the ports (USER_NOTIFIER, CONTACT_BROADCAST) the domain modules send through. */
@Global()
@Module({
  providers: [ConsoleGateway, { provide: USER_NOTIFIER, useExisting: ConsoleGateway }, { provide: CONTACT_BROADCAST, useExisting: ConsoleGateway }],
  exports: [ConsoleGateway, USER_NOTIFIER, CONTACT_BROADCAST],
})
export class RealtimeModule {}
