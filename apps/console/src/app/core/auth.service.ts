import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import type { CurrentUser, LoginResult, LoginStep, MfaSetup, SignedIn, SignedInWithRecoveryCodes } from '@switchboard/contracts';
import { firstValueFrom } from 'rxjs';
import { ownErrors } from './http-context';

const AUTH = '/api/v1/auth';
/** The Web Locks name that lets one tab at a time spend the shared refresh cookie. */
export const REFRESH_LOCK = 'switchboard-refresh';
/** Renew the access token this many seconds before it expires (or at 3/4 of a shorter life). */
const RENEW_MARGIN_S = 60;
/** Never renew sooner than this after getting a token. */
const MIN_RENEWAL_S = 5;
/** After a refresh that could not reach the server, try again this much later. */
const RETRY_RENEWAL_S = 30;

/** What the user reads when the server no longer knows the session. */
export const SESSION_ENDED = 'Your session has ended. Sign in again.';

type RefreshOutcome = 'renewed' | 'ended' | 'unreachable';

/** Endpoints that need no session: a 401 from them is an answer about credentials, not an ended session. */
export function isPublicAuthUrl(url: string): boolean {
  return /^\/api\/v1\/auth\/(login|refresh|logout|password\/(forgot|reset))(?:[/?]|$)/.test(url);
}

/**
 * The signed-in user and their access token. The token lives in memory only; the refresh
 * token is the server's httpOnly cookie, spent by `refresh()` at start, before the token
 * expires, and when the API answers 401 (see the auth interceptor).
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly tokenSignal = signal<string | null>(null);
  private readonly userSignal = signal<CurrentUser | null>(null);
  private renewTimer?: ReturnType<typeof setTimeout>;
  private refreshing?: Promise<RefreshOutcome>;
  private signingOut = false;

  readonly user = this.userSignal.asReadonly();
  readonly signedIn = computed(() => this.userSignal() !== null);

  get token(): string | null {
    return this.tokenSignal();
  }

  /** At start: the refresh cookie, if the browser holds a live one, signs the tab in again. */
  async restore(): Promise<void> {
    if ((await this.refreshOutcome()) !== 'renewed') return;
    try {
      await this.loadUser();
    } catch (error) {
      // The session is live (the cookie was just rotated): a passing server error is worth one more try.
      if (error instanceof HttpErrorResponse && error.status !== 401) {
        await new Promise((done) => setTimeout(done, 500));
        if (await this.loadUser().then(() => true, () => false)) return;
      }
      this.forget();
    }
  }

  /** Sign-in with login and password: null once signed in, else the step the login page shows next. */
  async login(login: string, password: string): Promise<LoginStep | null> {
    return this.settle(await this.post<LoginResult>('/login', { login, password }));
  }

  /** The MFA step: a TOTP code or a recovery code. */
  async verifyMfa(stepToken: string, code: string): Promise<void> {
    await this.settle(await this.post<SignedIn>('/login/mfa', { stepToken, code }));
  }

  /** The enrolment step, part one: a new secret for the authenticator app. */
  setUpMfa(stepToken: string): Promise<MfaSetup> {
    return this.post<MfaSetup>('/login/mfa/setup', { stepToken });
  }

  /** The enrolment step, part two: the first code turns MFA on and signs in; answers the recovery codes. */
  async enableMfa(stepToken: string, code: string): Promise<string[]> {
    const answer = await this.post<SignedInWithRecoveryCodes>('/login/mfa/enable', { stepToken, code });
    await this.settle(answer);
    return answer.recoveryCodes;
  }

  /** The expired-password step: null once signed in, else the next step (such as MFA). */
  async replaceExpiredPassword(stepToken: string, newPassword: string): Promise<LoginStep | null> {
    return this.settle(await this.post<LoginResult>('/login/password', { stepToken, newPassword }));
  }

  /**
   * Renews the access token with the refresh cookie; false when there is no session any more
   * (then it signs out and opens the login page) or the server cannot be reached. One refresh at a time in this tab, and, through the Web
   * Locks API, across tabs: the server rotates the cookie, and a cookie spent twice revokes
   * the whole session.
   */
  async refresh(): Promise<boolean> {
    return (await this.refreshOutcome()) === 'renewed';
  }

  /** Signs out on the server, then here, and opens the login page. */
  async logout(): Promise<void> {
    this.signingOut = true;
    try {
      await firstValueFrom(this.http.post(`${AUTH}/logout`, null, { context: ownErrors() }));
    } catch {
      // The session ends here all the same; the server's copy expires by itself.
    } finally {
      this.signingOut = false;
    }
    this.forget();
    await this.router.navigate(['/login']);
  }

  /**
   * The session ended on the server (revoked, expired, locked): forgets it, says why, and opens
   * the login page (coming back here after signing in, unless `returnHere` is false).
   */
  endSession(reason: string, returnHere = true): void {
    // Our own sign-out also ends the session on the server, which tells this tab's socket.
    if (this.signingOut || (!this.signedIn() && !this.token)) return;
    const url = this.router.url;
    this.forget();
    this.snackBar.open(reason, 'Dismiss', { duration: 8000 });
    const returnUrl = returnHere && url.startsWith('/') && url !== '/' && !url.startsWith('/login') ? url : undefined;
    void this.router.navigate(['/login'], returnUrl ? { queryParams: { returnUrl } } : {});
  }

  /** The user changed their own details (such as the e-mail address). */
  updateUser(user: CurrentUser): void {
    this.userSignal.set(user);
  }

  /** Drops the session here without a round trip. */
  forget(): void {
    clearTimeout(this.renewTimer);
    this.renewTimer = undefined;
    this.tokenSignal.set(null);
    this.userSignal.set(null);
  }

  private post<T>(path: string, body: unknown): Promise<T> {
    return firstValueFrom(this.http.post<T>(`${AUTH}${path}`, body, { context: ownErrors() }));
  }

  private async settle(result: LoginResult): Promise<LoginStep | null> {
    if (result.status !== 'signed-in') return result;
    this.accept(result);
    await this.loadUser();
    return null;
  }

  private async loadUser(): Promise<void> {
    this.userSignal.set(await firstValueFrom(this.http.get<CurrentUser>(`${AUTH}/me`, { context: ownErrors() })));
  }

  private accept(signedIn: SignedIn): void {
    this.tokenSignal.set(signedIn.accessToken);
    this.scheduleRenewal(Math.max(MIN_RENEWAL_S, signedIn.expiresIn - RENEW_MARGIN_S, signedIn.expiresIn * 0.75));
  }

  private scheduleRenewal(seconds: number): void {
    clearTimeout(this.renewTimer);
    this.renewTimer = setTimeout(() => void this.renew(), seconds * 1000);
  }

  private async renew(): Promise<void> {
    if ((await this.refreshOutcome()) === 'unreachable' && this.token) this.scheduleRenewal(RETRY_RENEWAL_S);
  }

  /** Refreshes once for every caller at the time; a refused refresh ends the session (if there is one). */
  private refreshOutcome(): Promise<RefreshOutcome> {
    this.refreshing ??= this.refreshAcrossTabs().then((outcome) => {
      this.refreshing = undefined;
      if (outcome === 'ended') this.endSession(SESSION_ENDED);
      return outcome;
    });
    return this.refreshing;
  }

  private async refreshAcrossTabs(): Promise<RefreshOutcome> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (!locks) return this.requestRefresh();
    // The lock is held until the callback's promise settles, so the next tab sends the rotated cookie.
    const outcome: RefreshOutcome = await locks.request(REFRESH_LOCK, () => this.requestRefresh());
    return outcome;
  }

  private async requestRefresh(): Promise<RefreshOutcome> {
    try {
      this.accept(await this.post<SignedIn>('/refresh', null));
      return 'renewed';
    } catch (error) {
      // 401: no cookie, or one that is expired, revoked or already spent.
      if (error instanceof HttpErrorResponse && (error.status === 401 || error.status === 403)) return 'ended';
      return 'unreachable';
    }
  }
}
