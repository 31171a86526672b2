import type { CookieOptions, Request, Response } from 'express';

/** The refresh token's cookie: JavaScript never sees it, other sites never send it. */
export const REFRESH_COOKIE = 'sb_refresh';
const OPTIONS: CookieOptions = { httpOnly: true, secure: true, sameSite: 'strict', path: '/api/v1/auth' };

export function setRefreshCookie(response: Response, refresh: { token: string; expiresAt: Date }): void {
  response.cookie(REFRESH_COOKIE, refresh.token, { ...OPTIONS, expires: refresh.expiresAt });
}

export function clearRefreshCookie(response: Response): void {
  response.clearCookie(REFRESH_COOKIE, OPTIONS);
}

export function refreshCookie(request: Request): string | undefined {
  const value = (request.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
  return typeof value === 'string' && value ? value : undefined;
}
