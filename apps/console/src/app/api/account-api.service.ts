import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AccountSecurity,
  ChangeOwnEmailRequest,
  ChangeOwnPasswordRequest,
  CurrentUser,
  MfaSetup,
  ResetPasswordRequest,
  SessionInfo,
} from '@switchboard/contracts';
import type { Observable } from 'rxjs';
import { ownErrors } from '../core/http-context';

const AUTH = '/api/v1/auth';
const SESSIONS = '/api/v1/sessions';

/** The signed-in user's own account (password, e-mail, MFA, sessions) and the password-reset endpoints. */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);

  security(): Observable<AccountSecurity> {
    return this.http.get<AccountSecurity>(`${AUTH}/account`);
  }

  changePassword(request: ChangeOwnPasswordRequest): Observable<unknown> {
    return this.http.put(`${AUTH}/password`, request);
  }

  changeEmail(request: ChangeOwnEmailRequest): Observable<CurrentUser> {
    return this.http.put<CurrentUser>(`${AUTH}/email`, request);
  }

  setUpMfa(password: string): Observable<MfaSetup> {
    return this.http.post<MfaSetup>(`${AUTH}/mfa/setup`, { password });
  }

  enableMfa(code: string): Observable<{ recoveryCodes: string[] }> {
    return this.http.post<{ recoveryCodes: string[] }>(`${AUTH}/mfa/enable`, { code });
  }

  newRecoveryCodes(password: string): Observable<{ recoveryCodes: string[] }> {
    return this.http.post<{ recoveryCodes: string[] }>(`${AUTH}/mfa/recovery-codes`, { password });
  }

  disableMfa(password: string): Observable<unknown> {
    return this.http.post(`${AUTH}/mfa/disable`, { password });
  }

  sessions(): Observable<SessionInfo[]> {
    return this.http.get<SessionInfo[]>(SESSIONS);
  }

  revokeSession(id: string): Observable<unknown> {
    return this.http.delete(`${SESSIONS}/${encodeURIComponent(id)}`);
  }

  /** Always answers the same message, whether the address belongs to an account or not. */
  forgotPassword(email: string): Observable<{ message: string }> {
    return this.http.post<{ message: string }>(`${AUTH}/password/forgot`, { email }, { context: ownErrors() });
  }

  resetPassword(request: ResetPasswordRequest): Observable<unknown> {
    return this.http.post(`${AUTH}/password/reset`, request, { context: ownErrors() });
  }
}
