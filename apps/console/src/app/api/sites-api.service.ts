import { HttpClient, type HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Page, Site, SiteEmbed, SiteIdentitySecret, SiteRequest } from '@switchboard/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/v1/sites';

/** The websites with the chat box (seed 002 "Gestion des Sites & Hotlines"). */
@Injectable({ providedIn: 'root' })
export class SitesApi {
  private readonly http = inject(HttpClient);

  list(params: HttpParams): Observable<Page<Site>> {
    return this.http.get<Page<Site>>(BASE, { params });
  }

  get(id: string): Observable<Site> {
    return this.http.get<Site>(`${BASE}/${id}`);
  }

  create(request: SiteRequest): Observable<Site> {
    return this.http.post<Site>(BASE, request);
  }

  /** A full replacement: fields left out take their defaults. */
  update(id: string, request: SiteRequest): Observable<Site> {
    return this.http.patch<Site>(`${BASE}/${id}`, request);
  }

  remove(id: string): Observable<unknown> {
    return this.http.delete(`${BASE}/${id}`);
  }

  /** A new site key: the snippet pasted so far stops working. */
  rotateKey(id: string): Observable<Site> {
    return this.http.post<Site>(`${BASE}/${id}/key`, null);
  }

  /**
   * A new identity secret, answered this once (no other response carries it): identities signed
   * with the old one are refused from now on.
   */
  renewIdentitySecret(id: string): Observable<SiteIdentitySecret> {
    return this.http.post<SiteIdentitySecret>(`${BASE}/${id}/identity-secret`, null);
  }

  /** The tag to paste before `</body>`, and the public page that tests it. */
  embed(id: string): Observable<SiteEmbed> {
    return this.http.get<SiteEmbed>(`${BASE}/${id}/embed`);
  }
}
