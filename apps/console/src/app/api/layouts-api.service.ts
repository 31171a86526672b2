import { HttpClient, type HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ChatLayout, ChatLayoutRequest, LayoutPreview, Page } from '@switchboard/contracts';
import type { Observable } from 'rxjs';
import { ownErrors } from '../core/http-context';

const BASE = '/api/v1/layouts';

/** The chat layouts endpoints of the API (seed 003 "Web Chat Layouts Panel"). */
@Injectable({ providedIn: 'root' })
export class LayoutsApi {
  private readonly http = inject(HttpClient);

  /** `q` searches names; the default layout comes first. */
  list(params: HttpParams): Observable<Page<ChatLayout>> {
    return this.http.get<Page<ChatLayout>>(BASE, { params });
  }

  get(id: string): Observable<ChatLayout> {
    return this.http.get<ChatLayout>(`${BASE}/${id}`);
  }

  /** A new layout is always a copy of an existing one. The caller shows a refused name itself. */
  clone(id: string, name: string): Observable<ChatLayout> {
    return this.http.post<ChatLayout>(`${BASE}/${id}/clone`, { name }, { context: ownErrors() });
  }

  /** The caller shows a refused name or template beside its field. */
  update(id: string, request: ChatLayoutRequest): Observable<ChatLayout> {
    return this.http.patch<ChatLayout>(`${BASE}/${id}`, request, { context: ownErrors() });
  }

  remove(id: string): Observable<unknown> {
    return this.http.delete(`${BASE}/${id}`);
  }

  /**
   * The template rendered with sample values (nothing stored). A template that does not compile
   * is a 400 whose message names the line; the editor shows it, so no toast.
   */
  preview(template: string): Observable<LayoutPreview> {
    return this.http.post<LayoutPreview>(`${BASE}/preview`, { template }, { context: ownErrors() });
  }
}
