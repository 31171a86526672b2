import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { AccountSecurity } from '@switchboard/contracts';
import { AccountApi } from '../../api/account-api.service';
import { setUpMfa } from './mfa-setup-dialog.component';
import { withPassword } from './password-prompt-dialog.component';
import { showRecoveryCodes } from './recovery-codes-dialog.component';

/** Two-factor authentication: its state, set-up, new recovery codes, turning it off. */
@Component({
  selector: 'sb-account-mfa',
  imports: [MatCardModule, MatButtonModule, MatIconModule],
  template: `
    <mat-card appearance="outlined">
      <mat-card-header>
        <mat-card-title>Two-factor authentication</mat-card-title>
      </mat-card-header>
      <mat-card-content>
        @if (security(); as security) {
          <dl class="facts">
            <dt>State</dt>
            <dd data-testid="mfa-state">{{ security.mfaEnabled ? 'On' : 'Off' }}</dd>
            @if (security.mfaEnabled) {
              <dt>Recovery codes left</dt>
              <dd data-testid="recovery-codes-left">{{ security.recoveryCodesLeft }}</dd>
            }
          </dl>
          @if (!security.mfaEnabled) {
            <p class="note">A code from an authenticator app on your phone, asked at every sign-in, keeps your account safe even if your password leaks.</p>
          }
          @if (security.mfaRequired) {
            <p class="note" data-testid="mfa-required-note">Your role requires two-factor authentication, so it cannot be turned off.</p>
          }
          <div class="actions">
            @if (security.mfaEnabled) {
              <button mat-stroked-button type="button" (click)="newCodes()" data-testid="new-recovery-codes">New recovery codes</button>
              @if (!security.mfaRequired) {
                <button mat-stroked-button type="button" (click)="turnOff()" data-testid="mfa-disable">Turn off</button>
              }
            } @else {
              <button mat-flat-button type="button" (click)="setUp()" data-testid="mfa-setup">Set up two-factor authentication</button>
            }
          </div>
        }
      </mat-card-content>
    </mat-card>
  `,
  styleUrl: './account-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MfaCardComponent {
  private readonly api = inject(AccountApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  readonly security = input<AccountSecurity | null>(null);
  /** MFA was turned on or off, or the recovery codes renewed. */
  readonly changed = output<void>();

  protected async setUp(): Promise<void> {
    if (await setUpMfa(this.dialog)) this.changed.emit();
  }

  protected async newCodes(): Promise<void> {
    const answer = await withPassword(this.dialog, {
      title: 'New recovery codes',
      message: 'New codes replace all your current recovery codes. Enter your password to continue.',
      action: 'Get new codes',
      request: (password) => this.api.newRecoveryCodes(password),
    });
    if (!answer) return;
    this.changed.emit();
    await showRecoveryCodes(this.dialog, answer.value.recoveryCodes);
  }

  protected async turnOff(): Promise<void> {
    const answer = await withPassword(this.dialog, {
      title: 'Turn off two-factor authentication',
      message: 'Signing in will ask only for your password. Enter your password to continue.',
      action: 'Turn off',
      danger: true,
      request: (password) => this.api.disableMfa(password),
    });
    if (!answer) return;
    this.snackBar.open('Two-factor authentication is off', 'Dismiss', { duration: 5000 });
    this.changed.emit();
  }
}
