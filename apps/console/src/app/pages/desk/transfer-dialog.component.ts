import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { Role, type InteractionSummary, type TransferRequest } from '@switchboard/contracts';
import { catchError, map, of, type Observable } from 'rxjs';
import { RoutingApi } from '../../api/routing-api.service';
import { AuthService } from '../../core/auth.service';
import { errorMessage } from '../../core/error.interceptor';
import { applyServerErrors, validationMessage } from '../../shared/server-errors';
import { channelLabel, contactLabel, isStaffChannel } from './desk-labels';

interface Target {
  id: string;
  label: string;
}

type TargetKind = 'queue' | 'agent';

/**
 * Hands an open interaction to a queue of its channel or to an online agent; closes with the
 * target's name once the server took it. Agents see their own queues; administrators and
 * supervisors every queue of the channel and the online agents they may see.
 */
@Component({
  selector: 'sb-transfer-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatButtonToggleModule, MatFormFieldModule, MatSelectModule],
  template: `
    <h2 mat-dialog-title>Transfer {{ contact }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="sb-dialog-form">
        <mat-button-toggle-group formControlName="kind" aria-label="Transfer to" class="kind" data-testid="transfer-kind">
          <mat-button-toggle value="queue" data-testid="transfer-to-queue">A queue</mat-button-toggle>
          <mat-button-toggle value="agent" [disabled]="!canPickAgents" data-testid="transfer-to-agent">An agent</mat-button-toggle>
        </mat-button-toggle-group>
        @if (form.controls.kind.value === 'queue') {
          <mat-form-field appearance="outline">
            <mat-label>Queue ({{ channel }})</mat-label>
            <mat-select formControlName="queueId" data-testid="transfer-queue">
              @for (queue of queues(); track queue.id) {
                <mat-option [value]="queue.id">{{ queue.label }}</mat-option>
              }
            </mat-select>
            @if (queues()?.length === 0) {
              <mat-hint>No queue of this channel is open to you.</mat-hint>
            }
            <mat-error>{{ message(form.controls.queueId.errors) }}</mat-error>
          </mat-form-field>
        } @else {
          <mat-form-field appearance="outline">
            <mat-label>Online agent</mat-label>
            <mat-select formControlName="agentId" data-testid="transfer-agent">
              @for (agent of agents(); track agent.id) {
                <mat-option [value]="agent.id">{{ agent.label }}</mat-option>
              }
            </mat-select>
            @if (agents()?.length === 0) {
              <mat-hint>Nobody else is online.</mat-hint>
            }
            <mat-error>{{ message(form.controls.agentId.errors) }}</mat-error>
          </mat-form-field>
        }
        @if (!canPickAgents) {
          <p class="note">Ask a supervisor to transfer to a particular agent.</p>
        }
        @if (failure()) {
          <p class="sb-error-text" role="alert" data-testid="transfer-error">{{ failure() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="transfer-save">Transfer</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    /* Material's dialog content style outweighs the global .sb-dialog-form; this restores its column. */
    mat-dialog-content.sb-dialog-form { display: flex; }
    .kind { margin-bottom: 16px; align-self: flex-start; }
    .note { color: var(--mat-sys-on-surface-variant); margin: 0; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TransferDialogComponent {
  private readonly interaction = inject<InteractionSummary>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<TransferDialogComponent, string>>(MatDialogRef);
  private readonly api = inject(RoutingApi);
  private readonly user = inject(AuthService).user();

  protected readonly contact = contactLabel(this.interaction);
  protected readonly channel = channelLabel(this.interaction.channel);
  /** Agents may not list other agents. */
  protected readonly canPickAgents = this.user?.role === Role.Admin || this.user?.role === Role.Supervisor;
  /** Null until loaded. */
  protected readonly queues = signal<Target[] | null>(null);
  protected readonly agents = signal<Target[] | null>(null);
  protected readonly busy = signal(false);
  protected readonly failure = signal('');
  protected readonly message = validationMessage;
  protected readonly form = inject(NonNullableFormBuilder).group({
    kind: ['queue' as TargetKind],
    queueId: ['', Validators.required],
    agentId: [{ value: '', disabled: true }, Validators.required],
  });
  private readonly targets = computed(() => ({ queue: this.queues() ?? [], agent: this.agents() ?? [] }));

  constructor() {
    // Only the chosen kind's field counts (a disabled control is left out of validation and value).
    this.form.controls.kind.valueChanges.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe((kind) => {
      const [on, off] = kind === 'queue' ? [this.form.controls.queueId, this.form.controls.agentId] : [this.form.controls.agentId, this.form.controls.queueId];
      on.enable();
      off.disable();
      this.failure.set('');
    });
    this.loadQueues().subscribe((queues) => this.queues.set(queues));
    if (this.canPickAgents) this.loadAgents().subscribe((agents) => this.agents.set(agents));
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { kind, queueId, agentId } = this.form.getRawValue();
    const request: TransferRequest = kind === 'queue' ? { queueId } : { agentId };
    const target = this.targets()[kind].find((entry) => entry.id === (kind === 'queue' ? queueId : agentId))?.label ?? (kind === 'queue' ? 'the queue' : 'the agent');
    this.busy.set(true);
    this.failure.set('');
    this.api.transfer(this.interaction.id, request).subscribe({
      next: () => this.ref.close(target),
      error: (error: unknown) => {
        this.busy.set(false);
        // Field messages go under their field; anything else (the interaction is gone, say) below the form.
        if (!applyServerErrors(this.form, error).length) this.failure.set(error instanceof HttpErrorResponse ? errorMessage(error) : 'The transfer failed.');
      },
    });
  }

  private loadQueues(): Observable<Target[]> {
    const channel = this.interaction.channel;
    if (!isStaffChannel(channel) || !this.user) return of([]);
    const all = this.canPickAgents
      ? this.api.channelQueues(channel).pipe(map((page) => page.items.map((queue) => ({ id: queue.id, label: queue.name }))))
      : this.api.memberships(this.user.id).pipe(map((list) => list.filter((entry) => entry.channel === channel).map((entry) => ({ id: entry.queueId, label: entry.name }))));
    return all.pipe(catchError(() => of([])));
  }

  private loadAgents(): Observable<Target[]> {
    const self = this.user?.id;
    return this.api.onlineAgents().pipe(
      map((page) =>
        page.items
          .filter((agent) => agent.agentId !== self)
          .map((agent) => ({ id: agent.agentId, label: `${agent.fullName} (${agent.username}) · ${agent.openTotal} open` })),
      ),
      catchError(() => of([])),
    );
  }
}
