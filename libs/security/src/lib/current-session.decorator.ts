import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/** The id of the session the request's access token belongs to (set by AuthGuard). */
export const CurrentSession = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  return context.switchToHttp().getRequest<{ sessionId?: string }>().sessionId;
});
