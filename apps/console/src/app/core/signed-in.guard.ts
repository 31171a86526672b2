import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { AuthService } from './auth.service';

/** Sends visitors who are not signed in to the login page, remembering where they were going. */
export const signedInGuard: CanActivateFn = (_route, state) =>
  inject(AuthService).signedIn() || inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
