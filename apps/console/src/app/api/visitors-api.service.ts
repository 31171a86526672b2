import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Invitation, OnlineVisitor, Page, ProactiveInviteRequest } from '@switchboard/contracts';
import type { Observable } from 'rxjs';
import { ownErrors } from '../core/http-context';
import { toParams } from '../shared/http-params';

const BASE = '/api/v1/chat/visitors';

/** Visitor tracking (seed 000 "Visitors Tracking"): who is browsing the sites now, and proactive invitations. */
@Injectable({ providedIn: 'root' })
export class VisitorsApi {
  private readonly http = inject(HttpClient);

  /** A page of the visitors with the chat box open right now; every site when `siteId` is empty. The caller shows the failure (it polls). */
  online(siteId: string | null, page: number, pageSize: number): Observable<Page<OnlineVisitor>> {
    return this.http.get<Page<OnlineVisitor>>(BASE, { params: toParams({ siteId, page, pageSize }), context: ownErrors() });
  }

  /** Shows an invitation to chat with the caller on the visitor's screen; the caller shows the failure. */
  invite(request: ProactiveInviteRequest): Observable<Invitation> {
    return this.http.post<Invitation>(`${BASE}/invite`, request, { context: ownErrors() });
  }
}
