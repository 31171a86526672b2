import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, type OutboxMail, type Page } from '@switchboard/contracts';
import { PageQueryDto } from '@switchboard/db';
import { RequirePermissions } from '@switchboard/permissions';
import { MailService } from './mail.service';

@ApiTags('mail')
@ApiBearerAuth()
@Controller('mail/outbox')
@RequirePermissions(Permission.SecurityManage)
export class OutboxController {
  constructor(private readonly mail: MailService) {}

  /** Newest first. */
  @Get()
  list(@Query() query: PageQueryDto): Promise<Page<OutboxMail>> {
    return this.mail.list(query);
  }
}
