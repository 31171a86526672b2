import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { AuthService } from './auth.service';
import { ConsoleSocket } from './console-socket.service';

/**
 * Sends visitors who are not signed in to the login page, remembering where they were going.
 * Signed-in pages keep the console socket open, which tells when the server ends the session.
 */
export const signedInGuard: CanActivateFn = (_route, state) => {
  if (!inject(AuthService).signedIn()) return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
  inject(ConsoleSocket);
  return true;
};
