import { HttpErrorResponse, type HttpHandlerFn, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { ErrorCode, type ApiError } from '@switchboard/contracts';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { AuthService, isPublicAuthUrl, SESSION_ENDED } from './auth.service';

/** A 401 UNAUTHENTICATED from an endpoint that needs a session: the access token expired or was revoked. */
export function isSessionExpiry(request: HttpRequest<unknown>, error: unknown): boolean {
  if (!(error instanceof HttpErrorResponse) || error.status !== 401) return false;
  if (!request.url.startsWith('/api/') || isPublicAuthUrl(request.url)) return false;
  const body = error.error as Partial<ApiError> | null;
  return body?.code === ErrorCode.Unauthenticated;
}

/**
 * Adds the access token to the API's requests. When the API says the token is no longer good,
 * renews it with the refresh cookie and sends the request once more; when that fails too, the
 * session is over and the login page opens.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!request.url.startsWith('/api/')) return next(request);
  const auth = inject(AuthService);
  const sent = auth.token;
  return send(request, next, sent).pipe(
    catchError((error: unknown) => {
      if (!sent || !isSessionExpiry(request, error)) return throwError(() => error);
      // Another request may have renewed the token meanwhile; otherwise renew it now.
      const renewed: Promise<boolean> = auth.token && auth.token !== sent ? Promise.resolve(true) : auth.refresh();
      return from(renewed).pipe(
        switchMap((ok) => {
          // A refused refresh has signed out already.
          if (!ok) return throwError(() => error);
          return send(request, next, auth.token).pipe(
            catchError((again: unknown) => {
              if (isSessionExpiry(request, again)) auth.endSession(SESSION_ENDED);
              return throwError(() => again);
            }),
          );
        }),
      );
    }),
  );
};

function send(request: HttpRequest<unknown>, next: HttpHandlerFn, token: string | null): ReturnType<HttpHandlerFn> {
  return next(token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request);
}
