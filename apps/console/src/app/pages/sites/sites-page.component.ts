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
import { RouterLink } from '@angular/router';
import type { Site } from '@switchboard/contracts';
import { firstValueFrom } from 'rxjs';
import { SitesApi } from '../../api/sites-api.service';
import { PAGE_SIZES, pagedList } from '../../shared/paged-list';
import { confirmSiteRemoval } from './site-removal';

/** Seed 002 "Gestion des Sites & Hotlines": the websites with the chat box, searched and paged; "Add site". */
@Component({
  selector: 'sb-sites-page',
  imports: [RouterLink, MatTableModule, MatSortModule, MatPaginatorModule, MatButtonModule, MatIconModule, MatFormFieldModule, MatInputModule, MatProgressBarModule],
  templateUrl: './sites-page.component.html',
  styles: `
    .explain { color: var(--mat-sys-on-surface-variant); margin: 0 0 8px; }
    .name { color: var(--mat-sys-primary); }
    .url { overflow-wrap: anywhere; }
    .status { display: inline-flex; align-items: center; gap: 4px; }
    .status mat-icon { font-size: 18px; width: 18px; height: 18px; color: var(--mat-sys-primary); }
    .status.off { color: var(--mat-sys-on-surface-variant); }
    .status.off mat-icon { color: inherit; }
    .number { text-align: end; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SitesPageComponent {
  private readonly api = inject(SitesApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  // The server sorts by name only, so it takes the direction alone.
  protected readonly list = pagedList((params) => this.api.list(params.delete('sort')), { filters: {}, pageSize: 25, sort: 'name', order: 'asc' });
  protected readonly columns = ['name', 'url', 'enabled', 'agents', 'actions'];
  protected readonly pageSizes = PAGE_SIZES;

  protected async remove(site: Site): Promise<void> {
    if (!(await confirmSiteRemoval(this.dialog, site))) return;
    await firstValueFrom(this.api.remove(site.id));
    this.snackBar.open(`Deleted ${site.name}`, undefined, { duration: 3000 });
    this.list.reload();
  }
}
