import { catchError, forkJoin, map, of, type Observable } from 'rxjs';
import type { AgentsApi } from '../api/agents-api.service';
import type { BoardPerson } from './agent-board.component';

/**
 * The people behind stored ids (the API keeps recipients as ids only), in the same order; one
 * no longer there shows as unknown rather than failing the whole list.
 */
export function peopleByIds(api: AgentsApi, ids: readonly string[]): Observable<BoardPerson[]> {
  if (!ids.length) return of([]);
  return forkJoin(
    ids.map((id) =>
      api.get(id).pipe(
        map((agent): BoardPerson => ({ id, username: agent.username, fullName: agent.fullName })),
        catchError(() => of<BoardPerson>({ id, username: id, fullName: 'Unknown user' })),
      ),
    ),
  );
}
