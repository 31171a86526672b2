import type { HttpParams } from '@angular/common/http';
import { computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { PageEvent } from '@angular/material/paginator';
import type { Sort } from '@angular/material/sort';
import type { Page } from '@switchboard/contracts';
import { catchError, debounceTime, distinctUntilChanged, finalize, of, Subject, switchMap, type Observable } from 'rxjs';
import { toParams, type ParamValue } from './http-params';

export type Filters = Record<string, ParamValue>;

/** What one page request asks the server: search, filters, paging (1-based) and sort. */
export interface ListQuery<F extends Filters> {
  q: string;
  page: number;
  pageSize: number;
  sort: string;
  order: 'asc' | 'desc' | '';
  filters: F;
}

export interface PagedListOptions<F extends Filters> {
  filters: F;
  pageSize?: number;
  sort?: string;
  order?: 'asc' | 'desc';
}

export const PAGE_SIZES = [10, 25, 50, 100];
const SEARCH_DEBOUNCE_MS = 300;

/**
 * One server-paged list: holds the query in signals, asks the server on every change (the
 * newest request wins), and exposes the current page. Search input is debounced. Wire it to
 * a mat-paginator with `(page)="list.setPage($event)"` and to mat-sort with
 * `(matSortChange)="list.setSort($event)"`.
 */
export class PagedList<T, F extends Filters> {
  private readonly state;
  private readonly current = signal<Page<T> | null>(null);
  private readonly requests = new Subject<ListQuery<F>>();
  private readonly searches = new Subject<string>();

  readonly query;
  readonly items = computed(() => this.current()?.items ?? []);
  readonly total = computed(() => this.current()?.total ?? 0);
  /** Zero-based, for mat-paginator. */
  readonly pageIndex = computed(() => this.state().page - 1);
  readonly loading = signal(false);
  /** True once the first page has arrived. */
  readonly loaded = computed(() => this.current() !== null);

  constructor(load: (params: HttpParams) => Observable<Page<T>>, options: PagedListOptions<F>) {
    this.state = signal<ListQuery<F>>({
      q: '',
      page: 1,
      pageSize: options.pageSize ?? PAGE_SIZES[0],
      sort: options.sort ?? '',
      order: options.order ?? '',
      filters: options.filters,
    });
    this.query = this.state.asReadonly();
    const destroyed = inject(DestroyRef);

    this.requests
      .pipe(
        switchMap((query) => {
          this.loading.set(true);
          return load(this.params(query)).pipe(
            catchError(() => of(null)),
            finalize(() => this.loading.set(false)),
          );
        }),
        takeUntilDestroyed(destroyed),
      )
      .subscribe((page) => {
        if (!page) return;
        const lastPage = Math.max(1, Math.ceil(page.total / page.pageSize));
        // After deletions the page asked for may be past the end: step back to the last one.
        if (page.items.length === 0 && page.total > 0 && this.state().page > lastPage) {
          this.update({ page: lastPage });
          return;
        }
        this.current.set(page);
      });

    this.searches
      .pipe(debounceTime(SEARCH_DEBOUNCE_MS), distinctUntilChanged(), takeUntilDestroyed(destroyed))
      .subscribe((q) => this.update({ q, page: 1 }));

    this.reload();
  }

  /** Debounced: call on every keystroke. */
  search(q: string): void {
    this.searches.next(q.trim());
  }

  setFilters(filters: Partial<F>): void {
    this.update({ filters: { ...this.state().filters, ...filters }, page: 1 });
  }

  setPage(event: PageEvent): void {
    this.update({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  setSort(sort: Sort): void {
    this.update({ sort: sort.direction ? sort.active : '', order: sort.direction, page: 1 });
  }

  /** Asks for the current page again (after a change on the server). */
  reload(): void {
    this.requests.next(this.state());
  }

  private update(patch: Partial<ListQuery<F>>): void {
    this.state.update((query) => ({ ...query, ...patch }));
    this.reload();
  }

  private params(query: ListQuery<F>): HttpParams {
    return toParams({
      ...query.filters,
      q: query.q,
      page: query.page,
      pageSize: query.pageSize,
      sort: query.sort && query.order ? query.sort : undefined,
      order: query.sort && query.order ? query.order : undefined,
    });
  }
}

/** Creates a PagedList; call it in an injection context (a field initializer). */
export function pagedList<T, F extends Filters>(
  load: (params: HttpParams) => Observable<Page<T>>,
  options: PagedListOptions<F>,
): PagedList<T, F> {
  return new PagedList(load, options);
}
