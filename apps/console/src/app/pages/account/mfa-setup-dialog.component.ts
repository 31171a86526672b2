import { afterNextRender, ChangeDetectionStrategy, Component, inject, Injector, signal, viewChild, type ElementRef } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef, type MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { MfaSetup } from '@switchboard/contracts';
import { firstValueFrom } from 'rxjs';
import { AccountApi } from '../../api/account-api.service';
import { validationMessage } from '../../shared/server-errors';
import { submitForm } from '../../shared/submit-form';
import { normaliseCode } from '../login/mfa-code-step.component';
import { MfaSecretComponent } from '../login/mfa-secret.component';
import { RecoveryCodesComponent } from '../login/recovery-codes.component';

/** Turns on two-factor authentication: password → QR code and key → first code → recovery codes. Closes with true once on. */
@Component({
  selector: 'sb-mfa-setup-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MfaSecretComponent, RecoveryCodesComponent],
  template: `
    <h2 mat-dialog-title>Set up two-factor authentication</h2>
    @if (codes(); as codes) {
      <mat-dialog-content>
        <p class="done">Two-factor authentication is on.</p>
        <sb-recovery-codes [codes]="codes" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-flat-button type="button" [mat-dialog-close]="true" data-testid="recovery-codes-done">Done</button>
      </mat-dialog-actions>
    } @else if (setup(); as setup) {
      <form [formGroup]="codeForm" (ngSubmit)="enable()">
        <mat-dialog-content class="sb-dialog-form">
          <p>Scan the QR code with an authenticator app, then enter the 6-digit code it shows.</p>
          <sb-mfa-secret [setup]="setup" />
          <mat-form-field appearance="outline">
            <mat-label>Code from the app</mat-label>
            <input #codeInput matInput formControlName="code" autocomplete="one-time-code" inputmode="numeric" required data-testid="mfa-code" />
            <mat-error>{{ codeMessage(codeForm.controls.code.errors) }}</mat-error>
          </mat-form-field>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" [mat-dialog-close]="false">Cancel</button>
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="mfa-enable">Turn on</button>
        </mat-dialog-actions>
      </form>
    } @else {
      <form [formGroup]="passwordForm" (ngSubmit)="start()">
        <mat-dialog-content class="sb-dialog-form">
          <p>Enter your password to begin.</p>
          <mat-form-field appearance="outline">
            <mat-label>Password</mat-label>
            <input matInput type="password" formControlName="password" autocomplete="current-password" required data-testid="prompt-password" cdkFocusInitial />
            <mat-error>{{ message(passwordForm.controls.password.errors) }}</mat-error>
          </mat-form-field>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" [mat-dialog-close]="false">Cancel</button>
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="prompt-confirm">Next</button>
        </mat-dialog-actions>
      </form>
    }
  `,
  styles: `.done { font: var(--mat-sys-title-small); } mat-form-field { width: 100%; margin-top: 8px; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MfaSetupDialogComponent {
  private readonly api = inject(AccountApi);
  private readonly ref = inject<MatDialogRef<MfaSetupDialogComponent, boolean>>(MatDialogRef);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly injector = inject(Injector);
  private readonly codeInput = viewChild<ElementRef<HTMLInputElement>>('codeInput');
  protected readonly passwordForm = this.fb.group({ password: ['', [Validators.required, Validators.maxLength(1024)]] });
  protected readonly codeForm = this.fb.group({ code: ['', [Validators.required, Validators.pattern(/^\s*\d{3}\s*\d{3}\s*$/)]] });
  protected readonly setup = signal<MfaSetup | null>(null);
  protected readonly codes = signal<string[] | null>(null);
  protected readonly busy = signal(false);
  protected readonly message = validationMessage;

  protected codeMessage(errors: Parameters<typeof validationMessage>[0]): string {
    return validationMessage(errors, { pattern: 'Enter the 6 digits the app shows' });
  }

  protected start(): void {
    submitForm(this.passwordForm, this.busy, () => this.api.setUpMfa(this.passwordForm.controls.password.value), (setup) => {
      this.busy.set(false);
      this.setup.set(setup);
      afterNextRender(() => this.codeInput()?.nativeElement.focus(), { injector: this.injector });
    });
  }

  protected enable(): void {
    submitForm(this.codeForm, this.busy, () => this.api.enableMfa(normaliseCode(this.codeForm.controls.code.value)), ({ recoveryCodes }) => {
      this.busy.set(false);
      // From here on the dialog closes only with "Done": the codes are shown once.
      this.ref.disableClose = true;
      this.codes.set(recoveryCodes);
    });
  }
}

/** Resolves true when MFA was turned on. */
export async function setUpMfa(dialog: MatDialog): Promise<boolean> {
  const ref = dialog.open<MfaSetupDialogComponent, void, boolean>(MfaSetupDialogComponent, { width: '480px' });
  return (await firstValueFrom(ref.afterClosed())) === true;
}
