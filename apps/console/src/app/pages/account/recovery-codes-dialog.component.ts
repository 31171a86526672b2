import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, type MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';
import { RecoveryCodesComponent } from '../login/recovery-codes.component';

/** New recovery codes, shown once. */
@Component({
  selector: 'sb-recovery-codes-dialog',
  imports: [MatDialogModule, MatButtonModule, RecoveryCodesComponent],
  template: `
    <h2 mat-dialog-title>Your new recovery codes</h2>
    <mat-dialog-content>
      <p>Your previous recovery codes no longer work.</p>
      <sb-recovery-codes [codes]="codes" />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close data-testid="recovery-codes-done">Done</button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecoveryCodesDialogComponent {
  protected readonly codes = inject<string[]>(MAT_DIALOG_DATA);
}

export async function showRecoveryCodes(dialog: MatDialog, codes: string[]): Promise<void> {
  await firstValueFrom(dialog.open(RecoveryCodesDialogComponent, { data: codes, width: '480px', disableClose: true }).afterClosed());
}
