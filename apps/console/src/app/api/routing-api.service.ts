import { HttpClient, type HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  Desk,
  InteractionSummary,
  Page,
  PauseReason,
  Presence,
  SetPresenceRequest,
  StaffChannel,
  TransferRequest,
  TransferTargets,
} from '@switchboard/contracts';
import type { Observable } from 'rxjs';
import { ownErrors } from '../core/http-context';

const API = '/api/v1';

/**
 * The agent's side of routing: presence (own, and agents' for supervisors), pause reasons, the
 * desk (offers and open interactions) and the queues an interaction can be transferred to.
 */
@Injectable({ providedIn: 'root' })
export class RoutingApi {
  private readonly http = inject(HttpClient);

  myPresence(): Observable<Presence> {
    return this.http.get<Presence>(`${API}/presence/me`);
  }

  setMyPresence(request: SetPresenceRequest): Observable<Presence> {
    return this.http.put<Presence>(`${API}/presence/me`, request);
  }

  /** The caller shows the failure (a 403 when the company locks channels). */
  setMyChannel(channel: StaffChannel, enabled: boolean): Observable<Presence> {
    return this.http.put<Presence>(`${API}/presence/me/channels/${channel}`, { enabled }, { context: ownErrors() });
  }

  presenceList(params: HttpParams): Observable<Page<Presence>> {
    return this.http.get<Page<Presence>>(`${API}/presence`, { params });
  }

  setPresence(agentId: string, request: SetPresenceRequest): Observable<Presence> {
    return this.http.put<Presence>(`${API}/presence/${agentId}`, request);
  }

  /** The active pause reasons, in menu order. */
  pauseReasons(): Observable<PauseReason[]> {
    return this.http.get<PauseReason[]>(`${API}/routing/pause-reasons`);
  }

  desk(): Observable<Desk> {
    return this.http.get<Desk>(`${API}/routing/desk`);
  }

  acceptOffer(offerId: string): Observable<InteractionSummary> {
    return this.http.post<InteractionSummary>(`${API}/offers/${offerId}/accept`, null);
  }

  rejectOffer(offerId: string): Observable<unknown> {
    return this.http.post(`${API}/offers/${offerId}/reject`, null);
  }

  closeInteraction(interactionId: string): Observable<unknown> {
    return this.http.post(`${API}/interactions/${interactionId}/close`, null);
  }

  /** The transfer dialog shows the failure on its fields. */
  transfer(interactionId: string, request: TransferRequest): Observable<unknown> {
    return this.http.post(`${API}/interactions/${interactionId}/transfer`, request, { context: ownErrors() });
  }

  /** The queues and online agents the holder of an open interaction may transfer it to. */
  transferTargets(interactionId: string): Observable<TransferTargets> {
    return this.http.get<TransferTargets>(`${API}/interactions/${interactionId}/transfer-targets`, { context: ownErrors() });
  }
}
