import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { AccountApi } from '../../api/account-api.service';
import { AuthService } from '../../core/auth.service';
import { validationMessage } from '../../shared/server-errors';
import { submitForm } from '../../shared/submit-form';

/** The e-mail address (where reset links go); changing it asks for the password. */
@Component({
  selector: 'sb-account-email',
  imports: [ReactiveFormsModule, MatCardModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  template: `
    <mat-card appearance="outlined">
      <mat-card-header>
        <mat-card-title>E-mail address</mat-card-title>
      </mat-card-header>
      <mat-card-content>
        <dl class="facts">
          <dt>Current</dt>
          <dd data-testid="current-email">{{ auth.user()?.email }}</dd>
        </dl>
        <form [formGroup]="form" (ngSubmit)="save()" novalidate>
          <mat-form-field appearance="outline">
            <mat-label>New e-mail address</mat-label>
            <input matInput type="email" formControlName="email" autocomplete="email" required data-testid="new-email" />
            <mat-error>{{ message(form.controls.email.errors) }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Password</mat-label>
            <input matInput type="password" formControlName="password" autocomplete="current-password" required data-testid="email-password" />
            <mat-hint>Your password, to confirm it is you</mat-hint>
            <mat-error>{{ message(form.controls.password.errors) }}</mat-error>
          </mat-form-field>
          <div class="actions">
            <button mat-flat-button type="submit" [disabled]="busy()" data-testid="change-email">Change e-mail address</button>
          </div>
        </form>
      </mat-card-content>
    </mat-card>
  `,
  styleUrl: './account-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmailCardComponent {
  private readonly api = inject(AccountApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly formDirective = viewChild.required(FormGroupDirective);
  protected readonly auth = inject(AuthService);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    password: ['', [Validators.required, Validators.maxLength(1024)]],
  });
  protected readonly busy = signal(false);
  protected readonly message = validationMessage;

  protected save(): void {
    submitForm(
      this.form,
      this.busy,
      () => {
        const { email, password } = this.form.getRawValue();
        return this.api.changeEmail({ email: email.trim(), password });
      },
      (user) => {
        this.busy.set(false);
        this.auth.updateUser(user);
        this.formDirective().resetForm();
        this.snackBar.open('E-mail address changed', 'Dismiss', { duration: 5000 });
      },
    );
  }
}
