import { Logger } from '@nestjs/common';
import { SubscribeMessage, WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import {
  CONSOLE_NAMESPACE,
  DomainException,
  ErrorCode,
  type ConsoleClientEvents,
  type ConsoleServerEvents,
  type CurrentUser,
  type SocketConnectError,
} from '@switchboard/contracts';
import { AuthService } from '@switchboard/security';
import type { UserNotifier } from '@switchboard/staff';
import { hostname } from 'node:os';
import type { Namespace, Socket } from 'socket.io';

type ConsoleSocket = Socket<ConsoleClientEvents, ConsoleServerEvents, Record<string, never>, { user: CurrentUser }>;

/** Tells the nodes apart in logs and in `session.ready`. */
export const NODE_NAME = `${hostname()}:${process.pid}`;

/** The room of all sockets of one user, on every node. */
export const userRoom = (userId: string) => `user:${userId}`;

/**
 * The console's socket: the handshake carries the access token (`auth: { token }`); a refused
 * handshake gets a `connect_error` whose `data` is `{ code, message }`.
 */
@WebSocketGateway({ namespace: CONSOLE_NAMESPACE })
export class ConsoleGateway implements OnGatewayInit, OnGatewayConnection, UserNotifier {
  private readonly logger = new Logger('ConsoleGateway');

  @WebSocketServer()
  private readonly namespace!: Namespace<ConsoleClientEvents, ConsoleServerEvents>;

  constructor(private readonly auth: AuthService) {}

  afterInit(namespace: Namespace<ConsoleClientEvents, ConsoleServerEvents>): void {
    namespace.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown }).token;
      const refuse = (error: SocketConnectError) => next(Object.assign(new Error(error.message), { data: error }));
      if (typeof token !== 'string' || !token) return refuse({ code: ErrorCode.Unauthenticated, message: 'Sign in to continue' });
      this.auth.authenticate(token).then(
        (user) => {
          socket.data.user = user;
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
    const user = socket.data.user;
    await socket.join(userRoom(user.id));
    socket.emit('session.ready', { user, node: NODE_NAME });
  }

  @SubscribeMessage('ping')
  ping(): { node: string; at: string } {
    return { node: NODE_NAME, at: new Date().toISOString() };
  }

  /** Sends to every socket of a user, whichever node it is connected to. */
  notifyUser<E extends keyof ConsoleServerEvents>(userId: string, event: E, ...payload: Parameters<ConsoleServerEvents[E]>): void {
    this.namespace.to(userRoom(userId)).emit(event, ...payload);
  }
}
