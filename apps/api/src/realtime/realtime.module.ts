import { Global, Module } from '@nestjs/common';
import { USER_NOTIFIER } from '@switchboard/staff';
import { ConsoleGateway } from './console.gateway';

/** The console socket, and the USER_NOTIFIER port the domain modules send through. */
@Global()
@Module({
  providers: [ConsoleGateway, { provide: USER_NOTIFIER, useExisting: ConsoleGateway }],
  exports: [ConsoleGateway, USER_NOTIFIER],
})
export class RealtimeModule {}
