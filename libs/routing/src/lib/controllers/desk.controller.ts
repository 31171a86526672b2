import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, type CurrentUser, type Desk, type InboundResponse, type InteractionMessage, type InteractionSummary, type TransferTargets } from '@switchboard/contracts';
import { RequirePermissions, SignedInUser } from '@switchboard/permissions';
import { DeskMessages } from '../conversation/desk-messages';
import { AvailabilityQueryDto, InboundDto, OfflineMessageDto, ReplyDto, TransferDto } from '../dto/interaction.dto';
import { InteractionIntakeService } from '../intake/interaction-intake.service';
import { DeskService } from '../offers/desk.service';
import { OfferActions } from '../offers/offer-actions';
import { TransferTargetsService } from '../offers/transfer-targets';

const id = new ParseUUIDPipe({ version: '4' });

/**
 * The agent's side of routing over REST (the same actions as the console socket's events), and
 * the REST intake through which integrations hand inbound messages to the kernel.
 */
@ApiTags('interactions')
@ApiBearerAuth()
@Controller()
export class DeskController {
  constructor(
    private readonly desk: DeskService,
    private readonly actions: OfferActions,
    private readonly intake: InteractionIntakeService,
    private readonly transferTargets: TransferTargetsService,
    private readonly messages: DeskMessages,
  ) {}

  @Get('routing/desk')
  mine(@SignedInUser() actor: CurrentUser): Promise<Desk> {
    return this.desk.of(actor.id);
  }

  @Post('offers/:id/accept')
  @HttpCode(200)
  accept(@SignedInUser() actor: CurrentUser, @Param('id', id) offerId: string): Promise<InteractionSummary> {
    return this.actions.accept(actor.id, offerId);
  }

  @Post('offers/:id/reject')
  @HttpCode(204)
  reject(@SignedInUser() actor: CurrentUser, @Param('id', id) offerId: string): Promise<void> {
    return this.actions.reject(actor.id, offerId);
  }

  @Post('interactions/:id/close')
  @HttpCode(204)
  close(@SignedInUser() actor: CurrentUser, @Param('id', id) interactionId: string): Promise<void> {
    return this.actions.close(actor.id, interactionId);
  }

  @Get('interactions/:id/transfer-targets')
  targets(@SignedInUser() actor: CurrentUser, @Param('id', id) interactionId: string): Promise<TransferTargets> {
    return this.transferTargets.of(actor.id, interactionId);
  }

  @Post('interactions/:id/transfer')
  @HttpCode(204)
  transfer(@SignedInUser() actor: CurrentUser, @Param('id', id) interactionId: string, @Body() body: TransferDto): Promise<void> {
    return this.actions.transfer(actor.id, interactionId, body);
  }

  @Get('interactions/:id/messages')
  messagesOf(@SignedInUser() actor: CurrentUser, @Param('id', id) interactionId: string): Promise<InteractionMessage[]> {
    return this.messages.list(actor.id, interactionId);
  }

  @Post('interactions/:id/messages')
  reply(@SignedInUser() actor: CurrentUser, @Param('id', id) interactionId: string, @Body() body: ReplyDto): Promise<InteractionMessage> {
    return this.messages.reply(actor, interactionId, body);
  }

  @Post('interactions/inbound')
  @RequirePermissions(Permission.InteractionsInject)
  async inbound(@Body() body: InboundDto): Promise<InboundResponse> {
    const { channel, ...message } = body;
    return this.intake.receive({ ...message, channelId: channel });
  }

  @Post('interactions/:id/abandon')
  @HttpCode(204)
  @RequirePermissions(Permission.InteractionsInject)
  abandon(@Param('id', id) interactionId: string): Promise<void> {
    return this.intake.abandon(interactionId);
  }

  @Post('interactions/offline-messages')
  @RequirePermissions(Permission.InteractionsInject)
  leaveOffline(@Body() body: OfflineMessageDto): Promise<{ id: string }> {
    const { channel, ...message } = body;
    return this.intake.leaveOfflineMessage({ ...message, channelId: channel });
  }

  @Get('routing/availability')
  @RequirePermissions(Permission.InteractionsInject)
  async availability(@Query() query: AvailabilityQueryDto): Promise<{ available: boolean }> {
    return { available: await this.intake.available({ channelId: query.channel, accountId: query.accountId, pageUrl: query.pageUrl }) };
  }
}
