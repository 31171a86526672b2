import { inject, signal, type Signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { catchError, debounceTime, distinctUntilChanged, filter, map, of, switchMap, tap } from 'rxjs';
import { LayoutsApi } from '../../api/layouts-api.service';
import { templateProblem } from './layout-errors';

const PREVIEW_DEBOUNCE_MS = 400;

/**
 * The template rendered by the server as the user types (debounced; the newest answer wins).
 * The server is the one judge of a template, so the preview and the save agree on what compiles.
 * A refused template keeps the last good rendering on screen and says why, with its line.
 * Create it in an injection context.
 */
export class LayoutPreview {
  /** The last rendering that worked; null before the first. */
  readonly html = signal<string | null>(null);
  /** Why the current template was refused; null when it renders. */
  readonly problem = signal<string | null>(null);
  readonly checking = signal(false);

  /** `template` is null while there is nothing to preview yet (the layout is loading). */
  constructor(template: Signal<string | null>) {
    const api = inject(LayoutsApi);
    toObservable(template)
      .pipe(
        filter((text): text is string => text !== null),
        debounceTime(PREVIEW_DEBOUNCE_MS),
        distinctUntilChanged(),
        tap(() => this.checking.set(true)),
        switchMap((text) =>
          // The API refuses an empty template anyway; say it without a round trip.
          text.trim()
            ? api.preview(text).pipe(
                map((answer) => ({ html: answer.html, problem: null })),
                catchError((error: unknown) => of({ html: null, problem: templateProblem(error) })),
              )
            : of({ html: null, problem: 'The template is empty.' }),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ html, problem }) => {
        this.checking.set(false);
        if (html !== null) this.html.set(html);
        this.problem.set(problem);
      });
  }
}
