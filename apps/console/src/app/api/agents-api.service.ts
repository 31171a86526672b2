import { HttpClient, type HttpEvent, type HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AddToChannelQueuesResponse,
  Agent,
  AgentQueueMembership,
  CreateAgentRequest,
  CreatedAgent,
  ImportReport,
  LicenseStatus,
  Page,
  SetPasswordResponse,
  StaffChannel,
  UpdateAgentRequest,
} from '@switchboard/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/v1/agents';

export interface ImportOptions {
  dryRun: boolean;
  atomic: boolean;
  importId: string;
  /** Queues to place every imported agent in (a supervisor must name one of theirs). */
  queueIds: string[];
}

/** The agents endpoints of the API. */
@Injectable({ providedIn: 'root' })
export class AgentsApi {
  private readonly http = inject(HttpClient);

  list(params: HttpParams): Observable<Page<Agent>> {
    return this.http.get<Page<Agent>>(BASE, { params });
  }

  get(id: string): Observable<Agent> {
    return this.http.get<Agent>(`${BASE}/${id}`);
  }

  create(request: CreateAgentRequest): Observable<CreatedAgent> {
    return this.http.post<CreatedAgent>(BASE, request);
  }

  update(id: string, request: UpdateAgentRequest): Observable<Agent> {
    return this.http.patch<Agent>(`${BASE}/${id}`, request);
  }

  remove(id: string): Observable<unknown> {
    return this.http.delete(`${BASE}/${id}`);
  }

  bulkDelete(ids: string[]): Observable<{ deleted: number }> {
    return this.http.post<{ deleted: number }>(`${BASE}/bulk-delete`, { ids });
  }

  /** The CSV of the given agents, or of all when `ids` is empty. */
  exportCsv(ids: string[]): Observable<Blob> {
    const params: Record<string, string> = ids.length ? { ids: ids.join(',') } : {};
    return this.http.get(`${BASE}/export`, { params, responseType: 'blob' });
  }

  /** Uploads a CSV; the events carry upload progress, then the report. */
  importCsv(file: File, options: ImportOptions): Observable<HttpEvent<ImportReport>> {
    const body = new FormData();
    body.append('dryRun', String(options.dryRun));
    body.append('atomic', String(options.atomic));
    body.append('importId', options.importId);
    if (options.queueIds.length) body.append('queueIds', options.queueIds.join(','));
    body.append('file', file, file.name);
    return this.http.post<ImportReport>(`${BASE}/import`, body, { reportProgress: true, observe: 'events' });
  }

  license(): Observable<LicenseStatus> {
    return this.http.get<LicenseStatus>('/api/v1/license');
  }

  avatar(id: string): Observable<Blob> {
    return this.http.get(`${BASE}/${id}/avatar`, { responseType: 'blob' });
  }

  uploadAvatar(id: string, file: File): Observable<unknown> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post(`${BASE}/${id}/avatar`, body);
  }

  queues(id: string): Observable<AgentQueueMembership[]> {
    return this.http.get<AgentQueueMembership[]>(`${BASE}/${id}/queues`);
  }

  addToChannelQueues(id: string, channel: StaffChannel): Observable<AddToChannelQueuesResponse> {
    return this.http.post<AddToChannelQueuesResponse>(`${BASE}/${id}/queues`, { channel });
  }

  /** Omit the password to have one generated (answered once). */
  setPassword(id: string, password?: string): Observable<SetPasswordResponse> {
    return this.http.put<SetPasswordResponse>(`${BASE}/${id}/password`, password ? { password } : {});
  }
}
