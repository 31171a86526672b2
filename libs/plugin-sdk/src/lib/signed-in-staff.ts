import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { CurrentUser } from '@switchboard/contracts';

/** The signed-in staff member of a request (routes are signed-in unless marked `@PublicRoute()`); the kernel's auth guard puts them there. */
export const SignedInStaff = createParamDecorator(
  (_data: unknown, context: ExecutionContext): CurrentUser => context.switchToHttp().getRequest<{ user: CurrentUser }>().user,
);
