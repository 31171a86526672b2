import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { Team, TeamRequest } from '@switchboard/contracts';
import { TeamsApi } from '../../api/teams-api.service';
import { validationMessage } from '../../shared/server-errors';
import { submitForm } from '../../shared/submit-form';

/** Creates a team, or edits the one given; closes with the saved team. */
@Component({
  selector: 'sb-team-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title>{{ team ? 'Edit team' : 'New team' }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="sb-dialog-form">
        <mat-form-field appearance="outline">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" required autocomplete="off" data-testid="team-name" cdkFocusInitial />
          <mat-error>{{ message(form.controls.name.errors) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Description</mat-label>
          <textarea matInput formControlName="description" rows="3" data-testid="team-description"></textarea>
          <mat-error>{{ message(form.controls.description.errors) }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="team-save">{{ team ? 'Save' : 'Create' }}</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamDialogComponent {
  protected readonly team = inject<Team | null>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<TeamDialogComponent, Team>>(MatDialogRef);
  private readonly api = inject(TeamsApi);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.team?.name ?? '', [Validators.required, Validators.maxLength(100)]],
    description: [this.team?.description ?? '', Validators.maxLength(1000)],
  });
  protected readonly busy = signal(false);
  protected readonly message = validationMessage;

  protected save(): void {
    submitForm(
      this.form,
      this.busy,
      () => {
        const { name, description } = this.form.getRawValue();
        const request: TeamRequest = { name: name.trim(), description: description.trim() || null };
        return this.team ? this.api.update(this.team.id, request) : this.api.create(request);
      },
      (team) => this.ref.close(team),
    );
  }
}
