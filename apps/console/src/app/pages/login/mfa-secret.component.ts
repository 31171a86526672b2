import { ClipboardModule } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { MfaSetup } from '@switchboard/contracts';

/** What an authenticator app needs: the QR code, and the key to type in by hand. */
@Component({
  selector: 'sb-mfa-secret',
  imports: [ClipboardModule, MatButtonModule, MatIconModule, MatTooltipModule],
  template: `
    <img class="qr" [src]="setup().qrCodeDataUrl" width="200" height="200" alt="QR code to scan with an authenticator app" data-testid="mfa-qr" />
    <p class="hint">Can't scan it? Enter this key in the app:</p>
    <div class="key">
      <code data-testid="mfa-secret" [attr.data-secret]="setup().secret">{{ grouped() }}</code>
      <button
        mat-icon-button
        type="button"
        [cdkCopyToClipboard]="setup().secret"
        (cdkCopyToClipboardCopied)="copied.set($event)"
        [matTooltip]="copied() ? 'Copied' : 'Copy the key'"
        aria-label="Copy the key"
      >
        <mat-icon>{{ copied() ? 'check' : 'content_copy' }}</mat-icon>
      </button>
    </div>
  `,
  styles: `
    :host { display: flex; flex-direction: column; align-items: center; gap: 8px; }
    .qr { background: #fff; padding: 8px; border-radius: 8px; }
    .hint { margin: 0; color: var(--mat-sys-on-surface-variant); }
    .key { display: flex; align-items: center; gap: 4px; padding: 4px 4px 4px 12px; border-radius: 8px; background: var(--mat-sys-surface-container-high); }
    code { font-size: 1rem; letter-spacing: 0.05em; user-select: all; word-break: break-all; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MfaSecretComponent {
  readonly setup = input.required<MfaSetup>();
  protected readonly copied = signal(false);
  /** The key in groups of four, easier to type. */
  protected readonly grouped = computed(() => this.setup().secret.replace(/(.{4})(?=.)/g, '$1 '));
}
