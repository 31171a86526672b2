import { HttpClient, type HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Page, StaffSummary, Team, TeamRequest } from '@switchboard/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/v1/teams';

/** The teams endpoints of the API. */
@Injectable({ providedIn: 'root' })
export class TeamsApi {
  private readonly http = inject(HttpClient);

  list(params: HttpParams): Observable<Page<Team>> {
    return this.http.get<Page<Team>>(BASE, { params });
  }

  create(request: TeamRequest): Observable<Team> {
    return this.http.post<Team>(BASE, request);
  }

  update(id: string, request: TeamRequest): Observable<Team> {
    return this.http.patch<Team>(`${BASE}/${id}`, request);
  }

  remove(id: string): Observable<unknown> {
    return this.http.delete(`${BASE}/${id}`);
  }

  members(id: string): Observable<StaffSummary[]> {
    return this.http.get<StaffSummary[]>(`${BASE}/${id}/members`);
  }

  addMember(id: string, agentId: string): Observable<unknown> {
    return this.http.post(`${BASE}/${id}/members`, { agentId });
  }

  removeMember(id: string, agentId: string): Observable<unknown> {
    return this.http.delete(`${BASE}/${id}/members/${agentId}`);
  }
}
