import { HttpClient, type HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Page, Queue, QueueMember, QueueRequest, StaffSummary } from '@switchboard/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/v1/queues';

/** The queues endpoints of the API: queues, their members (with priority) and supervisors. */
@Injectable({ providedIn: 'root' })
export class QueuesApi {
  private readonly http = inject(HttpClient);

  list(params: HttpParams): Observable<Page<Queue>> {
    return this.http.get<Page<Queue>>(BASE, { params });
  }

  get(id: string): Observable<Queue> {
    return this.http.get<Queue>(`${BASE}/${id}`);
  }

  create(request: QueueRequest): Observable<Queue> {
    return this.http.post<Queue>(BASE, request);
  }

  update(id: string, request: QueueRequest): Observable<Queue> {
    return this.http.patch<Queue>(`${BASE}/${id}`, request);
  }

  remove(id: string): Observable<unknown> {
    return this.http.delete(`${BASE}/${id}`);
  }

  members(id: string): Observable<QueueMember[]> {
    return this.http.get<QueueMember[]>(`${BASE}/${id}/members`);
  }

  addMember(id: string, agentId: string, priority: number): Observable<unknown> {
    return this.http.post(`${BASE}/${id}/members`, { agentId, priority });
  }

  setPriority(id: string, agentId: string, priority: number): Observable<unknown> {
    return this.http.patch(`${BASE}/${id}/members/${agentId}`, { priority });
  }

  removeMember(id: string, agentId: string): Observable<unknown> {
    return this.http.delete(`${BASE}/${id}/members/${agentId}`);
  }

  supervisors(id: string): Observable<StaffSummary[]> {
    return this.http.get<StaffSummary[]>(`${BASE}/${id}/supervisors`);
  }

  addSupervisor(id: string, agentId: string): Observable<unknown> {
    return this.http.post(`${BASE}/${id}/supervisors`, { agentId });
  }

  removeSupervisor(id: string, agentId: string): Observable<unknown> {
    return this.http.delete(`${BASE}/${id}/supervisors/${agentId}`);
  }
}
