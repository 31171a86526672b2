import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'switchboard:isPublic';

/** Marks a route that needs no signed-in user (login, health). Everything else does. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
