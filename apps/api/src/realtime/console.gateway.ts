import { Logger, type OnModuleInit } from '@nestjs/common';
import { SubscribeMessage, WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import {
  CONSOLE_NAMESPACE,
  DomainException,
  ErrorCode,
  maskSensitive,
  type ConsoleClientEvents,
  type ConsoleServerEvents,
  type Contact,
  type CurrentUser,
  type SocketConnectError,
} from '@switchboard/contracts';
import type { ContactBroadcast } from '@switchboard/conversations';
import { AuthService, SecuritySettingsService, SessionEvents, type SessionsEnded } from '@switchboard/security';
import type { UserNotifier } from '@switchboard/staff';
import { hostname } from 'node:os';
import type { Namespace, Socket } from 'socket.io';

type ConsoleSocket = Socket<ConsoleClientEvents, ConsoleServerEvents, Record<string, never>, { user: CurrentUser; sessionId: string }>;

/** Tells the nodes apart in logs and in `session.ready`. */
export const NODE_NAME = `${hostname()}:${process.pid}`;

/** The room of all sockets of one user, on every node. */
export const userRoom = (userId: string) => `user:${userId}`;
/** The sockets of one session (one signed-in device). */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
/** Every socket of users with "Mask Sensitive Data", and those of one such user. */
const MASKED_ROOM = 'masked';
const maskedUserRoom = (userId: string) => `masked:${userId}`;

/** How long the masking width read from the settings is reused. */
const SETTINGS_TTL_MS = 5000;

/**
 * The console's socket: the handshake carries the access token (`auth: { token }`); a refused
 * handshake gets a `connect_error` whose `data` is `{ code, message }`. Sockets of a session
 * that ends are told why and cut, on whichever node they are. Contact data reaches users with
 * masking on masked, through rooms of their own.
 */
@WebSocketGateway({ namespace: CONSOLE_NAMESPACE })
export class ConsoleGateway implements OnModuleInit, OnGatewayInit, OnGatewayConnection, UserNotifier, ContactBroadcast {
  private readonly logger = new Logger('ConsoleGateway');
  private maskVisible = { value: 4, readAt: 0 };

  @WebSocketServer()
  private readonly namespace!: Namespace<ConsoleClientEvents, ConsoleServerEvents>;

  constructor(
    private readonly auth: AuthService,
    private readonly sessionEvents: SessionEvents,
    private readonly settings: SecuritySettingsService,
  ) {}

  onModuleInit(): void {
    this.sessionEvents.onEnded((event) => this.endSockets(event));
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
    if (user.maskSensitiveData) rooms.push(MASKED_ROOM, maskedUserRoom(user.id));
    await socket.join(rooms);
    socket.emit('session.ready', { user, node: NODE_NAME });
  }

  @SubscribeMessage('ping')
  ping(): { node: string; at: string } {
    return { node: NODE_NAME, at: new Date().toISOString() };
  }

  /** Sends to every socket of a user, whichever node it is connected to; masked for a masked user. */
  notifyUser<E extends keyof ConsoleServerEvents>(userId: string, event: E, ...payload: Parameters<ConsoleServerEvents[E]>): void {
    this.namespace.to(userRoom(userId)).except(MASKED_ROOM).emit(event, ...payload);
    this.withMaskWidth((visible) => this.namespace.to(maskedUserRoom(userId)).emit(event, ...(maskSensitive(payload, visible) as typeof payload)));
  }

  contactSaved(contact: Contact): void {
    this.namespace.except(MASKED_ROOM).emit('contact.saved', contact);
    this.withMaskWidth((visible) => this.namespace.to(MASKED_ROOM).emit('contact.saved', maskSensitive(contact, visible)));
  }

  /** Moves the user's open sockets in or out of the masked rooms, on every node. */
  async maskingChanged(userId: string, masked: boolean): Promise<void> {
    const sockets = this.namespace.in(userRoom(userId));
    if (masked) sockets.socketsJoin([MASKED_ROOM, maskedUserRoom(userId)]);
    else sockets.socketsLeave([MASKED_ROOM, maskedUserRoom(userId)]);
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
    this.refreshMaskWidth().then(
      () => emit(this.maskVisible.value),
      (error: unknown) => this.logger.error(error),
    );
  }

  private async refreshMaskWidth(): Promise<void> {
    if (Date.now() - this.maskVisible.readAt < SETTINGS_TTL_MS) return;
    this.maskVisible = { value: (await this.settings.get()).maskVisibleCharacters, readAt: Date.now() };
  }
}
