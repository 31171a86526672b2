import { HttpClient, type HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { BlacklistEntry, BlacklistEntryRequest, Page } from '@switchboard/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/v1/blacklist';

/** The chat blacklist endpoints of the API (seed 003). */
@Injectable({ providedIn: 'root' })
export class BlacklistApi {
  private readonly http = inject(HttpClient);

  /** `q` searches the description and the addresses; `order` sorts by description. */
  list(params: HttpParams): Observable<Page<BlacklistEntry>> {
    return this.http.get<Page<BlacklistEntry>>(BASE, { params });
  }

  get(id: string): Observable<BlacklistEntry> {
    return this.http.get<BlacklistEntry>(`${BASE}/${id}`);
  }

  create(request: BlacklistEntryRequest): Observable<BlacklistEntry> {
    return this.http.post<BlacklistEntry>(BASE, request);
  }

  /** A full replacement: a missing end blocks the start alone. */
  update(id: string, request: BlacklistEntryRequest): Observable<BlacklistEntry> {
    return this.http.patch<BlacklistEntry>(`${BASE}/${id}`, request);
  }

  remove(id: string): Observable<unknown> {
    return this.http.delete(`${BASE}/${id}`);
  }
}
