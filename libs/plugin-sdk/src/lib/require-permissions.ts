import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@switchboard/contracts';

export const REQUIRED_PERMISSIONS = 'switchboard:requiredPermissions';

/** The route needs every one of these permissions (the kernel checks them after sign-in; a plugin's routes too). */
export const RequirePermissions = (...permissions: Permission[]) => SetMetadata(REQUIRED_PERMISSIONS, permissions);
