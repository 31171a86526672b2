import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { SetPasswordResponse } from '@switchboard/contracts';
import { AgentsApi } from '../../../api/agents-api.service';
import { validationMessage } from '../../../shared/server-errors';
import { submitForm } from '../../../shared/submit-form';

export interface ChangePasswordData {
  agentId: string;
  username: string;
}

/** Sets an agent's password, or has one generated; closes with the server's answer. */
@Component({
  selector: 'sb-change-password-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title>Change password of {{ data.username }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="sb-dialog-form">
        <mat-form-field appearance="outline">
          <mat-label>New password</mat-label>
          <input matInput type="password" formControlName="password" autocomplete="new-password" data-testid="new-password" cdkFocusInitial />
          <mat-hint>Leave empty to generate one (shown once)</mat-hint>
          <mat-error>{{ message(form.controls.password.errors) }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="change-password-save">
          {{ form.controls.password.value ? 'Set password' : 'Generate password' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePasswordDialogComponent {
  protected readonly data = inject<ChangePasswordData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ChangePasswordDialogComponent, SetPasswordResponse>>(MatDialogRef);
  private readonly api = inject(AgentsApi);
  protected readonly form = inject(NonNullableFormBuilder).group({ password: [''] });
  protected readonly busy = signal(false);
  protected readonly message = validationMessage;

  protected save(): void {
    submitForm(
      this.form,
      this.busy,
      () => this.api.setPassword(this.data.agentId, this.form.controls.password.value || undefined),
      (answer) => this.ref.close(answer),
    );
  }
}
