import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, output, signal, type OnInit } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import type { Page, Role, StaffSummary } from '@switchboard/contracts';
import { catchError, debounceTime, filter, map, of, startWith, switchMap } from 'rxjs';
import { toParams } from './http-params';

/** Finds a staff member by name as you type (server search) and emits the one picked. */
@Component({
  selector: 'sb-agent-picker',
  imports: [ReactiveFormsModule, MatAutocompleteModule, MatFormFieldModule, MatInputModule, MatIconModule],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="field">
      <mat-label>{{ label() }}</mat-label>
      <mat-icon matPrefix>person_search</mat-icon>
      <input matInput type="search" [formControl]="text" [matAutocomplete]="auto" [attr.data-testid]="testId()" autocomplete="off" />
      <mat-autocomplete #auto="matAutocomplete" (optionSelected)="pick($event)" [displayWith]="display">
        @for (person of options(); track person.id) {
          <mat-option [value]="person" [disabled]="exclude().includes(person.id)">
            {{ person.fullName }} <small>({{ person.username }}, {{ person.role }})</small>
          </mat-option>
        } @empty {
          @if (searched()) {
            <mat-option disabled>No match</mat-option>
          }
        }
      </mat-autocomplete>
    </mat-form-field>
  `,
  styles: `
    .field { width: 100%; max-width: 420px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgentPickerComponent implements OnInit {
  readonly label = input('Find a person');
  /** Only this role (for supervisors of a queue, say). */
  readonly role = input<Role>();
  /** Ids already chosen: shown, but not pickable. */
  readonly exclude = input<readonly string[]>([]);
  readonly testId = input('agent-picker');
  readonly picked = output<StaffSummary>();

  protected readonly text = new FormControl<string | StaffSummary>('', { nonNullable: true });
  protected readonly options = signal<StaffSummary[]>([]);
  protected readonly searched = signal(false);
  private readonly http = inject(HttpClient);
  private readonly destroyed = inject(DestroyRef);

  ngOnInit(): void {
    // Subscribed here, not in the constructor, so the first search sees the inputs.
    this.text.valueChanges
      .pipe(
        filter((value): value is string => typeof value === 'string'),
        map((value) => value.trim()),
        debounceTime(250),
        startWith(''),
        switchMap((q) =>
          this.http
            .get<Page<StaffSummary>>('/api/v1/agents', { params: toParams({ q, role: this.role(), pageSize: 10, sort: 'fullName', order: 'asc' }) })
            .pipe(catchError(() => of(null))),
        ),
        takeUntilDestroyed(this.destroyed),
      )
      .subscribe((page) => {
        this.options.set(page?.items ?? []);
        this.searched.set(true);
      });
  }

  protected display(value: StaffSummary | string | null): string {
    return typeof value === 'string' ? value : (value?.fullName ?? '');
  }

  protected pick(event: MatAutocompleteSelectedEvent): void {
    this.picked.emit(event.option.value as StaffSummary);
    this.text.setValue('');
    this.options.set([]);
    this.searched.set(false);
  }
}
