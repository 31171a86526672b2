import { HttpClient, type HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  OfflineMessage,
  OfflineRecipients,
  Page,
  PauseReason,
  PauseReasonRequest,
  RoutingRule,
  RoutingRuleRequest,
  RoutingSettings,
  RuleMatch,
} from '@switchboard/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/v1/routing';

/** The administrators' routing endpoints: rules, offline messages and their recipients, settings, pause reasons. */
@Injectable({ providedIn: 'root' })
export class RoutingAdminApi {
  private readonly http = inject(HttpClient);

  rules(params: HttpParams): Observable<Page<RoutingRule>> {
    return this.http.get<Page<RoutingRule>>(`${BASE}/rules`, { params });
  }

  rule(id: string): Observable<RoutingRule> {
    return this.http.get<RoutingRule>(`${BASE}/rules/${id}`);
  }

  createRule(request: RoutingRuleRequest): Observable<RoutingRule> {
    return this.http.post<RoutingRule>(`${BASE}/rules`, request);
  }

  /** A full replacement: fields left out take their defaults. */
  updateRule(id: string, request: RoutingRuleRequest): Observable<RoutingRule> {
    return this.http.put<RoutingRule>(`${BASE}/rules/${id}`, request);
  }

  removeRule(id: string): Observable<unknown> {
    return this.http.delete(`${BASE}/rules/${id}`);
  }

  /** Every rule id, first match first; answers the rules in their new order. */
  reorderRules(ids: string[]): Observable<RoutingRule[]> {
    return this.http.put<RoutingRule[]>(`${BASE}/rules/order`, { ids });
  }

  /** Which enabled rule a page address would use. */
  matchRule(url: string): Observable<RuleMatch> {
    return this.http.get<RuleMatch>(`${BASE}/rules/match`, { params: { url } });
  }

  offlineRecipients(): Observable<OfflineRecipients> {
    return this.http.get<OfflineRecipients>(`${BASE}/offline-recipients`);
  }

  setOfflineRecipients(agentIds: string[]): Observable<OfflineRecipients> {
    return this.http.put<OfflineRecipients>(`${BASE}/offline-recipients`, { agentIds });
  }

  offlineMessages(params: HttpParams): Observable<Page<OfflineMessage>> {
    return this.http.get<Page<OfflineMessage>>(`${BASE}/offline-messages`, { params });
  }

  settings(): Observable<RoutingSettings> {
    return this.http.get<RoutingSettings>(`${BASE}/settings`);
  }

  /** Fields left out keep their value. */
  saveSettings(settings: Partial<RoutingSettings>): Observable<RoutingSettings> {
    return this.http.put<RoutingSettings>(`${BASE}/settings`, settings);
  }

  /** With `all`, archived reasons too. */
  pauseReasons(all: boolean): Observable<PauseReason[]> {
    return this.http.get<PauseReason[]>(`${BASE}/pause-reasons`, { params: all ? { all: 'true' } : {} });
  }

  createPauseReason(request: PauseReasonRequest): Observable<PauseReason> {
    return this.http.post<PauseReason>(`${BASE}/pause-reasons`, request);
  }

  updatePauseReason(id: string, changes: Partial<PauseReasonRequest>): Observable<PauseReason> {
    return this.http.patch<PauseReason>(`${BASE}/pause-reasons/${id}`, changes);
  }

  removePauseReason(id: string): Observable<unknown> {
    return this.http.delete(`${BASE}/pause-reasons/${id}`);
  }
}
