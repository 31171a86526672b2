import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@switchboard/contracts';

export const REQUIRED_PERMISSIONS = 'switchboard:requiredPermissions';

/** The route needs every one of these permissions (checked by PermissionsGuard after sign-in). */
export const RequirePermissions = (...permissions: Permission[]) => SetMetadata(REQUIRED_PERMISSIONS, permissions);
