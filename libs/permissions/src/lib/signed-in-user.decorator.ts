import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { CurrentUser } from '@switchboard/contracts';

/** Injects the signed-in user that AuthGuard put on the request. */
export const SignedInUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): CurrentUser => context.switchToHttp().getRequest<{ user: CurrentUser }>().user,
);
