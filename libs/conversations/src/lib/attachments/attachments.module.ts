import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ATTACHMENT_OPTIONS, type AttachmentOptions } from './attachment-options';
import { AttachmentPolicy } from './attachment-policy';
import { AttachmentsService } from './attachments.service';

/** Files of conversations: which are accepted (AttachmentPolicy) and where they are kept (AttachmentsService). Global: routing stores and reads them. */
@Global()
@Module({})
export class AttachmentsModule {
  static forRoot(options: AttachmentOptions): DynamicModule {
    return {
      module: AttachmentsModule,
      providers: [{ provide: ATTACHMENT_OPTIONS, useValue: options }, AttachmentPolicy, AttachmentsService],
      exports: [AttachmentPolicy, AttachmentsService],
    };
  }
}
