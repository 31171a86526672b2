import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { Role, type Team } from '@switchboard/contracts';
import { firstValueFrom } from 'rxjs';
import { TeamsApi } from '../../api/teams-api.service';
import { AuthService } from '../../core/auth.service';
import { confirm } from '../../shared/confirm-dialog.component';
import { PAGE_SIZES, pagedList } from '../../shared/paged-list';
import { TeamDialogComponent } from './team-dialog.component';
import { TeamMembersComponent } from './team-members.component';

/** Staff → Teams: the list, create/edit/delete (admins), and the chosen team's members. */
@Component({
  selector: 'sb-teams-page',
  imports: [MatTableModule, MatSortModule, MatPaginatorModule, MatButtonModule, MatIconModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, TeamMembersComponent],
  templateUrl: './teams-page.component.html',
  styles: `
    .layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(280px, 2fr); gap: 16px; align-items: start; }
    @media (max-width: 960px) { .layout { grid-template-columns: 1fr; } }
    .selected { background: var(--mat-sys-secondary-container); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamsPageComponent {
  private readonly api = inject(TeamsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly auth = inject(AuthService);

  protected readonly canManage = computed(() => this.auth.user()?.role === Role.Admin);
  protected readonly list = pagedList((params) => this.api.list(params), { filters: {}, pageSize: 25, sort: 'name', order: 'asc' });
  protected readonly selectedId = signal<string | null>(null);
  /** The chosen team as the current page shows it (fresh member count). */
  protected readonly selected = computed(() => this.list.items().find((team) => team.id === this.selectedId()) ?? null);
  protected readonly columns = computed(() => (this.canManage() ? ['name', 'description', 'memberCount', 'actions'] : ['name', 'description', 'memberCount']));
  protected readonly pageSizes = PAGE_SIZES;

  protected async edit(team: Team | null): Promise<void> {
    const ref = this.dialog.open<TeamDialogComponent, Team | null, Team>(TeamDialogComponent, { data: team, width: '460px' });
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.snackBar.open(team ? `Saved ${saved.name}` : `Created ${saved.name}`, undefined, { duration: 3000 });
    this.selectedId.set(saved.id);
    this.list.reload();
  }

  protected async remove(team: Team): Promise<void> {
    const ok = await confirm(this.dialog, { title: 'Delete team', message: `Delete the team ${team.name}? Its members stay.`, confirm: 'Delete', danger: true });
    if (!ok) return;
    await firstValueFrom(this.api.remove(team.id));
    if (this.selectedId() === team.id) this.selectedId.set(null);
    this.list.reload();
  }
}
