import { HttpClient, type HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { InteractionSummary, Page, Transcript } from '@switchboard/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/v1/interactions';

/** Interaction history: the API shows an agent only the interactions they held. */
@Injectable({ providedIn: 'root' })
export class HistoryApi {
  private readonly http = inject(HttpClient);

  /** `q` is a full-text search of the messages (web-search syntax); newest first. */
  list(params: HttpParams): Observable<Page<InteractionSummary>> {
    return this.http.get<Page<InteractionSummary>>(BASE, { params });
  }

  /** One interaction with its messages, events and rating. */
  transcript(id: string): Observable<Transcript> {
    return this.http.get<Transcript>(`${BASE}/${id}`);
  }

  /** The transcript as a text file, through HttpClient so it carries the access token. */
  exportText(id: string): Observable<Blob> {
    return this.http.get(`${BASE}/${id}/transcript.txt`, { responseType: 'blob' });
  }
}
