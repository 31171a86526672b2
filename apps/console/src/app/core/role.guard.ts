import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import type { Role } from '@switchboard/contracts';
import { AuthService } from './auth.service';

/** Lets only the given roles in; others land on the home page. */
export function roleGuard(...roles: Role[]): CanActivateFn {
  return () => {
    const role = inject(AuthService).user()?.role;
    return (role !== undefined && roles.includes(role)) || inject(Router).createUrlTree(['/']);
  };
}
