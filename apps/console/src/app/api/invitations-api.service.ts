import { HttpClient, type HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Invitation, InvitationRequest, InvitationSite, Page } from '@switchboard/contracts';
import type { Observable } from 'rxjs';
import { ownErrors } from '../core/http-context';

const BASE = '/api/v1/invitations';

/** Chat invitations (seed 001 "Pozvánka"): links that connect a visitor straight to one agent. */
@Injectable({ providedIn: 'root' })
export class InvitationsApi {
  private readonly http = inject(HttpClient);

  /** The enabled sites an invitation can be made for. */
  sites(): Observable<InvitationSite[]> {
    return this.http.get<InvitationSite[]>(`${BASE}/sites`);
  }

  /** `agentId`, `siteId`, `valid`, `page`, `pageSize`: agents see only their own. */
  list(params: HttpParams): Observable<Page<Invitation>> {
    return this.http.get<Page<Invitation>>(BASE, { params });
  }

  /** The caller shows the failure (in the dialog). */
  create(request: InvitationRequest): Observable<Invitation> {
    return this.http.post<Invitation>(BASE, request, { context: ownErrors() });
  }

  /** The link stops opening chats; the caller shows the failure (410 when it already could not). */
  invalidate(id: string): Observable<Invitation> {
    return this.http.post<Invitation>(`${BASE}/${id}/invalidate`, null, { context: ownErrors() });
  }
}
