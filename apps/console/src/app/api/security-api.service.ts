import { HttpClient, type HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AgentSecurity, OutboxMail, Page, SecuritySettings, SessionInfo } from '@switchboard/contracts';
import type { Observable } from 'rxjs';

/** The administrators' security endpoints: settings, an agent's lock, MFA and sessions, the mail outbox. */
@Injectable({ providedIn: 'root' })
export class SecurityApi {
  private readonly http = inject(HttpClient);

  settings(): Observable<SecuritySettings> {
    return this.http.get<SecuritySettings>('/api/v1/settings/security');
  }

  /** Fields left out keep their value. */
  saveSettings(settings: Partial<SecuritySettings>): Observable<SecuritySettings> {
    return this.http.put<SecuritySettings>('/api/v1/settings/security', settings);
  }

  agentSecurity(agentId: string): Observable<AgentSecurity> {
    return this.http.get<AgentSecurity>(`/api/v1/agents/${agentId}/security`);
  }

  unlock(agentId: string): Observable<AgentSecurity> {
    return this.http.patch<AgentSecurity>(`/api/v1/agents/${agentId}/security`, { locked: false });
  }

  disableMfa(agentId: string): Observable<unknown> {
    return this.http.post(`/api/v1/agents/${agentId}/mfa/disable`, {});
  }

  agentSessions(agentId: string): Observable<SessionInfo[]> {
    return this.http.get<SessionInfo[]>(`/api/v1/agents/${agentId}/sessions`);
  }

  /** Ends every session of the agent (they sign in again). */
  endAgentSessions(agentId: string): Observable<unknown> {
    return this.http.delete(`/api/v1/agents/${agentId}/sessions`);
  }

  outbox(params: HttpParams): Observable<Page<OutboxMail>> {
    return this.http.get<Page<OutboxMail>>('/api/v1/mail/outbox', { params });
  }
}
