import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { Role, type Agent, type LicenseStatus } from '@switchboard/contracts';
import { firstValueFrom } from 'rxjs';
import { AgentsApi } from '../../api/agents-api.service';
import { confirm } from '../../shared/confirm-dialog.component';
import { saveBlob } from '../../shared/download';
import { IdSelection } from '../../shared/id-selection';
import { ROLE_LABELS } from '../../shared/labels';
import { PAGE_SIZES, pagedList } from '../../shared/paged-list';
import { AgentImportDialogComponent } from './agent-import-dialog.component';

/** Staff → Agents: search, filter, page, sort, select, delete, export and import. */
@Component({
  selector: 'sb-agents-page',
  imports: [
    RouterLink,
    MatTableModule,
    MatSortModule,
    MatPaginatorModule,
    MatCheckboxModule,
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatProgressBarModule,
    MatTooltipModule,
  ],
  templateUrl: './agents-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgentsPageComponent {
  private readonly api = inject(AgentsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);

  protected readonly list = pagedList((params) => this.api.list(params), { filters: { role: '' as Role | '' }, pageSize: 25, sort: 'fullName', order: 'asc' });
  protected readonly selection = new IdSelection();
  protected readonly pageIds = computed(() => this.list.items().map((agent) => agent.id));
  protected readonly license = signal<LicenseStatus | null>(null);
  protected readonly exporting = signal(false);

  protected readonly columns = ['select', 'fullName', 'username', 'email', 'role', 'extension', 'status', 'actions'];
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly roles = Object.values(Role);
  protected readonly roleLabels = ROLE_LABELS;

  constructor() {
    this.loadLicense();
  }

  protected roleLabel(role: Role): string {
    return ROLE_LABELS[role];
  }

  protected open(agent: Agent): void {
    void this.router.navigate(['/agents', agent.id]);
  }

  protected async remove(agent: Agent): Promise<void> {
    const ok = await confirm(this.dialog, {
      title: 'Delete agent',
      message: `Delete ${agent.fullName} (${agent.username})? This cannot be undone.`,
      confirm: 'Delete',
      danger: true,
    });
    if (!ok) return;
    await firstValueFrom(this.api.remove(agent.id));
    this.snackBar.open(`Deleted ${agent.username}`, undefined, { duration: 3000 });
    if (this.selection.has(agent.id)) this.selection.toggle(agent.id);
    this.changed();
  }

  protected async removeSelected(): Promise<void> {
    const ids = this.selection.list();
    const ok = await confirm(this.dialog, {
      title: 'Delete agents',
      message: `Delete ${ids.length} selected agent${ids.length === 1 ? '' : 's'}? This cannot be undone.`,
      confirm: 'Delete',
      danger: true,
    });
    if (!ok) return;
    const { deleted } = await firstValueFrom(this.api.bulkDelete(ids));
    this.snackBar.open(`Deleted ${deleted} agent${deleted === 1 ? '' : 's'}`, undefined, { duration: 3000 });
    this.selection.clear();
    this.changed();
  }

  protected async exportCsv(): Promise<void> {
    this.exporting.set(true);
    try {
      saveBlob(await firstValueFrom(this.api.exportCsv(this.selection.list())), 'agents.csv');
    } finally {
      this.exporting.set(false);
    }
  }

  protected async importCsv(): Promise<void> {
    const ref = this.dialog.open<AgentImportDialogComponent, void, number>(AgentImportDialogComponent, { width: '720px', maxWidth: '95vw', disableClose: true });
    const created = await firstValueFrom(ref.afterClosed());
    if (created) this.changed();
  }

  private changed(): void {
    this.list.reload();
    this.loadLicense();
  }

  private loadLicense(): void {
    this.api.license().subscribe({ next: (status) => this.license.set(status), error: () => this.license.set(null) });
  }
}
