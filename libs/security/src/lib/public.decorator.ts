import { PUBLIC_ROUTE, PublicRoute } from '@switchboard/plugin-sdk';

export const IS_PUBLIC = PUBLIC_ROUTE;

/** Marks a route that needs no signed-in user (login, health). Everything else does. */
export const Public = PublicRoute;
