import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef, type MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { ChatLayout } from '@switchboard/contracts';
import { firstValueFrom } from 'rxjs';
import { LayoutsApi } from '../../api/layouts-api.service';
import { errorMessage } from '../../core/error.interceptor';
import { applyServerErrors, validationMessage } from '../../shared/server-errors';

/** Seed 003: a new layout is a copy of an existing one, under a name of its own. */
@Component({
  selector: 'sb-layout-clone-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title>Clone {{ source.name }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" aria-label="Clone layout">
      <mat-dialog-content class="sb-dialog-form">
        <mat-form-field appearance="outline">
          <mat-label>Name of the copy</mat-label>
          <input matInput formControlName="name" required autocomplete="off" data-testid="layout-clone-name" cdkFocusInitial />
          <mat-error data-testid="layout-clone-name-error">{{ message(form.controls.name.errors) }}</mat-error>
        </mat-form-field>
        @if (problem(); as text) {
          <p class="sb-error-text" role="alert" data-testid="layout-clone-error">{{ text }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="layout-clone-save">Clone</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-dialog-content.sb-dialog-form { display: flex; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LayoutCloneDialogComponent {
  protected readonly source = inject<ChatLayout>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<LayoutCloneDialogComponent, ChatLayout>>(MatDialogRef);
  private readonly api = inject(LayoutsApi);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [`Copy of ${this.source.name}`.slice(0, 100), [Validators.required, Validators.maxLength(100)]],
  });
  protected readonly busy = signal(false);
  /** A refusal that names no field (the source is gone, say). */
  protected readonly problem = signal<string | null>(null);
  protected readonly message = validationMessage;

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    this.api.clone(this.source.id, this.form.controls.name.value.trim()).subscribe({
      next: (layout) => this.ref.close(layout),
      error: (error: unknown) => {
        this.busy.set(false);
        // A taken name goes under the field; anything else above the buttons.
        if (!applyServerErrors(this.form, error).length) this.problem.set(error instanceof HttpErrorResponse ? errorMessage(error) : 'The layout could not be cloned.');
      },
    });
  }
}

/** Asks for the copy's name and clones; resolves with the new layout, or undefined when cancelled. */
export function cloneLayout(dialog: MatDialog, source: ChatLayout): Promise<ChatLayout | undefined> {
  const ref = dialog.open<LayoutCloneDialogComponent, ChatLayout, ChatLayout>(LayoutCloneDialogComponent, { data: source, width: '460px' });
  return firstValueFrom(ref.afterClosed());
}
