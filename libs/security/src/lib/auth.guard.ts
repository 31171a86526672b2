import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { CurrentUser } from '@switchboard/contracts';
import { AuthService } from './auth.service';
import { IS_PUBLIC } from './public.decorator';
import { SecurityException } from './security.exception';

/** Extracts the token of an `Authorization: Bearer <token>` header. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

/** The global guard of every HTTP route: a valid access token, unless the route is @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: CurrentUser; sessionId?: string }>();
    const token = bearerToken(request.headers['authorization']);
    if (!token) throw SecurityException.unauthenticated();
    const { user, sessionId } = await this.auth.verify(token);
    request.user = user;
    request.sessionId = sessionId;
    return true;
  }
}
