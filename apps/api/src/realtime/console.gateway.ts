import { Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import {
  CONSOLE_NAMESPACE,
  DomainException,
  ErrorCode,
  maskSensitive,
  type ConsoleClientEvents,
  type ConsoleServerEvents,
  type Contact,
  type CurrentUser,
  type InteractionMessage,
  type InteractionSummary,
  type Presence,
  type SocketActionResult,
  type SocketConnectError,
} from '@switchboard/contracts';
import { DeskMessages, OfferActions, PresenceService, REPLY_MAX, type ConnectedAgents } from '@switchboard/routing';
import { STATUS_OF_CODE } from '../errors/error-status';
import type { ContactBroadcast } from '@switchboard/conversations';
import { AuthService, SecuritySettingsService, SessionEvents, type SessionsEnded } from '@switchboard/security';
import type { UserNotifier } from '@switchboard/staff';
import { AsyncLocalStorage } from 'node:async_hooks';
import { hostname } from 'node:os';
import type { Namespace, Socket } from 'socket.io';
import { NoticeBus, type UserNotice } from './notice-bus';

type ConsoleSocket = Socket<ConsoleClientEvents, ConsoleServerEvents, Record<string, never>, { user: CurrentUser; sessionId: string }>;

/** Tells the nodes apart in logs and in `session.ready`. */
export const NODE_NAME = `${hostname()}:${process.pid}`;

/** The room of all sockets of one user, on every node. */
export const userRoom = (userId: string) => `user:${userId}`;
/** The sockets of one session (one signed-in device). */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
/** Every socket of users with "Mask Sensitive Data". */
const MASKED_ROOM = 'masked';

/** An action a socket asked for: the notice announcing its own result goes to the user's other sockets only. */
interface Acting {
  socketId: string;
  /** The notice the acknowledgement stands for, and the offer or interaction it is about. */
  event: keyof ConsoleServerEvents;
  id: string;
}

const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isId = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value);
const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length > 0 && value.length <= max;

/** How long the masking width read from the settings is reused. */
const SETTINGS_TTL_MS = 5000;

/**
 * The console's socket: the handshake carries the access token (`auth: { token }`); a refused
 * handshake gets a `connect_error` whose `data` is `{ code, message }`. Sockets of a session
 * that ends are told why and cut, on whichever node they are. Contact data reaches users with
 * masking on masked, through rooms of their own.
 */
@WebSocketGateway({ namespace: CONSOLE_NAMESPACE })
export class ConsoleGateway implements OnModuleInit, OnApplicationBootstrap, OnGatewayInit, OnGatewayConnection, UserNotifier, ContactBroadcast, ConnectedAgents {
  private readonly logger = new Logger('ConsoleGateway');
  private maskVisible = { value: 4, readAt: 0 };
  private maskWidthRead: Promise<void> | null = null;
  private readonly acting = new AsyncLocalStorage<Acting>();
  // Looked up after start: routing sends its events through this gateway, so it cannot be a constructor dependency.
  private presence!: PresenceService;
  private offers!: OfferActions;
  private messages!: DeskMessages;

  @WebSocketServer()
  private readonly namespace!: Namespace<ConsoleClientEvents, ConsoleServerEvents>;

  constructor(
    private readonly auth: AuthService,
    private readonly sessionEvents: SessionEvents,
    private readonly settings: SecuritySettingsService,
    private readonly moduleRef: ModuleRef,
    private readonly bus: NoticeBus,
  ) {}

  onModuleInit(): void {
    this.sessionEvents.onEnded((event) => this.endSockets(event));
    this.bus.onNotice((notice) => this.deliver(notice));
  }

  onApplicationBootstrap(): void {
    this.presence = this.moduleRef.get(PresenceService, { strict: false });
    this.offers = this.moduleRef.get(OfferActions, { strict: false });
    this.messages = this.moduleRef.get(DeskMessages, { strict: false });
  }

  afterInit(namespace: Namespace<ConsoleClientEvents, ConsoleServerEvents>): void {
    namespace.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown }).token;
      const refuse = (error: SocketConnectError) => next(Object.assign(new Error(error.message), { data: error }));
      if (typeof token !== 'string' || !token) return refuse({ code: ErrorCode.Unauthenticated, message: 'Sign in to continue' });
      this.auth.verify(token).then(
        ({ user, sessionId }) => {
          socket.data.user = user;
          socket.data.sessionId = sessionId;
          next();
        },
        (error: unknown) =>
          error instanceof DomainException
            ? refuse({ code: error.code, message: error.message })
            : (this.logger.error(error), refuse({ code: ErrorCode.Internal, message: 'An unexpected error occurred' })),
      );
    });
  }

  async handleConnection(socket: ConsoleSocket): Promise<void> {
    const { user, sessionId } = socket.data;
    const rooms = [userRoom(user.id), sessionRoom(sessionId)];
    if (user.maskSensitiveData) rooms.push(MASKED_ROOM);
    await socket.join(rooms);
    socket.emit('session.ready', { user, node: NODE_NAME });
    await this.presence.connected(user.id).catch((error: unknown) => this.logger.error(error));
  }

  @SubscribeMessage('ping')
  ping(): { node: string; at: string } {
    return { node: NODE_NAME, at: new Date().toISOString() };
  }

  @SubscribeMessage('presence.set')
  setPresence(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() body: unknown): Promise<SocketActionResult<Presence>> {
    const request = body as { status?: unknown; pauseReasonId?: unknown };
    return this.act(() => this.presence.setOwn(socket.data.user, { status: request?.status as Presence['status'], pauseReasonId: (request?.pauseReasonId ?? null) as string | null }), () =>
      ['offline', 'online', 'paused'].includes(request?.status as string) && (request.pauseReasonId == null || isId(request.pauseReasonId)),
    );
  }

  @SubscribeMessage('offer.accept')
  acceptOffer(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() body: unknown): Promise<SocketActionResult<InteractionSummary>> {
    const offerId = (body as { offerId?: unknown })?.offerId;
    return this.act(() => this.offers.accept(socket.data.user.id, offerId as string), () => isId(offerId), { socketId: socket.id, event: 'offer.accepted', id: offerId as string });
  }

  @SubscribeMessage('offer.reject')
  rejectOffer(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() body: unknown): Promise<SocketActionResult<null>> {
    const offerId = (body as { offerId?: unknown })?.offerId;
    return this.act(() => this.offers.reject(socket.data.user.id, offerId as string).then(() => null), () => isId(offerId));
  }

  @SubscribeMessage('interaction.close')
  closeInteraction(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() body: unknown): Promise<SocketActionResult<null>> {
    const interactionId = (body as { interactionId?: unknown })?.interactionId;
    return this.act(() => this.offers.close(socket.data.user.id, interactionId as string).then(() => null), () => isId(interactionId), {
      socketId: socket.id,
      event: 'interaction.closed',
      id: interactionId as string,
    });
  }

  @SubscribeMessage('interaction.transfer')
  transferInteraction(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() body: unknown): Promise<SocketActionResult<null>> {
    const request = body as { interactionId?: unknown; agentId?: unknown; queueId?: unknown };
    return this.act(
      () => this.offers.transfer(socket.data.user.id, request.interactionId as string, { agentId: request.agentId as string | undefined, queueId: request.queueId as string | undefined }).then(() => null),
      () => isId(request?.interactionId) && (request.agentId === undefined || isId(request.agentId)) && (request.queueId === undefined || isId(request.queueId)),
    );
  }

  @SubscribeMessage('interaction.send')
  send(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() body: unknown): Promise<SocketActionResult<InteractionMessage>> {
    const request = body as { interactionId?: unknown; clientId?: unknown; body?: unknown };
    return this.act(
      () => this.messages.reply(socket.data.user, request.interactionId as string, { clientId: request.clientId as string, body: request.body as string }),
      () => isId(request?.interactionId) && isText(request.clientId, 100) && isText(request.body, REPLY_MAX),
      { socketId: socket.id, event: 'interaction.message', id: request?.interactionId as string },
    );
  }

  /** Typing and read signals: fire and forget, anything malformed or not the agent's is dropped. */
  @SubscribeMessage('interaction.typing')
  typing(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() body: unknown): void {
    const request = body as { interactionId?: unknown; typing?: unknown };
    if (!isId(request?.interactionId) || typeof request.typing !== 'boolean') return;
    this.messages.typing(socket.data.user, request.interactionId, request.typing).catch(() => undefined);
  }

  @SubscribeMessage('interaction.read')
  read(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() body: unknown): void {
    const request = body as { interactionId?: unknown; upTo?: unknown };
    if (!isId(request?.interactionId) || !isId(request.upTo)) return;
    this.messages.read(socket.data.user.id, request.interactionId, request.upTo).catch(() => undefined);
  }

  /** The ids of users with a console open on this node (routing keeps their presence alive). */
  connectedAgentIds(): string[] {
    return [...new Set([...this.namespace.sockets.values()].map((socket) => (socket.data as { user?: CurrentUser }).user?.id).filter((id): id is string => Boolean(id)))];
  }

  /**
   * Runs a console action sent over the socket; a malformed request or a refused action answers an
   * error, never throws. `acting`: the notice the acknowledgement makes redundant for this socket.
   */
  private async act<T>(work: () => Promise<T>, valid: () => boolean, acting?: Acting): Promise<SocketActionResult<T>> {
    if (!valid()) return { ok: false, error: { statusCode: 400, code: ErrorCode.ValidationFailed, message: 'Malformed request' } };
    try {
      return { ok: true, data: await (acting ? this.acting.run(acting, work) : work()) };
    } catch (error) {
      if (error instanceof DomainException) return { ok: false, error: { statusCode: STATUS_OF_CODE[error.code as ErrorCode] ?? 500, code: error.code, message: error.message } };
      this.logger.error(error);
      return { ok: false, error: { statusCode: 500, code: ErrorCode.Internal, message: 'An unexpected error occurred' } };
    }
  }

  /**
   * Sends to every socket of a user, whichever node it is connected to; masked for a masked user.
   * The socket whose action this notice reports has its acknowledgement instead.
   */
  notifyUser<E extends keyof ConsoleServerEvents>(userId: string, event: E, ...payload: Parameters<ConsoleServerEvents[E]>): void {
    const notice: UserNotice = { userId, event, payload, exceptSocket: this.actingSocket(event, payload[0]) };
    this.deliver(notice);
    this.bus.publish(notice);
  }

  /** The socket that asked for the change this notice reports, if it is that socket's own action. */
  private actingSocket(event: keyof ConsoleServerEvents, subject: unknown): string | undefined {
    const acting = this.acting.getStore();
    if (!acting || acting.event !== event) return undefined;
    const about = subject as { offerId?: string; interactionId?: string } | undefined;
    return about?.offerId === acting.id || about?.interactionId === acting.id ? acting.socketId : undefined;
  }

  /** A notice to the user's sockets on this node, each plain or masked as its user's setting says. */
  private deliver({ userId, event, payload, exceptSocket }: UserNotice): void {
    // A notice from another node can come in before this node's socket server is up.
    const ids = this.namespace?.adapter.rooms.get(userRoom(userId));
    if (!ids) return;
    for (const id of ids) {
      const socket = this.namespace.sockets.get(id);
      if (!socket || id === exceptSocket) continue;
      const emit = socket.emit.bind(socket) as (event: string, ...args: unknown[]) => boolean;
      if (!socket.rooms.has(MASKED_ROOM)) emit(event, ...payload);
      else this.withMaskWidth((visible) => emit(event, ...(maskSensitive(payload, visible) as unknown[])));
    }
  }

  contactSaved(contact: Contact): void {
    this.namespace.except(MASKED_ROOM).emit('contact.saved', contact);
    this.withMaskWidth((visible) => this.namespace.to(MASKED_ROOM).emit('contact.saved', maskSensitive(contact, visible)));
  }

  /** Moves the user's open sockets in or out of the masked rooms, on every node. */
  async maskingChanged(userId: string, masked: boolean): Promise<void> {
    const sockets = this.namespace.in(userRoom(userId));
    if (masked) sockets.socketsJoin(MASKED_ROOM);
    else sockets.socketsLeave(MASKED_ROOM);
  }

  /** Tells the sockets of ended sessions why, then disconnects them (every node, through the adapter). */
  private endSockets({ userIds = [], sessionIds = [], reason }: SessionsEnded): void {
    const rooms = [...userIds.map(userRoom), ...sessionIds.map(sessionRoom)];
    if (!rooms.length) return;
    this.namespace.to(rooms).emit('session.ended', { reason });
    this.namespace.in(rooms).disconnectSockets(true);
  }

  /** Runs `emit` with the settings' masking width (read at most every few seconds). */
  private withMaskWidth(emit: (visible: number) => void): void {
    // Fresh: at once, so the masked copy goes out in the same tick (and Redis write) as the plain one.
    if (Date.now() - this.maskVisible.readAt < SETTINGS_TTL_MS) return emit(this.maskVisible.value);
    this.refreshMaskWidth().then(
      () => emit(this.maskVisible.value),
      (error: unknown) => this.logger.error(error),
    );
  }

  /** One read at a time: notices sent while it is in flight wait for it rather than each reading. */
  private refreshMaskWidth(): Promise<void> {
    if (Date.now() - this.maskVisible.readAt < SETTINGS_TTL_MS) return Promise.resolve();
    this.maskWidthRead ??= this.settings
      .get()
      .then((settings) => {
        this.maskVisible = { value: settings.maskVisibleCharacters, readAt: Date.now() };
      })
      .finally(() => (this.maskWidthRead = null));
    return this.maskWidthRead;
  }
}
