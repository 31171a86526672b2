import { HttpClient, type HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Contact, ContactPage, SaveContactRequest } from '@switchboard/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/v1/contacts';

/** The contacts endpoints. What they answer is already masked for a user with "Mask Sensitive Data". */
@Injectable({ providedIn: 'root' })
export class ContactsApi {
  private readonly http = inject(HttpClient);

  list(params: HttpParams): Observable<ContactPage> {
    return this.http.get<ContactPage>(BASE, { params });
  }

  get(id: string): Observable<Contact> {
    return this.http.get<Contact>(`${BASE}/${id}`);
  }

  create(request: SaveContactRequest): Observable<Contact> {
    return this.http.post<Contact>(BASE, request);
  }

  update(id: string, request: SaveContactRequest): Observable<Contact> {
    return this.http.patch<Contact>(`${BASE}/${id}`, request);
  }
}
