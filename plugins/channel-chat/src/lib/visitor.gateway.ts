import { Inject, Logger, type OnModuleInit } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import {
  CHAT_NAMESPACE,
  DomainException,
  ErrorCode,
  type ChatConversation,
  type ChatMessage,
  type ChatResult,
  type ChatServerEvents,
  type ChatSiteSettings,
  type FieldError,
} from '@switchboard/contracts';
import {
  CHANNEL_ACCOUNTS,
  CLIENT_ADDRESS,
  CONTACT_CONVERSATIONS,
  INTERACTION_INTAKE,
  INVITATIONS,
  type ChannelAccount,
  type ChannelAccounts,
  type ClientAddress,
  type ContactConversations,
  type ContactRef,
  type InteractionIntake,
  type Invitations,
} from '@switchboard/plugin-sdk';
import type { Namespace, Socket } from 'socket.io';
import { ChatChannel } from './chat-channel';
import { toChatConversation } from './chat-views';
import { emailOf, nameOf, preChatAnswers } from './pre-chat';
import { checkIdentity, contactAddressOf, isVisitorToken, newVisitorToken, siteRoom, visitorRoom, type VerifiedIdentity } from './visitor-identity';
import { VisitorDirectory } from './visitor-directory';
import { VisitorLimits } from './visitor-limits';
import { InvitedRequest, OfflineRequest, parse, RateRequest, ReadRequest, RequestProblem, SendMessageRequest, TranscriptRequest, TypingRequest } from './visitor-requests';
import { visitOf, type Visit } from './visitor-visit';

/**
 * What a visitor socket carries. It is small and plain on purpose: visitor tracking reads it from
 * every node (`fetchSockets`); the site and the visitor's token stay in the gateway's own map.
 */
export interface VisitorData {
  siteId: string;
  siteName: string;
  contact: ContactRef;
  ip: string;
  pageUrl?: string;
  /** The conversation this socket last saw (typing and read signals are about it). */
  interactionId?: string;
  /** Who the site says the visitor is (signed), or null. */
  identity: VerifiedIdentity | null;
  /** The code of the invitation the page was opened with. */
  invitation?: string;
  visit: Visit;
  /** The proactive invitation this tab is showing, if any. */
  invited: string | null;
}
export type VisitorSocket = Socket<Record<string, never>, ChatServerEvents, Record<string, never>, VisitorData>;

const CHANNEL = 'chat';

const refused = (code: string, message: string) => Object.assign(new Error(message), { data: { code, message } });


/**
 * The visitor's socket (ARCHITECTURE.md section 4: inbound through the kernel's intake only).
 * The handshake is refused unless the site key is an enabled site's and the page's Origin is one
 * the site allows. Every request is validated and rate-limited and answers through its
 * acknowledgement; malformed ones get an error and change nothing. A visitor reaches only the
 * conversation of their own token.
 */
@WebSocketGateway({ namespace: CHAT_NAMESPACE })
export class VisitorGateway implements OnGatewayInit, OnGatewayConnection, OnModuleInit {
  private readonly logger = new Logger('ChatVisitors');
  /** Each socket's site, as read at its handshake, and the visitor's token (kept off `socket.data`, which other nodes read). */
  private readonly admitted = new WeakMap<VisitorSocket, { site: ChannelAccount<ChatSiteSettings>; token: string }>();

  constructor(
    @Inject(INTERACTION_INTAKE) private readonly intake: InteractionIntake,
    @Inject(CONTACT_CONVERSATIONS) private readonly conversations: ContactConversations,
    @Inject(CHANNEL_ACCOUNTS) private readonly accounts: ChannelAccounts,
    @Inject(CLIENT_ADDRESS) private readonly clientAddress: ClientAddress,
    @Inject(INVITATIONS) private readonly invitations: Invitations,
    private readonly channel: ChatChannel,
    private readonly limits: VisitorLimits,
    private readonly directory: VisitorDirectory,
  ) {}

  onModuleInit(): void {
    this.logger.log(`Visitors connect to ${CHAT_NAMESPACE}`);
  }

  afterInit(namespace: Namespace<Record<string, never>, ChatServerEvents>): void {
    this.channel.attach(namespace);
    this.directory.attach(namespace as unknown as Parameters<VisitorDirectory['attach']>[0]);
    namespace.use((socket, next) => {
      this.admit(socket as VisitorSocket).then(
        () => next(),
        (error: unknown) => {
          if (error instanceof Error && 'data' in error) return next(error);
          this.logger.error(error);
          next(refused(ErrorCode.Internal, 'The chat is not available'));
        },
      );
    });
  }

  /** Checks the handshake and puts the visitor's identity on the socket. */
  private async admit(socket: VisitorSocket): Promise<void> {
    const { siteKey, visitorToken, pageUrl, identity, invitation, visit } = (socket.handshake.auth ?? {}) as Record<string, unknown>;
    const ip = this.clientAddress.of({ address: socket.handshake.address, headers: socket.handshake.headers });
    if (!(await this.limits.connection(ip))) throw refused(ErrorCode.TooManyRequests, 'Too many connections: try again in a minute');
    const site = typeof siteKey === 'string' && siteKey.length <= 100 ? await this.accounts.byKey<ChatSiteSettings>(CHANNEL, siteKey) : null;
    if (!site) throw refused(ErrorCode.NotFound, 'No enabled site has this key');
    const origin = socket.handshake.headers.origin;
    if (!origin || !site.settings.allowedOrigins.includes(origin)) throw refused(ErrorCode.Forbidden, `This site does not allow the chat on ${origin ?? 'a page without an origin'}`);
    const signed = checkIdentity(site.settings.identitySecret, identity);
    if (signed.kind === 'forged') throw refused(ErrorCode.Forbidden, signed.reason);
    const token = isVisitorToken(visitorToken) ? visitorToken : newVisitorToken();
    const page = typeof pageUrl === 'string' && pageUrl.length <= 2000 ? pageUrl : undefined;
    this.admitted.set(socket, { site, token });
    socket.data = {
      siteId: site.id,
      siteName: site.name,
      ip,
      // A signed-in visitor is the same contact on every browser; anyone else is their token's.
      contact: { channelId: CHANNEL, accountId: site.id, contactAddress: contactAddressOf(signed, token) },
      pageUrl: page,
      identity: signed.kind === 'signed' ? { id: signed.id, name: signed.name, email: signed.email } : null,
      invitation: typeof invitation === 'string' && invitation.length <= 100 ? invitation : undefined,
      visit: visitOf(visit, page),
      invited: null,
    };
  }

  /** The site of a socket the handshake admitted. */
  private siteOf(socket: VisitorSocket): ChannelAccount<ChatSiteSettings> {
    const admitted = this.admitted.get(socket);
    if (!admitted) throw new Error('A visitor socket without a site');
    return admitted.site;
  }

  async handleConnection(socket: VisitorSocket): Promise<void> {
    const admitted = this.admitted.get(socket);
    if (!admitted) return;
    const { site, token } = admitted;
    const { contact, pageUrl, invitation } = socket.data;
    try {
      await socket.join([visitorRoom(contact.accountId, contact.contactAddress), siteRoom(site.id)]);
      const [conversation, online, grant] = await Promise.all([
        this.conversations.current(contact),
        this.intake.available({ channelId: CHANNEL, accountId: site.id, pageUrl, invitation }),
        invitation ? this.invitations.check(CHANNEL, site.id, invitation) : null,
      ]);
      socket.data.interactionId = conversation?.interactionId;
      socket.emit('chat.ready', {
        visitorToken: token,
        site: { name: site.name, preChatFields: site.settings.preChatFields, layoutHtml: site.settings.layoutHtml, online, invitation: grant ? { agentName: grant.agentName } : null },
        conversation: conversation ? toChatConversation(conversation) : null,
      });
    } catch (error) {
      this.logger.error(error);
      socket.disconnect(true);
    }
  }

  @SubscribeMessage('chat.message')
  message(@ConnectedSocket() socket: VisitorSocket, @MessageBody() body: unknown): Promise<ChatResult<ChatMessage & { interactionId: string }>> {
    return this.act(socket, async () => {
      const request = parse(SendMessageRequest, body);
      const text = request.body.trim();
      if (!text) throw new RequestProblem('body', 'Write a message');
      const { contact, ip, identity } = socket.data;
      const site = this.siteOf(socket);
      // A message with the pre-chat form's answers may open a conversation; one without only
      // continues the open one (the intake refuses it, storing nothing, when none is open).
      const opening = request.fields !== undefined;
      const answers = opening ? preChatAnswers(site.settings.preChatFields, request.fields) : {};
      const contactName = nameOf(site.settings.preChatFields, answers) ?? identity?.name ?? undefined;
      const result = await this.intake.receive({
        channelId: CHANNEL,
        accountId: site.id,
        contactAddress: contact.contactAddress,
        contactName,
        body: text,
        externalMessageId: request.clientId,
        pageUrl: request.pageUrl ?? socket.data.pageUrl,
        remoteIp: ip,
        contactFields: opening ? answers : undefined,
        mayOpen: opening,
        invitation: opening ? request.invitation : undefined,
      });
      socket.data.interactionId = result.interactionId;
      const message = { interactionId: result.interactionId, id: result.messageId, clientId: request.clientId, from: 'visitor' as const, authorName: contactName ?? null, body: text, attachments: [], at: new Date().toISOString() };
      // The visitor's other tabs show it too (a resend of a stored message adds nothing).
      if (!result.duplicate) socket.to(visitorRoom(contact.accountId, contact.contactAddress)).emit('chat.message', message);
      return message;
    });
  }

  @SubscribeMessage('chat.sync')
  sync(@ConnectedSocket() socket: VisitorSocket): Promise<ChatResult<ChatConversation | null>> {
    return this.act(socket, async () => {
      const conversation = await this.conversations.current(socket.data.contact);
      if (conversation) socket.data.interactionId = conversation.interactionId;
      return conversation ? toChatConversation(conversation) : null;
    });
  }

  @SubscribeMessage('chat.typing')
  async typing(@ConnectedSocket() socket: VisitorSocket, @MessageBody() body: unknown): Promise<void> {
    await this.act(socket, async () => {
      const { typing } = parse(TypingRequest, body);
      if (socket.data.interactionId) await this.conversations.activity(socket.data.contact, socket.data.interactionId, { kind: 'typing', typing });
      return null;
    });
  }

  @SubscribeMessage('chat.read')
  async read(@ConnectedSocket() socket: VisitorSocket, @MessageBody() body: unknown): Promise<void> {
    await this.act(socket, async () => {
      const { upTo } = parse(ReadRequest, body);
      if (socket.data.interactionId) await this.conversations.activity(socket.data.contact, socket.data.interactionId, { kind: 'read', upTo });
      return null;
    });
  }

  @SubscribeMessage('chat.end')
  end(@ConnectedSocket() socket: VisitorSocket): Promise<ChatResult<null>> {
    return this.act(socket, async () => {
      await this.conversations.end(socket.data.contact);
      return null;
    });
  }

  @SubscribeMessage('chat.rate')
  rate(@ConnectedSocket() socket: VisitorSocket, @MessageBody() body: unknown): Promise<ChatResult<null>> {
    return this.act(socket, async () => {
      const request = parse(RateRequest, body);
      await this.conversations.rate(socket.data.contact, request.interactionId, request.rating, request.comment);
      return null;
    });
  }

  @SubscribeMessage('chat.transcript')
  transcript(@ConnectedSocket() socket: VisitorSocket, @MessageBody() body: unknown): Promise<ChatResult<null>> {
    return this.act(socket, async () => {
      const request = parse(TranscriptRequest, body);
      await this.conversations.mailTranscript(socket.data.contact, request.interactionId, request.email);
      return null;
    });
  }

  @SubscribeMessage('chat.offline')
  offline(@ConnectedSocket() socket: VisitorSocket, @MessageBody() body: unknown): Promise<ChatResult<{ id: string }>> {
    return this.act(socket, async () => {
      const request = parse(OfflineRequest, body);
      const { ip } = socket.data;
      const site = this.siteOf(socket);
      const answers = preChatAnswers(site.settings.preChatFields, request.fields);
      return this.intake.leaveOfflineMessage({
        channelId: CHANNEL,
        accountId: site.id,
        pageUrl: request.pageUrl ?? socket.data.pageUrl,
        name: nameOf(site.settings.preChatFields, answers),
        email: emailOf(site.settings.preChatFields, answers),
        body: request.body.trim(),
        remoteIp: ip,
      });
    });
  }

  /** The tab shows a proactive invitation (its code), or no longer does (null): visitor tracking says so. */
  @SubscribeMessage('chat.invited')
  async invited(@ConnectedSocket() socket: VisitorSocket, @MessageBody() body: unknown): Promise<void> {
    await this.act(socket, async () => {
      socket.data.invited = parse(InvitedRequest, body).invitation ?? null;
      return null;
    });
  }

  /** Runs one visitor request under the rate limits; every failure becomes an error acknowledgement. */
  private async act<T>(socket: VisitorSocket, work: () => Promise<T>): Promise<ChatResult<T>> {
    try {
      if (!(await this.limits.request(socket.data.contact.contactAddress, socket.data.ip))) {
        return { ok: false, error: { code: ErrorCode.TooManyRequests, message: 'Too many messages at once: wait a moment' } };
      }
      return { ok: true, data: await work() };
    } catch (error) {
      if (error instanceof RequestProblem) return { ok: false, error: { code: ErrorCode.ValidationFailed, message: error.message, field: error.field || undefined } };
      if (error instanceof DomainException) {
        const field = (error.details as FieldError[] | undefined)?.[0]?.field;
        return { ok: false, error: { code: error.code, message: error.message, ...(field ? { field } : {}) } };
      }
      this.logger.error(error);
      return { ok: false, error: { code: ErrorCode.Internal, message: 'Something went wrong: try again' } };
    }
  }
}
