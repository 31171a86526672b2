import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import type { ApiError } from '@switchboard/contracts';
import { catchError, throwError } from 'rxjs';
import { AuthService } from './auth.service';

/** The message to show for a failed request: the API's own, or a plain one. */
export function errorMessage(error: HttpErrorResponse): string {
  const body = error.error as Partial<ApiError> | null;
  if (body && typeof body.message === 'string') return body.message;
  if (error.status === 0) return 'The server cannot be reached. Check your connection.';
  return `The request failed (${error.status} ${error.statusText})`;
}

/**
 * Every failed API call shows one toast with the API's message. An expired or revoked
 * session (401 outside sign-in) signs the user out.
 */
export const errorInterceptor: HttpInterceptorFn = (request, next) => {
  const snackBar = inject(MatSnackBar);
  const auth = inject(AuthService);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse) {
        const signingIn = request.url.endsWith('/auth/login');
        if (error.status === 401 && !signingIn) {
          auth.forget();
          void router.navigate(['/login'], { queryParams: { returnUrl: router.url } });
        }
        snackBar.open(errorMessage(error), 'Dismiss', { duration: 6000, panelClass: 'sb-error-toast' });
      }
      return throwError(() => error);
    }),
  );
};
