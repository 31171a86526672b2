import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
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
import type { BlacklistEntry } from '@switchboard/contracts';
import { firstValueFrom } from 'rxjs';
import { BlacklistApi } from '../../api/blacklist-api.service';
import { PAGE_SIZES, pagedList } from '../../shared/paged-list';
import { groupDigits } from './address-count';
import { BlacklistEntryDialogComponent, confirmRemoval, type BlacklistDialogResult } from './blacklist-entry-dialog.component';

/**
 * Seed 003 "Chat Blacklist Panel": the blocked addresses and ranges with their size, searched
 * and paged on the server; Create adds one, a description opens its entry.
 */
@Component({
  selector: 'sb-blacklist-page',
  imports: [MatTableModule, MatSortModule, MatPaginatorModule, MatButtonModule, MatIconModule, MatFormFieldModule, MatInputModule, MatProgressBarModule],
  templateUrl: './blacklist-page.component.html',
  styles: `
    .explain { color: var(--mat-sys-on-surface-variant); margin: 0 0 8px; }
    .open { padding: 0; border: none; background: none; font: inherit; color: var(--mat-sys-primary); text-align: start; text-decoration: underline; cursor: pointer; }
    .address { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
    .number { text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BlacklistPageComponent {
  private readonly api = inject(BlacklistApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  // The server sorts by description only, so it takes the direction alone.
  protected readonly list = pagedList((params) => this.api.list(params.delete('sort')), { filters: {}, pageSize: 25, sort: 'description', order: 'asc' });
  protected readonly columns = ['description', 'startIp', 'endIp', 'addressCount', 'actions'];
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly count = groupDigits;

  protected async edit(entry: BlacklistEntry | null): Promise<void> {
    const ref = this.dialog.open<BlacklistEntryDialogComponent, BlacklistEntry | null, BlacklistDialogResult>(BlacklistEntryDialogComponent, { data: entry, width: '460px' });
    const result = await firstValueFrom(ref.afterClosed());
    if (!result) return;
    const verb = result.deleted ? 'Deleted' : entry ? 'Saved' : 'Created';
    this.snackBar.open(`${verb} ${result.entry.description}`, undefined, { duration: 3000 });
    this.list.reload();
  }

  protected async remove(entry: BlacklistEntry): Promise<void> {
    if (!(await confirmRemoval(this.dialog, entry))) return;
    await firstValueFrom(this.api.remove(entry.id));
    this.snackBar.open(`Deleted ${entry.description}`, undefined, { duration: 3000 });
    this.list.reload();
  }
}
