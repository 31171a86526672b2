import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import type { BlacklistEntry, BlacklistEntryRequest } from '@switchboard/contracts';
import { BlacklistApi } from '../../api/blacklist-api.service';
import { confirm } from '../../shared/confirm-dialog.component';
import { validationMessage } from '../../shared/server-errors';
import { submitForm } from '../../shared/submit-form';
import { groupDigits } from './address-count';

/** How the dialog closed: the entry saved, or deleted. */
export interface BlacklistDialogResult {
  entry: BlacklistEntry;
  deleted: boolean;
}

/** Creates a blacklist entry, or shows the one given to change or delete it. */
@Component({
  selector: 'sb-blacklist-entry-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule],
  template: `
    <h2 mat-dialog-title>{{ entry ? 'Blacklist entry' : 'New blacklist entry' }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" aria-label="Blacklist entry">
      <mat-dialog-content class="sb-dialog-form">
        <mat-form-field appearance="outline">
          <mat-label>Description</mat-label>
          <input matInput formControlName="description" required autocomplete="off" data-testid="blacklist-description" cdkFocusInitial />
          <mat-error>{{ message(form.controls.description.errors) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Start IP address</mat-label>
          <input matInput formControlName="startIp" required autocomplete="off" spellcheck="false" placeholder="203.0.113.10" data-testid="blacklist-start" />
          <mat-hint>IPv4 or IPv6</mat-hint>
          <mat-error data-testid="blacklist-start-error">{{ message(form.controls.startIp.errors) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>End IP address</mat-label>
          <input matInput formControlName="endIp" autocomplete="off" spellcheck="false" data-testid="blacklist-end" />
          <mat-hint>Leave empty to block the start address alone</mat-hint>
          <mat-error data-testid="blacklist-end-error">{{ message(form.controls.endIp.errors) }}</mat-error>
        </mat-form-field>
        @if (entry) {
          <p class="count" data-testid="blacklist-entry-count">Blocks {{ count(entry.addressCount) }} address{{ entry.addressCount === '1' ? '' : 'es' }}.</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        @if (entry) {
          <button mat-button type="button" class="delete" (click)="remove()" [disabled]="busy()" data-testid="blacklist-delete">
            <mat-icon>delete</mat-icon>
            Delete
          </button>
        }
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="blacklist-save">{{ entry ? 'Save' : 'Create' }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    /* Material's dialog content style outweighs the global .sb-dialog-form; this restores its column. */
    mat-dialog-content.sb-dialog-form { display: flex; }
    .count { margin: 8px 0 0; color: var(--mat-sys-on-surface-variant); }
    .delete { margin-right: auto; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BlacklistEntryDialogComponent {
  protected readonly entry = inject<BlacklistEntry | null>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<BlacklistEntryDialogComponent, BlacklistDialogResult>>(MatDialogRef);
  private readonly api = inject(BlacklistApi);
  private readonly dialog = inject(MatDialog);
  protected readonly form = inject(NonNullableFormBuilder).group({
    description: [this.entry?.description ?? '', [Validators.required, Validators.maxLength(200)]],
    startIp: [this.entry?.startIp ?? '', Validators.required],
    // One address shows as an empty end, as it was entered.
    endIp: [this.entry && this.entry.endIp !== this.entry.startIp ? this.entry.endIp : ''],
  });
  protected readonly busy = signal(false);
  protected readonly message = validationMessage;
  protected readonly count = groupDigits;

  protected save(): void {
    submitForm(
      this.form,
      this.busy,
      () => {
        const { description, startIp, endIp } = this.form.getRawValue();
        const request: BlacklistEntryRequest = { description: description.trim(), startIp: startIp.trim(), endIp: endIp.trim() || null };
        return this.entry ? this.api.update(this.entry.id, request) : this.api.create(request);
      },
      (entry) => this.ref.close({ entry, deleted: false }),
    );
  }

  protected async remove(): Promise<void> {
    const entry = this.entry;
    if (!entry || !(await confirmRemoval(this.dialog, entry))) return;
    this.busy.set(true);
    this.api.remove(entry.id).subscribe({
      next: () => this.ref.close({ entry, deleted: true }),
      error: () => this.busy.set(false),
    });
  }
}

/** The question before an entry goes: its addresses can chat again. */
export function confirmRemoval(dialog: MatDialog, entry: BlacklistEntry): Promise<boolean> {
  return confirm(dialog, {
    title: 'Delete blacklist entry',
    message: `Delete ${entry.description}? Visitors from ${entry.startIp === entry.endIp ? entry.startIp : `${entry.startIp} – ${entry.endIp}`} can chat again.`,
    confirm: 'Delete',
    danger: true,
  });
}
