import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { InteractionMessage, ReplyRequest } from '@switchboard/contracts';
import type { Observable } from 'rxjs';
import { ownErrors } from '../core/http-context';

const API = '/api/v1';

/**
 * The messages of the interactions an agent holds: the conversation so far, and a reply by
 * REST (the desk sends over the console socket; this is its fallback while that is down).
 */
@Injectable({ providedIn: 'root' })
export class MessagesApi {
  private readonly http = inject(HttpClient);

  /** Oldest first. The desk shows a failure in the pane. */
  list(interactionId: string): Observable<InteractionMessage[]> {
    return this.http.get<InteractionMessage[]>(`${API}/interactions/${interactionId}/messages`, { context: ownErrors() });
  }

  /**
   * Sends a file as the agent's message (multipart). The server judges its type by its content
   * and refuses one too large (413) or of a type it does not take (415); the desk shows that by the file.
   */
  sendFile(interactionId: string, clientId: string, file: File): Observable<InteractionMessage> {
    const form = new FormData();
    form.append('clientId', clientId);
    form.append('file', file, file.name);
    return this.http.post<InteractionMessage>(`${API}/interactions/${interactionId}/attachments`, form, { context: ownErrors() });
  }

  /** A file of the conversation, as a Blob (the request carries the agent's token, which a plain link could not). */
  download(interactionId: string, attachmentId: string): Observable<Blob> {
    return this.http.get(`${API}/interactions/${interactionId}/attachments/${attachmentId}`, { responseType: 'blob' });
  }

  /** The same client id again answers the stored message and sends nothing new. The desk shows a failure by the message. */
  reply(interactionId: string, request: ReplyRequest): Observable<InteractionMessage> {
    return this.http.post<InteractionMessage>(`${API}/interactions/${interactionId}/messages`, request, { context: ownErrors() });
  }
}
