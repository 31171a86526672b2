import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { STAFF_CHANNELS, type Queue, type QueueRequest, type StaffChannel } from '@switchboard/contracts';
import { QueuesApi } from '../../api/queues-api.service';
import { CHANNEL_LABELS } from '../../shared/labels';
import { validationMessage } from '../../shared/server-errors';
import { submitForm } from '../../shared/submit-form';

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
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="queue-save">{{ queue ? 'Save' : 'Create' }}</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QueueDialogComponent {
  protected readonly queue = inject<Queue | null>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<QueueDialogComponent, Queue>>(MatDialogRef);
  private readonly api = inject(QueuesApi);
  protected readonly channels = STAFF_CHANNELS;
  protected readonly labels = CHANNEL_LABELS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.queue?.name ?? '', [Validators.required, Validators.maxLength(100)]],
    channel: [this.queue?.channel ?? ('chat' as StaffChannel), Validators.required],
    description: [this.queue?.description ?? '', Validators.maxLength(1000)],
  });
  protected readonly busy = signal(false);
  protected readonly message = validationMessage;

  protected save(): void {
    submitForm(
      this.form,
      this.busy,
      () => {
        const { name, channel, description } = this.form.getRawValue();
        const request: QueueRequest = { name: name.trim(), channel, description: description.trim() || null };
        return this.queue ? this.api.update(this.queue.id, request) : this.api.create(request);
      },
      (queue) => this.ref.close(queue),
    );
  }
}
