import { ClipboardModule } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, type MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { firstValueFrom } from 'rxjs';

export interface GeneratedPasswordData {
  username: string;
  password: string;
}

/** Shows a password the server generated, once: it is not stored in clear anywhere. */
@Component({
  selector: 'sb-generated-password-dialog',
  imports: [MatDialogModule, MatButtonModule, MatIconModule, MatTooltipModule, ClipboardModule],
  template: `
    <h2 mat-dialog-title>Password for {{ data.username }}</h2>
    <mat-dialog-content>
      <p>This password is shown only once. Copy it now and hand it to the user.</p>
      <div class="secret">
        <code data-testid="generated-password">{{ data.password }}</code>
        <button
          mat-icon-button
          type="button"
          [cdkCopyToClipboard]="data.password"
          (cdkCopyToClipboardCopied)="copied.set($event)"
          [matTooltip]="copied() ? 'Copied' : 'Copy'"
          aria-label="Copy the password"
          data-testid="copy-password"
        >
          <mat-icon>{{ copied() ? 'check' : 'content_copy' }}</mat-icon>
        </button>
      </div>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close data-testid="generated-password-done" cdkFocusInitial>Done</button>
    </mat-dialog-actions>
  `,
  styles: `
    .secret { display: flex; align-items: center; gap: 8px; padding: 8px 12px; border-radius: 8px; background: var(--mat-sys-surface-container-high); }
    code { flex: 1; font-size: 1.1rem; user-select: all; word-break: break-all; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GeneratedPasswordDialogComponent {
  protected readonly data = inject<GeneratedPasswordData>(MAT_DIALOG_DATA);
  protected readonly copied = signal(false);
}

/** Shows the password and resolves when the dialog closes. */
export async function showGeneratedPassword(dialog: MatDialog, data: GeneratedPasswordData): Promise<void> {
  const ref = dialog.open(GeneratedPasswordDialogComponent, { data, width: '460px', disableClose: true });
  await firstValueFrom(ref.afterClosed());
}
