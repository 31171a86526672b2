import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef, type MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { firstValueFrom, type Observable } from 'rxjs';
import { validationMessage } from '../../shared/server-errors';
import { submitForm } from '../../shared/submit-form';

export interface PasswordPromptData<T> {
  title: string;
  message: string;
  /** The confirming button's text. */
  action: string;
  danger?: boolean;
  /** The request the password confirms; a 400 naming `password` shows under the field. */
  request: (password: string) => Observable<T>;
}

/** Asks for the user's password to confirm a sensitive change; closes with the request's answer. */
@Component({
  selector: 'sb-password-prompt-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="sb-dialog-form">
        <p>{{ data.message }}</p>
        <mat-form-field appearance="outline">
          <mat-label>Password</mat-label>
          <input matInput type="password" formControlName="password" autocomplete="current-password" required data-testid="prompt-password" cdkFocusInitial />
          <mat-error>{{ message(form.controls.password.errors) }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [class.sb-danger]="data.danger" [disabled]="busy()" data-testid="prompt-confirm">{{ data.action }}</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasswordPromptDialogComponent<T> {
  protected readonly data = inject<PasswordPromptData<T>>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<PasswordPromptDialogComponent<T>, { value: T }>>(MatDialogRef);
  protected readonly form = inject(NonNullableFormBuilder).group({ password: ['', [Validators.required, Validators.maxLength(1024)]] });
  protected readonly busy = signal(false);
  protected readonly message = validationMessage;

  protected save(): void {
    submitForm(this.form, this.busy, () => this.data.request(this.form.controls.password.value), (value) => this.ref.close({ value }));
  }
}

/** Opens the prompt; resolves with the request's answer, or undefined when cancelled. */
export async function withPassword<T>(dialog: MatDialog, data: PasswordPromptData<T>): Promise<{ value: T } | undefined> {
  const ref = dialog.open<PasswordPromptDialogComponent<T>, PasswordPromptData<T>, { value: T }>(PasswordPromptDialogComponent, { data, width: '440px' });
  return firstValueFrom(ref.afterClosed());
}
