import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  DEFAULT_QUEUE_ROUTING,
  OVERFLOW_ACTIONS,
  OverflowAction,
  ROUTING_STRATEGIES,
  STAFF_CHANNELS,
  type Queue,
  type QueueRequest,
  type StaffChannel,
} from '@switchboard/contracts';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { QueuesApi } from '../../api/queues-api.service';
import { toParams } from '../../shared/http-params';
import { CHANNEL_LABELS } from '../../shared/labels';
import { validationMessage } from '../../shared/server-errors';
import { submitForm } from '../../shared/submit-form';
import { OVERFLOW_ACTION_LABELS, ROUTING_STRATEGY_LABELS } from './routing-labels';

/** Creates a queue, or edits the one given; closes with the saved queue. */
@Component({
  selector: 'sb-queue-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  template: `
    <h2 mat-dialog-title>{{ queue ? 'Edit queue' : 'New queue' }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="sb-dialog-form">
        <mat-form-field appearance="outline">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" required autocomplete="off" data-testid="queue-name" cdkFocusInitial />
          <mat-error>{{ message(form.controls.name.errors) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Channel</mat-label>
          <mat-select formControlName="channel" required data-testid="queue-channel">
            @for (channel of channels; track channel) {
              <mat-option [value]="channel">{{ labels[channel] }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ message(form.controls.channel.errors) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Description</mat-label>
          <textarea matInput formControlName="description" rows="3" data-testid="queue-description"></textarea>
          <mat-error>{{ message(form.controls.description.errors) }}</mat-error>
        </mat-form-field>

        <h3 class="section">Routing</h3>
        <mat-form-field appearance="outline">
          <mat-label>Strategy</mat-label>
          <mat-select formControlName="strategy" data-testid="queue-strategy">
            @for (strategy of strategies; track strategy) {
              <mat-option [value]="strategy">{{ strategyLabels[strategy] }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ message(form.controls.strategy.errors) }}</mat-error>
        </mat-form-field>
        <div class="pair">
          <mat-form-field appearance="outline">
            <mat-label>Offer timeout</mat-label>
            <input matInput type="number" formControlName="offerTimeoutSeconds" min="1" max="600" required data-testid="queue-offer-timeout" />
            <span matTextSuffix>s</span>
            <mat-hint>Per agent, to accept</mat-hint>
            <mat-error>{{ message(form.controls.offerTimeoutSeconds.errors) }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Maximum wait</mat-label>
            <input matInput type="number" formControlName="maxWaitSeconds" min="0" max="86400" required data-testid="queue-max-wait" />
            <span matTextSuffix>s</span>
            <mat-hint>0 = no limit</mat-hint>
            <mat-error>{{ message(form.controls.maxWaitSeconds.errors) }}</mat-error>
          </mat-form-field>
        </div>
        <mat-form-field appearance="outline">
          <mat-label>When the maximum wait is reached</mat-label>
          <mat-select formControlName="overflowAction" data-testid="queue-overflow-action">
            @for (action of overflowActions; track action) {
              <mat-option [value]="action">{{ overflowLabels[action] }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ message(form.controls.overflowAction.errors) }}</mat-error>
        </mat-form-field>
        @if (form.controls.overflowAction.value === 'queue') {
          <mat-form-field appearance="outline">
            <mat-label>Overflow queue</mat-label>
            <mat-select formControlName="overflowQueueId" required data-testid="queue-overflow-queue">
              @for (other of overflowQueues(); track other.id) {
                <mat-option [value]="other.id">{{ other.name }}</mat-option>
              }
            </mat-select>
            @if (!overflowQueues().length) {
              <mat-hint>No other {{ labels[form.controls.channel.value] }} queue yet.</mat-hint>
            }
            <mat-error data-testid="queue-overflow-queue-error">{{ message(form.controls.overflowQueueId.errors) }}</mat-error>
          </mat-form-field>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="queue-save">{{ queue ? 'Save' : 'Create' }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    /* Material's dialog content style outweighs the global .sb-dialog-form; this restores its column. */
    mat-dialog-content.sb-dialog-form { display: flex; }
    .section { margin: 8px 0 12px; font: var(--mat-sys-title-small); }
    .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QueueDialogComponent {
  protected readonly queue = inject<Queue | null>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<QueueDialogComponent, Queue>>(MatDialogRef);
  private readonly api = inject(QueuesApi);
  protected readonly channels = STAFF_CHANNELS;
  protected readonly labels = CHANNEL_LABELS;
  protected readonly strategies = ROUTING_STRATEGIES;
  protected readonly strategyLabels = ROUTING_STRATEGY_LABELS;
  protected readonly overflowActions = OVERFLOW_ACTIONS;
  protected readonly overflowLabels = OVERFLOW_ACTION_LABELS;
  private readonly routing = this.queue ?? DEFAULT_QUEUE_ROUTING;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.queue?.name ?? '', [Validators.required, Validators.maxLength(100)]],
    channel: [this.queue?.channel ?? ('chat' as StaffChannel), Validators.required],
    description: [this.queue?.description ?? '', Validators.maxLength(1000)],
    strategy: [this.routing.strategy, Validators.required],
    offerTimeoutSeconds: [this.routing.offerTimeoutSeconds, [Validators.required, Validators.min(1), Validators.max(600)]],
    maxWaitSeconds: [this.routing.maxWaitSeconds, [Validators.required, Validators.min(0), Validators.max(86400)]],
    overflowAction: [this.routing.overflowAction, Validators.required],
    overflowQueueId: [this.routing.overflowQueueId ?? '', Validators.required],
  });
  /** The queues this one may overflow to: the others of the same channel. */
  protected readonly overflowQueues = signal<Queue[]>([]);
  protected readonly busy = signal(false);
  protected readonly message = validationMessage;

  constructor() {
    const destroyed = inject(DestroyRef);
    const { channel, overflowAction, overflowQueueId } = this.form.controls;
    // The overflow queue counts only for "another queue" (a disabled control is not validated).
    overflowAction.valueChanges.pipe(startWith(overflowAction.value), takeUntilDestroyed(destroyed)).subscribe((action) => {
      if (action === OverflowAction.Queue) overflowQueueId.enable({ emitEvent: false });
      else overflowQueueId.disable({ emitEvent: false });
    });
    channel.valueChanges
      .pipe(
        startWith(channel.value),
        switchMap((value) =>
          this.api.list(toParams({ channel: value, pageSize: 200, sort: 'name', order: 'asc' })).pipe(
            map((page) => page.items.filter((other) => other.id !== this.queue?.id)),
            catchError(() => of(null)),
          ),
        ),
        takeUntilDestroyed(destroyed),
      )
      .subscribe((queues) => {
        if (!queues) return;
        this.overflowQueues.set(queues);
        // A queue of another channel cannot stay chosen.
        if (overflowQueueId.value && !queues.some((other) => other.id === overflowQueueId.value)) overflowQueueId.setValue('');
      });
  }

  protected save(): void {
    submitForm(
      this.form,
      this.busy,
      () => {
        const { name, channel, description, strategy, offerTimeoutSeconds, maxWaitSeconds, overflowAction, overflowQueueId } = this.form.getRawValue();
        const request: QueueRequest = {
          name: name.trim(),
          channel,
          description: description.trim() || null,
          strategy,
          offerTimeoutSeconds,
          maxWaitSeconds,
          overflowAction,
          overflowQueueId: overflowAction === OverflowAction.Queue ? overflowQueueId : null,
        };
        return this.queue ? this.api.update(this.queue.id, request) : this.api.create(request);
      },
      (queue) => this.ref.close(queue),
    );
  }
}
