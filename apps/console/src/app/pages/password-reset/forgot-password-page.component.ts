import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AccountApi } from '../../api/account-api.service';
import { errorMessage } from '../../core/error.interceptor';
import { applyServerErrors, validationMessage } from '../../shared/server-errors';

/** The same answer whether the address belongs to an account or not (the server's, when it gives one). */
export const FORGOT_PASSWORD_SENT = 'If an account has this address, we sent a link; it is valid for one hour.';

/** "Forgot password?": asks for the e-mail address the reset link goes to. */
@Component({
  selector: 'sb-forgot-password-page',
  imports: [ReactiveFormsModule, RouterLink, MatCardModule, MatFormFieldModule, MatInputModule, MatButtonModule, MatIconModule, MatProgressBarModule],
  template: `
    <main class="page">
      <mat-card class="card" appearance="outlined">
        @if (busy()) {
          <mat-progress-bar mode="indeterminate" />
        }
        <mat-card-header>
          <mat-card-title>Forgot password</mat-card-title>
          <mat-card-subtitle>We will e-mail you a link to choose a new one</mat-card-subtitle>
        </mat-card-header>
        <mat-card-content class="content">
          @if (sent()) {
            <div class="notice" role="status" data-testid="forgot-password-sent">
              <mat-icon>mark_email_read</mat-icon>
              <p>{{ sent() }}</p>
            </div>
            <div class="links">
              <a mat-flat-button routerLink="/login">Back to sign-in</a>
              <button mat-button type="button" (click)="sent.set(null)">Use another address</button>
            </div>
          } @else {
            <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
              <mat-form-field appearance="outline">
                <mat-label>E-mail address</mat-label>
                <input matInput type="email" formControlName="email" name="email" autocomplete="email" required autofocus data-testid="forgot-email" />
                <mat-error>{{ message(form.controls.email.errors) }}</mat-error>
              </mat-form-field>
              @if (failure(); as failure) {
                <p class="sb-error-text" role="alert" data-testid="forgot-password-error">{{ failure }}</p>
              }
              <button mat-flat-button type="submit" [disabled]="busy()" data-testid="forgot-submit">Send the link</button>
              <a mat-button routerLink="/login">Back to sign-in</a>
            </form>
          }
        </mat-card-content>
      </mat-card>
    </main>
  `,
  styleUrl: './auth-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForgotPasswordPageComponent {
  private readonly api = inject(AccountApi);
  protected readonly form = inject(NonNullableFormBuilder).group({ email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]] });
  protected readonly busy = signal(false);
  protected readonly sent = signal<string | null>(null);
  protected readonly failure = signal<string | null>(null);
  protected readonly message = validationMessage;

  protected async submit(): Promise<void> {
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.failure.set(null);
    try {
      await firstValueFrom(this.api.forgotPassword(this.form.controls.email.value.trim()));
      this.sent.set(FORGOT_PASSWORD_SENT);
    } catch (error) {
      if (applyServerErrors(this.form, error).length) return;
      this.failure.set(error instanceof HttpErrorResponse ? errorMessage(error) : 'Something went wrong. Try again.');
    } finally {
      this.busy.set(false);
    }
  }
}
