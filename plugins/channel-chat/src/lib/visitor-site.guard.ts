import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { DomainException, ErrorCode, type ChatSiteSettings } from '@switchboard/contracts';
import { CHANNEL_ACCOUNTS, CLIENT_ADDRESS, type ChannelAccount, type ChannelAccounts, type ClientAddress } from '@switchboard/plugin-sdk';
import type { Request, Response } from 'express';
import { VisitorLimits } from './visitor-limits';

/** The site and the client address a visitor's HTTP request was admitted with (VisitorSiteGuard puts them on the request). */
export interface VisitorSite {
  site: ChannelAccount<ChatSiteSettings>;
  ip: string;
}

export type VisitorHttpRequest = Request & { chatVisitorSite?: VisitorSite };

/** What VisitorSiteGuard admitted (a route without the guard has nothing). */
export function visitorSiteOf(request: VisitorHttpRequest): VisitorSite {
  if (!request.chatVisitorSite) throw new Error('A visitor route without VisitorSiteGuard');
  return request.chatVisitorSite;
}

/**
 * The widget's HTTP routes (`/chat/sites/:siteKey/...`), checked as the socket's handshake is:
 * the key must be an enabled site's and the page's Origin one the site allows; the answer may then
 * be read by that page (CORS for this origin only, set before anything else can fail, so that
 * the widget reads a refusal too). A client address sending too many files is refused before its
 * upload is read.
 */
@Injectable()
export class VisitorSiteGuard implements CanActivate {
  constructor(
    @Inject(CHANNEL_ACCOUNTS) private readonly accounts: ChannelAccounts,
    @Inject(CLIENT_ADDRESS) private readonly clientAddress: ClientAddress,
    private readonly limits: VisitorLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<VisitorHttpRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const siteKey = request.params['siteKey'];
    const site = typeof siteKey === 'string' && siteKey.length <= 100 ? await this.accounts.byKey<ChatSiteSettings>('chat', siteKey) : null;
    if (!site) throw new DomainException(ErrorCode.NotFound, 'No enabled site has this key');
    const origin = request.headers.origin;
    if (!origin || !site.settings.allowedOrigins.includes(origin)) throw new DomainException(ErrorCode.Forbidden, `This site does not allow the chat on ${origin ?? 'a page without an origin'}`);
    response.setHeader('Access-Control-Allow-Origin', origin);
    response.vary('Origin');
    const ip = this.clientAddress.of({ address: request.socket.remoteAddress ?? '', headers: request.headers });
    if (!(await this.limits.file(ip))) throw new DomainException(ErrorCode.TooManyRequests, 'Too many files at once: try again in a minute');
    request.chatVisitorSite = { site, ip };
    return true;
  }
}
