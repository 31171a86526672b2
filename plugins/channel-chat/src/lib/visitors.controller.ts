import { Body, Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ConsoleModule, DomainException, ErrorCode, type CurrentUser, type Invitation, type OnlineVisitor, type Page, type ProactiveInviteRequest } from '@switchboard/contracts';
import { INVITATIONS, RequirePermissions, SignedInStaff, type Invitations } from '@switchboard/plugin-sdk';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ChatChannel } from './chat-channel';
import { VisitorDirectory } from './visitor-directory';

/** Longest proactive invitation text, in characters. */
const INVITE_MESSAGE_MAX = 500;

export class VisitorsQuery {
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize = 50;
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
// Agents whose chat module is switched off see no visitors and invite none.
@RequirePermissions(`module.${ConsoleModule.Chat}`)
export class VisitorsController {
  constructor(
    private readonly directory: VisitorDirectory,
    private readonly channel: ChatChannel,
    @Inject(INVITATIONS) private readonly invitations: Invitations,
  ) {}

  /** Those on the site longest first, a page at a time. */
  @Get()
  async list(@Query() query: VisitorsQuery): Promise<Page<OnlineVisitor>> {
    const all = await this.directory.online(query.siteId);
    const start = (query.page - 1) * query.pageSize;
    return { items: all.slice(start, start + query.pageSize), total: all.length, page: query.page, pageSize: query.pageSize };
  }

  @Post('invite')
  async invite(@SignedInStaff() agent: CurrentUser, @Body() body: ProactiveInviteDto): Promise<Invitation> {
    const visitor = await this.directory.visitor(body.siteId, body.visitorId);
    if (!visitor) throw new DomainException(ErrorCode.NotFound, 'This visitor has left the site');
    if (visitor.interactionId) throw new DomainException(ErrorCode.Conflict, 'This visitor is already in a chat');
    const { invitation, code } = await this.invitations.create({ channelId: 'chat', accountId: body.siteId, agentId: agent.id, reusable: false, createdBy: agent.id });
    this.channel.invite(body.siteId, body.visitorId, { invitation: code, agentName: agent.fullName, message: body.message ?? null });
    return invitation;
  }
}
