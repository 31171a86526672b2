import { ClipboardModule } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { saveBlob } from '../../shared/download';

/** Recovery codes, shown once: copy or download them. */
@Component({
  selector: 'sb-recovery-codes',
  imports: [ClipboardModule, MatButtonModule, MatIconModule],
  template: `
    <p>
      Keep these recovery codes somewhere safe. Each one works once, in place of a code from your app, if you lose your
      phone. <strong>They are shown only now.</strong>
    </p>
    <ol class="codes" data-testid="recovery-codes">
      @for (code of codes(); track code) {
        <li><code>{{ code }}</code></li>
      }
    </ol>
    <div class="actions">
      <button mat-stroked-button type="button" [cdkCopyToClipboard]="text()" (cdkCopyToClipboardCopied)="copied.set($event)" data-testid="copy-recovery-codes">
        <mat-icon>{{ copied() ? 'check' : 'content_copy' }}</mat-icon>
        {{ copied() ? 'Copied' : 'Copy' }}
      </button>
      <button mat-stroked-button type="button" (click)="download()" data-testid="download-recovery-codes">
        <mat-icon>download</mat-icon>
        Download
      </button>
    </div>
  `,
  styles: `
    :host { display: block; }
    .codes { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 4px 24px; margin: 0 0 12px; padding: 12px 12px 12px 36px;
      border-radius: 8px; background: var(--mat-sys-surface-container-high); }
    code { font-size: 1rem; user-select: all; }
    .actions { display: flex; gap: 8px; flex-wrap: wrap; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecoveryCodesComponent {
  readonly codes = input.required<string[]>();
  protected readonly copied = signal(false);
  protected readonly text = computed(() => this.codes().join('\n') + '\n');

  protected download(): void {
    const text = `Switchboard recovery codes (each works once)\n\n${this.text()}`;
    saveBlob(new Blob([text], { type: 'text/plain' }), 'switchboard-recovery-codes.txt');
  }
}
