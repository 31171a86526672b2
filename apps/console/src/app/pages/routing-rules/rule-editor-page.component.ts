import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import type { Queue, RoutingRule, StaffSummary } from '@switchboard/contracts';
import { AgentsApi } from '../../api/agents-api.service';
import { QueuesApi } from '../../api/queues-api.service';
import { RoutingAdminApi } from '../../api/routing-admin-api.service';
import { AgentBoardComponent, type BoardPerson } from '../../shared/agent-board.component';
import { AgentPickerComponent } from '../../shared/agent-picker.component';
import { toParams } from '../../shared/http-params';
import { peopleByIds } from '../../shared/people';
import { priorityBoard, priorityColumns } from '../../shared/priority-board';
import { validationMessage } from '../../shared/server-errors';
import { splitLines } from '../../shared/text-lines';
import { applyRuleErrors, fillRuleForm, ruleForm, ruleRequest } from './rule-form';

const COLUMNS = priorityColumns('rule');

/**
 * One routing rule: create (`/routing/new`, seed 000's "Add routing") or edit (`/routing/:id`).
 * Seed 003's fields, and either a queue or agents dragged into high and low priority (seed 002).
 */
@Component({
  selector: 'sb-rule-editor-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    MatSlideToggleModule,
    AgentBoardComponent,
    AgentPickerComponent,
  ],
  templateUrl: './rule-editor-page.component.html',
  styles: `
    form { display: flex; flex-direction: column; gap: 16px; max-width: 1040px; }
    fieldset { display: flex; flex-direction: column; gap: 8px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 12px 16px 16px; margin: 0; }
    legend { font: var(--mat-sys-title-small); padding: 0 4px; }
    .fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 8px 16px; align-items: center; }
    .explain { margin: 0; color: var(--mat-sys-on-surface-variant); }
    .targets { display: flex; gap: 24px; }
    .queue { max-width: 420px; }
    .patterns { font-family: ui-monospace, monospace; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RuleEditorPageComponent {
  private readonly api = inject(RoutingAdminApi);
  private readonly agentsApi = inject(AgentsApi);
  private readonly queuesApi = inject(QueuesApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);

  /** The route's `:id`; absent on `/routing/new`. */
  readonly id = input<string>();

  protected readonly form = ruleForm(inject(NonNullableFormBuilder));
  protected readonly target = toSignal(this.form.controls.target.valueChanges, { initialValue: this.form.controls.target.value });
  protected readonly rule = signal<RoutingRule | null>(null);
  protected readonly creating = computed(() => !this.id());
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly queues = signal<Queue[]>([]);
  protected readonly columns = COLUMNS;
  protected readonly board = signal<BoardPerson[][]>([[], []]);
  protected readonly agentsError = signal('');
  protected readonly recipients = signal<BoardPerson[]>([]);
  protected readonly recipientIds = computed(() => this.recipients().map((person) => person.id));
  protected readonly recipientsError = signal('');
  protected readonly message = validationMessage;

  constructor() {
    this.queuesApi.list(toParams({ channel: 'chat', pageSize: 200, sort: 'name', order: 'asc' })).subscribe({ next: (page) => this.queues.set(page.items) });
    effect(() => {
      const id = this.id();
      untracked(() => (id ? this.load(id) : this.show(null)));
    });
  }

  protected boardChanged(lists: BoardPerson[][]): void {
    this.board.set(lists);
    this.agentsError.set('');
  }

  protected addRecipient(person: StaffSummary): void {
    this.recipients.update((list) => [...list, { id: person.id, username: person.username, fullName: person.fullName }]);
    this.recipientsError.set('');
  }

  protected removeRecipient(person: BoardPerson): void {
    this.recipients.update((list) => list.filter((entry) => entry.id !== person.id));
    this.recipientsError.set('');
  }

  protected save(): void {
    const noAgents = this.target() === 'agents' && !this.board().some((list) => list.length);
    this.agentsError.set(noAgents ? 'Drag at least one agent into High or Low priority' : '');
    if (this.form.invalid || noAgents) {
      this.form.markAllAsTouched();
      return;
    }
    const request = ruleRequest(this.form, this.board(), this.recipientIds());
    const id = this.id();
    this.saving.set(true);
    (id ? this.api.updateRule(id, request) : this.api.createRule(request)).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.form.markAsPristine();
        this.snackBar.open(id ? `Saved ${saved.name}` : `Added ${saved.name}`, undefined, { duration: 3000 });
        void this.router.navigate(['/routing']);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const errors = applyRuleErrors(this.form, error, splitLines(this.form.controls.patterns.value));
        this.agentsError.set(errors.agents);
        this.recipientsError.set(errors.offlineRecipientIds);
      },
    });
  }

  private load(id: string): void {
    this.loading.set(true);
    this.api.rule(id).subscribe({
      next: (rule) => {
        this.loading.set(false);
        this.show(rule);
      },
      error: () => this.loading.set(false),
    });
  }

  private show(rule: RoutingRule | null): void {
    this.rule.set(rule);
    this.agentsError.set('');
    this.recipientsError.set('');
    if (!rule) {
      this.form.reset();
      this.board.set([[], []]);
      this.recipients.set([]);
      return;
    }
    fillRuleForm(this.form, rule);
    this.board.set(priorityBoard(rule.agents));
    this.loadRecipients(rule.offlineRecipientIds);
  }

  /** The rule keeps only ids; the chips need names. */
  private loadRecipients(ids: string[]): void {
    this.recipients.set([]);
    peopleByIds(this.agentsApi, ids).subscribe((people) => this.recipients.set(people));
  }
}
