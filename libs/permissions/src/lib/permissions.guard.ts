import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasPermission, type CurrentUser, type Permission } from '@switchboard/contracts';
import { forbidden } from './forbidden';
import { REQUIRED_PERMISSIONS } from './require-permissions.decorator';

/**
 * Global guard, after the sign-in guard: refuses with 403 a route whose @RequirePermissions the
 * signed-in user does not hold (role permissions, or the user's own module and download switches).
 */
@Injectable()
export class PermissionsGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride<Permission[] | undefined>(REQUIRED_PERMISSIONS, [context.getHandler(), context.getClass()]);
    if (!required?.length) return true;
    const user = context.switchToHttp().getRequest<{ user?: CurrentUser }>().user;
    if (!user) throw forbidden('Sign in to continue');
    const missing = required.filter((permission) => !hasPermission(user, permission));
    if (missing.length) throw forbidden(`You do not have the permission ${missing.join(', ')}`);
    return true;
  }
}
