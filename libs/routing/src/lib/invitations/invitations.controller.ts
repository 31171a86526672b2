import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query, RequestMethod, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import { DomainException, ErrorCode, type CurrentUser, type Invitation, type InvitationSite, type Page } from '@switchboard/contracts';
import { SignedInUser } from '@switchboard/permissions';
import { PublicRoute } from '@switchboard/plugin-sdk';
import type { Response } from 'express';
import { InvitationDto, InvitationQueryDto } from './invitation.dto';
import { InvitationsService } from './invitations.service';

const id = new ParseUUIDPipe({ version: '4' });

/** Where an invitation's page lives: outside the API prefix, a short link to send to a customer. */
export const INVITATION_PAGE_ROUTE = { path: 'chat/invite/:code', method: RequestMethod.GET };

@ApiTags('invitations')
@ApiBearerAuth()
@Controller()
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get('invitations')
  list(@SignedInUser() actor: CurrentUser, @Query() query: InvitationQueryDto): Promise<Page<Invitation>> {
    return this.invitations.list(actor, query);
  }

  @Get('invitations/sites')
  sites(): Promise<InvitationSite[]> {
    return this.invitations.siteOptions();
  }

  @Post('invitations')
  create(@SignedInUser() actor: CurrentUser, @Body() body: InvitationDto): Promise<Invitation> {
    return this.invitations.createFor(actor, body);
  }

  @Post('invitations/:id/invalidate')
  @HttpCode(200)
  invalidate(@SignedInUser() actor: CurrentUser, @Param('id', id) invitationId: string): Promise<Invitation> {
    return this.invitations.invalidate(actor, invitationId);
  }

  /** The page a customer opens: the site's chat box, set to reach the inviting agent (410 once spent). */
  @PublicRoute()
  @ApiExcludeEndpoint()
  @Get(INVITATION_PAGE_ROUTE.path)
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async page(@Param('code') code: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const page = await this.invitations.page(code);
    if (!page) throw new DomainException(ErrorCode.NotFound, 'No invitation has this code');
    if (!page.valid) response.status(410);
    return page.html;
  }
}
