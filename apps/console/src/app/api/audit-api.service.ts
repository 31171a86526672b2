import { HttpClient, type HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AuditPage } from '@switchboard/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/v1/audit';

/** The audit log (administrators): pages and the CSV export, with the same filters. */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  list(params: HttpParams): Observable<AuditPage> {
    return this.http.get<AuditPage>(BASE, { params });
  }

  exportCsv(params: HttpParams): Observable<Blob> {
    return this.http.get(`${BASE}/export`, { params, responseType: 'blob' });
  }
}
