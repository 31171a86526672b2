import { Body, Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DomainException, ErrorCode, type CurrentUser, type Invitation, type OnlineVisitor, type ProactiveInviteRequest } from '@switchboard/contracts';
import { INVITATIONS, SignedInStaff, type Invitations } from '@switchboard/plugin-sdk';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ChatChannel } from './chat-channel';
import { VisitorDirectory } from './visitor-directory';

/** Longest proactive invitation text, in characters. */
const INVITE_MESSAGE_MAX = 500;

export class VisitorsQuery {
  @IsOptional()
  @IsUUID()
  siteId?: string;
}

export class ProactiveInviteDto implements ProactiveInviteRequest {
  @IsUUID()
  siteId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  visitorId!: string;

  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() || undefined : value))
  @IsString()
  @MaxLength(INVITE_MESSAGE_MAX)
  message?: string;
}

/**
 * Visitor tracking for agents (seed 000): who is browsing the sites now, and the proactive
 * invitation — the visitor's widget offers them a chat with the agent who asked, through a
 * one-chat invitation.
 */
@ApiTags('chat')
@ApiBearerAuth()
@Controller('chat/visitors')
export class VisitorsController {
  constructor(
    private readonly directory: VisitorDirectory,
    private readonly channel: ChatChannel,
    @Inject(INVITATIONS) private readonly invitations: Invitations,
  ) {}

  @Get()
  list(@Query() query: VisitorsQuery): Promise<OnlineVisitor[]> {
    return this.directory.online(query.siteId);
  }

  @Post('invite')
  async invite(@SignedInStaff() agent: CurrentUser, @Body() body: ProactiveInviteDto): Promise<Invitation> {
    const visitor = (await this.directory.online(body.siteId)).find((v) => v.id === body.visitorId);
    if (!visitor) throw new DomainException(ErrorCode.NotFound, 'This visitor has left the site');
    if (visitor.interactionId) throw new DomainException(ErrorCode.Conflict, 'This visitor is already in a chat');
    const { invitation, code } = await this.invitations.create({ channelId: 'chat', accountId: body.siteId, agentId: agent.id, reusable: false, createdBy: agent.id });
    this.channel.invite(body.siteId, body.visitorId, { invitation: code, agentName: agent.fullName, message: body.message ?? null });
    return invitation;
  }
}
