import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { switchMap } from 'rxjs';
import { AgentsApi } from '../../api/agents-api.service';
import { RoutingAdminApi } from '../../api/routing-admin-api.service';
import { AgentBoardComponent, type BoardColumn, type BoardPerson } from '../../shared/agent-board.component';
import { peopleByIds } from '../../shared/people';
import { fieldErrors } from '../../shared/server-errors';

const COLUMNS: readonly BoardColumn[] = [{ label: 'Recipients', hint: 'Offline messages are e-mailed to them', testId: 'recipients-list' }];

/** Seed 000 "Off-line messages": drag operators into the recipients, then "Update". */
@Component({
  selector: 'sb-offline-recipients',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, AgentBoardComponent],
  template: `
    <section aria-labelledby="offline-recipients-title" data-testid="offline-recipients">
      <h2 id="offline-recipients-title">Recipients</h2>
      <p class="explain">
        Messages left when nobody could answer are e-mailed to these operators, unless the routing rule of the page names its own. Drag operators into the
        list, then click Update.
      </p>
      @if (loading() || busy()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="loading() ? 'Loading the recipients' : 'Saving the recipients'" />
      }
      <sb-agent-board [columns]="columns" [lists]="lists()" (listsChange)="changed($event)" poolLabel="Operators" testId="recipients" />
      @if (error()) {
        <p class="sb-error-text" role="alert" data-testid="recipients-error">{{ error() }}</p>
      }
      <div class="sb-toolbar actions">
        <button mat-flat-button type="button" (click)="update()" [disabled]="busy() || loading() || !dirty()" data-testid="recipients-update">
          <mat-icon>save</mat-icon>
          Update
        </button>
        <button mat-button type="button" (click)="load()" [disabled]="busy() || loading() || !dirty()" data-testid="recipients-discard">Discard changes</button>
      </div>
    </section>
  `,
  styles: `
    h2 { font: var(--mat-sys-title-medium); }
    .explain { margin: 0 0 12px; color: var(--mat-sys-on-surface-variant); }
    .actions { margin-top: 12px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OfflineRecipientsComponent {
  private readonly api = inject(RoutingAdminApi);
  private readonly agentsApi = inject(AgentsApi);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly columns = COLUMNS;
  protected readonly lists = signal<BoardPerson[][]>([[]]);
  /** The ids as the server has them, to tell whether there is anything to update. */
  private readonly saved = signal<string[]>([]);
  protected readonly dirty = computed(() => {
    const ids = this.lists()[0]?.map((person) => person.id) ?? [];
    const saved = this.saved();
    return ids.length !== saved.length || ids.some((id, index) => id !== saved[index]);
  });
  protected readonly loading = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal('');

  constructor() {
    this.load();
  }

  protected changed(lists: BoardPerson[][]): void {
    this.lists.set(lists);
    this.error.set('');
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set('');
    this.api
      .offlineRecipients()
      .pipe(switchMap(({ agentIds }) => peopleByIds(this.agentsApi, agentIds)))
      .subscribe({
        next: (people) => {
          this.loading.set(false);
          this.show(people);
        },
        error: () => this.loading.set(false),
      });
  }

  protected update(): void {
    const people = this.lists()[0] ?? [];
    this.busy.set(true);
    this.api.setOfflineRecipients(people.map((person) => person.id)).subscribe({
      next: ({ agentIds }) => {
        this.busy.set(false);
        // Keep the names on screen, in the order the server kept.
        this.show(agentIds.map((id) => people.find((person) => person.id === id) ?? { id, username: id, fullName: 'Unknown user' }));
        this.snackBar.open('Recipients updated', undefined, { duration: 3000 });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(fieldErrors(error).flatMap((entry) => entry.messages).join(' '));
      },
    });
  }

  private show(people: BoardPerson[]): void {
    this.lists.set([people]);
    this.saved.set(people.map((person) => person.id));
  }
}
