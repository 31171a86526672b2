import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { Team } from '@switchboard/contracts';
import { map } from 'rxjs';
import { TeamsApi } from '../../../api/teams-api.service';
import { toParams } from '../../../shared/http-params';

export interface AddToTeamData {
  agentId: string;
  fullName: string;
}

/** Picks a team and adds the agent to it; closes with the team. */
@Component({
  selector: 'sb-add-to-team-dialog',
  imports: [FormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatSelectModule],
  template: `
    <h2 mat-dialog-title>Add {{ data.fullName }} to a team</h2>
    <mat-dialog-content class="sb-dialog-form">
      @if (teams(); as list) {
        @if (list.length) {
          <mat-form-field appearance="outline">
            <mat-label>Team</mat-label>
            <mat-select [ngModel]="teamId()" (ngModelChange)="teamId.set($event)" data-testid="team-select">
              @for (team of list; track team.id) {
                <mat-option [value]="team.id">{{ team.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        } @else {
          <p data-testid="no-teams">There are no teams yet. Create one under Teams.</p>
        }
      } @else {
        <p>Loading teams…</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button mat-flat-button type="button" (click)="add()" [disabled]="!teamId() || busy()" data-testid="add-to-team-save">Add</button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AddToTeamDialogComponent {
  protected readonly data = inject<AddToTeamData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<AddToTeamDialogComponent, Team>>(MatDialogRef);
  private readonly api = inject(TeamsApi);
  protected readonly teams = toSignal(this.api.list(toParams({ pageSize: 200 })).pipe(map((page) => page.items)));
  protected readonly teamId = signal<string | null>(null);
  protected readonly busy = signal(false);

  protected add(): void {
    const team = this.teams()?.find((candidate) => candidate.id === this.teamId());
    if (!team) return;
    this.busy.set(true);
    this.api.addMember(team.id, this.data.agentId).subscribe({ next: () => this.ref.close(team), error: () => this.busy.set(false) });
  }
}
