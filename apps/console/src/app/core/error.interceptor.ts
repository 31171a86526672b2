import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { ApiError } from '@switchboard/contracts';
import { catchError, throwError } from 'rxjs';
import { isSessionExpiry } from './auth.interceptor';
import { SHOWS_OWN_ERRORS } from './http-context';

/** The message to show for a failed request: the API's own, or a plain one. */
export function errorMessage(error: HttpErrorResponse): string {
  const body = error.error as Partial<ApiError> | null;
  if (body && typeof body.message === 'string') return body.message;
  if (error.status === 0) return 'The server cannot be reached. Check your connection.';
  return `The request failed (${error.status} ${error.statusText})`;
}

/**
 * Every failed API call shows one toast with the API's message, except requests whose caller
 * shows the failure itself and an expired session (the auth interceptor renews it, or signs
 * out with its own message).
 */
export const errorInterceptor: HttpInterceptorFn = (request, next) => {
  const snackBar = inject(MatSnackBar);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && !request.context.get(SHOWS_OWN_ERRORS) && !isSessionExpiry(request, error)) {
        snackBar.open(errorMessage(error), 'Dismiss', { duration: 6000, panelClass: 'sb-error-toast' });
      }
      return throwError(() => error);
    }),
  );
};
