import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, output, signal, viewChild } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { AccountSecurity } from '@switchboard/contracts';
import { AccountApi } from '../../api/account-api.service';
import { submitForm } from '../../shared/submit-form';
import { passwordMessage, requireSamePassword } from '../login/passwords';

/** When the password last changed and when it expires; change it (the other sessions end). */
@Component({
  selector: 'sb-account-password',
  imports: [ReactiveFormsModule, DatePipe, MatCardModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  template: `
    <mat-card appearance="outlined">
      <mat-card-header>
        <mat-card-title>Password</mat-card-title>
      </mat-card-header>
      <mat-card-content>
        @if (security(); as security) {
          <dl class="facts">
            <dt>Last changed</dt>
            <dd data-testid="password-changed-at">{{ security.passwordChangedAt ? (security.passwordChangedAt | date: 'medium') : 'Never' }}</dd>
            <dt>Expires</dt>
            <dd data-testid="password-expires-at">{{ security.passwordExpiresAt ? (security.passwordExpiresAt | date: 'medium') : 'Does not expire' }}</dd>
          </dl>
        }
        <form [formGroup]="form" (ngSubmit)="save()" novalidate>
          <mat-form-field appearance="outline">
            <mat-label>Current password</mat-label>
            <input matInput type="password" formControlName="currentPassword" autocomplete="current-password" required data-testid="current-password" />
            <mat-error>{{ message(form.controls.currentPassword.errors) }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>New password</mat-label>
            <input matInput type="password" formControlName="newPassword" autocomplete="new-password" required data-testid="new-password" />
            <mat-error>{{ message(form.controls.newPassword.errors) }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Repeat the new password</mat-label>
            <input matInput type="password" formControlName="confirmation" autocomplete="new-password" required data-testid="confirm-password" />
            <mat-hint>Your other devices are signed out when the password changes</mat-hint>
            <mat-error>{{ message(form.controls.confirmation.errors) }}</mat-error>
          </mat-form-field>
          <div class="actions">
            <button mat-flat-button type="submit" [disabled]="busy()" data-testid="change-password">Change password</button>
          </div>
        </form>
      </mat-card-content>
    </mat-card>
  `,
  styleUrl: './account-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasswordCardComponent {
  private readonly api = inject(AccountApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly formDirective = viewChild.required(FormGroupDirective);
  readonly security = input<AccountSecurity | null>(null);
  /** The password changed. */
  readonly changed = output<void>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', [Validators.required, Validators.maxLength(1024)]],
    newPassword: ['', [Validators.required, Validators.maxLength(1024)]],
    confirmation: ['', Validators.required],
  });
  protected readonly busy = signal(false);
  protected readonly message = passwordMessage;

  constructor() {
    requireSamePassword(this.form.controls.newPassword, this.form.controls.confirmation);
  }

  protected save(): void {
    submitForm(
      this.form,
      this.busy,
      () => {
        const { currentPassword, newPassword } = this.form.getRawValue();
        return this.api.changePassword({ currentPassword, newPassword });
      },
      () => {
        this.busy.set(false);
        this.formDirective().resetForm();
        this.snackBar.open('Password changed. Your other devices were signed out.', 'Dismiss', { duration: 6000 });
        this.changed.emit();
      },
    );
  }
}
