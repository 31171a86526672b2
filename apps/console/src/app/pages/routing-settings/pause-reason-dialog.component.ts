import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { PauseReason, PauseReasonRequest } from '@switchboard/contracts';
import { RoutingAdminApi } from '../../api/routing-admin-api.service';
import { validationMessage } from '../../shared/server-errors';
import { submitForm } from '../../shared/submit-form';

const INTEGER = Validators.pattern(/^\d+$/);

/** Adds a pause reason, or renames (and moves) the one given; closes with the saved reason. */
@Component({
  selector: 'sb-pause-reason-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title>{{ reason ? 'Edit pause reason' : 'New pause reason' }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="sb-dialog-form">
        <mat-form-field appearance="outline">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" required autocomplete="off" data-testid="pause-reason-name" cdkFocusInitial />
          <mat-error data-testid="pause-reason-name-error">{{ message(form.controls.name.errors) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Position</mat-label>
          <input matInput type="number" min="0" max="1000" formControlName="position" data-testid="pause-reason-position" />
          <mat-hint>Order in the status menu; leave empty to put it last</mat-hint>
          <mat-error>{{ message(form.controls.position.errors) }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="pause-reason-save">{{ reason ? 'Save' : 'Add' }}</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PauseReasonDialogComponent {
  protected readonly reason = inject<PauseReason | null>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<PauseReasonDialogComponent, PauseReason>>(MatDialogRef);
  private readonly api = inject(RoutingAdminApi);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    name: [this.reason?.name ?? '', [Validators.required, Validators.maxLength(60)]],
    // Null (an empty box) lets the server place a new reason last.
    position: this.fb.control<number | null>(this.reason?.position ?? null, [Validators.min(0), Validators.max(1000), INTEGER]),
  });
  protected readonly busy = signal(false);
  protected readonly message = validationMessage;

  protected save(): void {
    submitForm(
      this.form,
      this.busy,
      () => {
        const { name, position } = this.form.getRawValue();
        const request: PauseReasonRequest = { name: name.trim(), ...(position === null ? {} : { position }) };
        return this.reason ? this.api.updatePauseReason(this.reason.id, request) : this.api.createPauseReason(request);
      },
      (reason) => this.ref.close(reason),
    );
  }
}
