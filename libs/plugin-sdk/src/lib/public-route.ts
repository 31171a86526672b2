import { SetMetadata } from '@nestjs/common';

/** The metadata key of routes that need no signed-in user; the kernel's auth guard honours it. */
export const PUBLIC_ROUTE = 'switchboard:isPublic';

/** Marks a route that needs no signed-in user: a plugin's webhook, the widget's script. Everything else does. */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);
