import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, type OfflineMessage, type OfflineRecipients, type Page, type PauseReason, type RoutingSettings } from '@switchboard/contracts';
import { PageQueryDto } from '@switchboard/db';
import { RequirePermissions } from '@switchboard/permissions';
import { OfflineRecipientsDto, PauseReasonDto, RoutingSettingsDto, UpdatePauseReasonDto } from '../dto/settings.dto';
import { OfflineMessagesService } from '../offline/offline-messages.service';
import { PauseReasonsService } from '../settings/pause-reasons.service';
import { RoutingSettingsService } from '../settings/routing-settings.service';

const id = new ParseUUIDPipe({ version: '4' });

/** Routing settings, pause reasons, offline-message recipients and the offline messages left. */
@ApiTags('routing')
@ApiBearerAuth()
@Controller('routing')
export class RoutingSettingsController {
  constructor(
    private readonly settings: RoutingSettingsService,
    private readonly reasons: PauseReasonsService,
    private readonly offline: OfflineMessagesService,
  ) {}

  @Get('settings')
  getSettings(): Promise<RoutingSettings> {
    return this.settings.get();
  }

  @Put('settings')
  @RequirePermissions(Permission.RoutingManage)
  setSettings(@Body() body: RoutingSettingsDto): Promise<RoutingSettings> {
    return this.settings.update(body);
  }

  /** Every signed-in user reads the reasons (the status menu); `?all=true` includes archived ones. */
  @Get('pause-reasons')
  listReasons(@Query('all') all?: string): Promise<PauseReason[]> {
    return this.reasons.list(all === 'true');
  }

  @Post('pause-reasons')
  @RequirePermissions(Permission.RoutingManage)
  createReason(@Body() body: PauseReasonDto): Promise<PauseReason> {
    return this.reasons.create(body);
  }

  @Patch('pause-reasons/:id')
  @RequirePermissions(Permission.RoutingManage)
  updateReason(@Param('id', id) reasonId: string, @Body() body: UpdatePauseReasonDto): Promise<PauseReason> {
    return this.reasons.update(reasonId, body);
  }

  @Delete('pause-reasons/:id')
  @HttpCode(204)
  @RequirePermissions(Permission.RoutingManage)
  removeReason(@Param('id', id) reasonId: string): Promise<void> {
    return this.reasons.remove(reasonId);
  }

  @Get('offline-recipients')
  @RequirePermissions(Permission.RoutingManage)
  recipients(): Promise<OfflineRecipients> {
    return this.offline.recipients();
  }

  @Put('offline-recipients')
  @RequirePermissions(Permission.RoutingManage)
  setRecipients(@Body() body: OfflineRecipientsDto): Promise<OfflineRecipients> {
    return this.offline.setRecipients(body.agentIds);
  }

  @Get('offline-messages')
  @RequirePermissions(Permission.RoutingManage)
  offlineMessages(@Query() query: PageQueryDto): Promise<Page<OfflineMessage>> {
    return this.offline.list(query);
  }
}
