export { RequirePermissions, REQUIRED_PERMISSIONS } from './lib/require-permissions.decorator';
export { PermissionsGuard } from './lib/permissions.guard';
export { forbidden } from './lib/forbidden';
export { refusedAgentFields, type PrivilegedAgentFields } from './lib/field-write-policy';
export { SignedInUser } from './lib/signed-in-user.decorator';
