import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MAIL_OPTIONS, type MailOptions } from './mail-options';
import { MailService } from './mail.service';
import { OutboxController } from './outbox.controller';
import { OutboxMailEntity } from './outbox-mail.entity';

/** Outbound mail and its outbox. Global: the modules that write mail use MailService. */
@Module({})
export class MailModule {
  static forRoot(options: MailOptions): DynamicModule {
    return {
      module: MailModule,
      global: true,
      imports: [TypeOrmModule.forFeature([OutboxMailEntity])],
      controllers: [OutboxController],
      providers: [{ provide: MAIL_OPTIONS, useValue: options }, MailService],
      exports: [MailService],
    };
  }
}
