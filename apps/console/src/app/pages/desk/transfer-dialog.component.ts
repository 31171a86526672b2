import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { InteractionSummary, TransferRequest } from '@switchboard/contracts';
import { RoutingApi } from '../../api/routing-api.service';
import { errorMessage } from '../../core/error.interceptor';
import { applyServerErrors, validationMessage } from '../../shared/server-errors';
import { channelLabel, contactLabel } from './desk-labels';

interface Target {
  id: string;
  /** In the list. */
  label: string;
  /** In the confirmation. */
  name: string;
  /** An agent without room for it now: shown, not choosable. */
  full?: boolean;
}

type TargetKind = 'queue' | 'agent';

/**
 * Hands an open interaction to a queue of its channel or to an online agent; closes with the
 * target's name once the server took it. The server lists the targets for whoever holds the
 * interaction, whatever their role; an agent without room is shown but cannot be chosen.
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
          <mat-button-toggle value="agent" data-testid="transfer-to-agent">An agent</mat-button-toggle>
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
              <mat-hint>This channel has no queue.</mat-hint>
            }
            <mat-error>{{ message(form.controls.queueId.errors) }}</mat-error>
          </mat-form-field>
        } @else {
          <mat-form-field appearance="outline">
            <mat-label>Online agent</mat-label>
            <mat-select formControlName="agentId" data-testid="transfer-agent">
              @for (agent of agents(); track agent.id) {
                <mat-option [value]="agent.id" [disabled]="agent.full">{{ agent.label }}</mat-option>
              }
            </mat-select>
            @if (agents()?.length === 0) {
              <mat-hint>Nobody else is online.</mat-hint>
            }
            <mat-error>{{ message(form.controls.agentId.errors) }}</mat-error>
          </mat-form-field>
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
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TransferDialogComponent {
  private readonly interaction = inject<InteractionSummary>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<TransferDialogComponent, string>>(MatDialogRef);
  private readonly api = inject(RoutingApi);

  protected readonly contact = contactLabel(this.interaction);
  protected readonly channel = channelLabel(this.interaction.channel);
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
    this.api.transferTargets(this.interaction.id).subscribe({
      next: (targets) => {
        this.queues.set(targets.queues.map((queue) => ({ id: queue.id, label: queue.name, name: queue.name })));
        this.agents.set(
          targets.agents.map((agent) => ({
            id: agent.agentId,
            name: agent.fullName,
            label: `${agent.fullName} (${agent.username}) · ${agent.openTotal} open${agent.hasRoom ? '' : ' · no room'}`,
            full: !agent.hasRoom,
          })),
        );
      },
      error: (error: unknown) => {
        this.queues.set([]);
        this.agents.set([]);
        this.failure.set(error instanceof HttpErrorResponse ? errorMessage(error) : 'The transfer targets could not be loaded.');
      },
    });
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { kind, queueId, agentId } = this.form.getRawValue();
    const request: TransferRequest = kind === 'queue' ? { queueId } : { agentId };
    const target = this.targets()[kind].find((entry) => entry.id === (kind === 'queue' ? queueId : agentId))?.name ?? (kind === 'queue' ? 'the queue' : 'the agent');
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
}
