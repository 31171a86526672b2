import { CdkDrag, CdkDropList, CdkDropListGroup, moveItemInArray, type CdkDragDrop } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, model, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { StaffSummary } from '@switchboard/contracts';
import { catchError, debounceTime, distinctUntilChanged, map, of, startWith, switchMap, tap } from 'rxjs';
import { AgentsApi } from '../api/agents-api.service';
import { toParams } from './http-params';

/** A person as a board shows them. */
export type BoardPerson = Pick<StaffSummary, 'id' | 'username' | 'fullName'>;

/** One drop list of a board (a priority tier, the recipients, …). */
export interface BoardColumn {
  label: string;
  /** One line under the label. */
  hint?: string;
  /** The drop list's test id; its people are `<testId>-<username>`. */
  testId: string;
}

/** The pool's drop list data; columns are their index. */
const POOL = -1;

/**
 * Seed 000/002's "drag and drop operators": active staff, searched on the server, are dragged
 * from "Available agents" into one or more columns (and back out, or between columns); a whole row
 * drags, the icon only shows that it can. Buttons do the same for keyboard users. `lists` holds
 * each column's people, in column order.
 */
@Component({
  selector: 'sb-agent-board',
  imports: [
    CdkDropListGroup,
    CdkDropList,
    CdkDrag,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatMenuModule,
    MatProgressBarModule,
  ],
  template: `
    <div class="board" cdkDropListGroup>
      <section class="column pool" [attr.aria-label]="poolLabel()">
        <h3>{{ poolLabel() }}</h3>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Search</mat-label>
          <mat-icon matPrefix>search</mat-icon>
          <input matInput type="search" [formControl]="search" autocomplete="off" [attr.data-testid]="testId() + '-search'" />
        </mat-form-field>
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading agents" />
        }
        <div
          class="list"
          cdkDropList
          cdkDropListSortingDisabled
          [cdkDropListData]="pool"
          (cdkDropListDropped)="drop($event)"
          role="list"
          [attr.data-testid]="testId() + '-available'"
        >
          @for (person of available(); track person.id) {
            <div class="person" cdkDrag [cdkDragData]="person" role="listitem" [attr.data-testid]="'available-agent-' + person.username">
              <mat-icon class="handle" aria-hidden="true">drag_indicator</mat-icon>
              <span class="who">{{ person.fullName }} <small>{{ person.username }}</small></span>
              @if (columns().length === 1) {
                <button mat-icon-button type="button" (click)="add(person, 0)" [attr.aria-label]="'Add ' + person.fullName + ' to ' + columns()[0].label">
                  <mat-icon>add</mat-icon>
                </button>
              } @else {
                <button mat-icon-button type="button" [matMenuTriggerFor]="addMenu" [attr.aria-label]="'Add ' + person.fullName">
                  <mat-icon>add</mat-icon>
                </button>
                <mat-menu #addMenu="matMenu">
                  @for (column of columns(); track column.testId; let index = $index) {
                    <button mat-menu-item type="button" (click)="add(person, index)">{{ column.label }}</button>
                  }
                </mat-menu>
              }
            </div>
          } @empty {
            @if (!loading()) {
              <p class="placeholder">No agents to add.</p>
            }
          }
        </div>
      </section>
      @for (column of columns(); track column.testId; let index = $index) {
        <section class="column" [attr.aria-label]="column.label">
          <h3>{{ column.label }} <small>({{ columnLists()[index].length }})</small></h3>
          @if (column.hint) {
            <p class="hint">{{ column.hint }}</p>
          }
          <div class="list target" cdkDropList [cdkDropListData]="index" (cdkDropListDropped)="drop($event)" role="list" [attr.data-testid]="column.testId">
            @for (person of columnLists()[index]; track person.id) {
              <div class="person" cdkDrag [cdkDragData]="person" role="listitem" [attr.data-testid]="column.testId + '-' + person.username">
                <mat-icon class="handle" aria-hidden="true">drag_indicator</mat-icon>
                <span class="who">{{ person.fullName }} <small>{{ person.username }}</small></span>
                <button mat-icon-button type="button" (click)="remove(index, person)" [attr.aria-label]="'Remove ' + person.fullName + ' from ' + column.label">
                  <mat-icon>close</mat-icon>
                </button>
              </div>
            } @empty {
              <p class="placeholder">Drag agents here</p>
            }
          </div>
        </section>
      }
    </div>
  `,
  styles: `
    .board { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 16px; align-items: stretch; }
    .column { display: flex; flex-direction: column; gap: 8px; min-width: 0; }
    h3 { font: var(--mat-sys-title-small); margin: 0; }
    h3 small, .hint { color: var(--mat-sys-on-surface-variant); }
    .hint { margin: 0; font: var(--mat-sys-body-small); }
    .list { flex: 1; min-height: 120px; max-height: 360px; overflow-y: auto; padding: 4px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; }
    .list.target { border-style: dashed; }
    .list.cdk-drop-list-receiving { background: var(--mat-sys-surface-container); }
    .list.cdk-drop-list-dragging .placeholder { display: none; }
    .person { display: flex; align-items: center; gap: 8px; padding: 2px 4px 2px 8px; border-radius: 8px; background: var(--mat-sys-surface); cursor: grab; }
    .person:hover { background: var(--mat-sys-surface-container-high); }
    .person.cdk-drag-preview { box-shadow: var(--mat-sys-level3); background: var(--mat-sys-surface-container-high); }
    .person.cdk-drag-placeholder { opacity: 0.3; }
    .cdk-drag-animating, .list.cdk-drop-list-dragging .person:not(.cdk-drag-placeholder) { transition: transform 200ms cubic-bezier(0, 0, 0.2, 1); }
    .handle { color: var(--mat-sys-on-surface-variant); }
    .who { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .who small { color: var(--mat-sys-on-surface-variant); }
    .placeholder { margin: 0; padding: 16px; text-align: center; color: var(--mat-sys-on-surface-variant); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgentBoardComponent {
  readonly columns = input.required<readonly BoardColumn[]>();
  /** Each column's people, in the order of `columns`. */
  readonly lists = model.required<BoardPerson[][]>();
  readonly poolLabel = input('Available agents');
  /** Prefix of the pool's test ids (its search and list). */
  readonly testId = input('board');

  protected readonly pool = POOL;
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly loading = signal(false);
  private readonly found = signal<StaffSummary[]>([]);
  /** One list per column, even when the parent gave fewer. */
  protected readonly columnLists = computed(() => this.columns().map((_, index) => this.lists()[index] ?? []));
  private readonly chosen = computed(() => new Set(this.lists().flatMap((list) => list.map((person) => person.id))));
  /** Who may still be added: people in a column are not offered twice. */
  protected readonly available = computed(() => this.found().filter((person) => !this.chosen().has(person.id)));

  constructor() {
    const api = inject(AgentsApi);
    this.search.valueChanges
      .pipe(
        map((text) => text.trim()),
        debounceTime(250),
        startWith(''),
        distinctUntilChanged(),
        tap(() => this.loading.set(true)),
        // Disabled accounts cannot receive routed work, so they are not offered.
        switchMap((q) => api.list(toParams({ q, disabled: false, pageSize: 200, sort: 'fullName', order: 'asc' })).pipe(catchError(() => of(null)))),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((page) => {
        this.loading.set(false);
        if (page) this.found.set(page.items);
      });
  }

  protected add(person: BoardPerson, column: number): void {
    this.change((list, index) => (index === column ? [...list, pick(person)] : list));
  }

  protected remove(column: number, person: BoardPerson): void {
    this.change((list, index) => (index === column ? list.filter((entry) => entry.id !== person.id) : list));
  }

  protected drop(event: CdkDragDrop<number, number, BoardPerson>): void {
    const from = event.previousContainer.data;
    const to = event.container.data;
    const person = pick(event.item.data);
    if (from === to) {
      if (to === POOL) return;
      this.change((list, index) => {
        if (index !== to) return list;
        const moved = [...list];
        moveItemInArray(moved, event.previousIndex, event.currentIndex);
        return moved;
      });
      return;
    }
    // From the pool it is a copy; between columns (or back to the pool) a move.
    this.change((list, index) => {
      if (index === from) return list.filter((entry) => entry.id !== person.id);
      if (index !== to) return list;
      const next = list.filter((entry) => entry.id !== person.id);
      next.splice(event.currentIndex, 0, person);
      return next;
    });
  }

  private change(edit: (list: BoardPerson[], index: number) => BoardPerson[]): void {
    this.lists.set(this.columnLists().map(edit));
  }
}

/** Only what the board keeps (a listed agent carries far more). */
function pick(person: BoardPerson): BoardPerson {
  return { id: person.id, username: person.username, fullName: person.fullName };
}
