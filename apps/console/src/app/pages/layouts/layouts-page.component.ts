import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import type { ChatLayout } from '@switchboard/contracts';
import { firstValueFrom } from 'rxjs';
import { LayoutsApi } from '../../api/layouts-api.service';
import { PAGE_SIZES, pagedList } from '../../shared/paged-list';
import { cloneLayout } from './layout-clone-dialog.component';
import { confirmLayoutRemoval } from './layout-errors';

/**
 * Seed 003 "Web Chat Layouts Panel": the chat box templates, searched by name and paged. The
 * default one is read-only; Clone makes an editable copy and opens it.
 */
@Component({
  selector: 'sb-layouts-page',
  imports: [DatePipe, RouterLink, MatTableModule, MatPaginatorModule, MatButtonModule, MatChipsModule, MatIconModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, MatTooltipModule],
  templateUrl: './layouts-page.component.html',
  styles: `
    .explain { color: var(--mat-sys-on-surface-variant); margin: 0 0 8px; }
    .name { color: var(--mat-sys-primary); }
    .time { white-space: nowrap; }
    .actions { text-align: end; white-space: nowrap; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LayoutsPageComponent {
  private readonly api = inject(LayoutsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);

  // The server lists the default first, then by name.
  protected readonly list = pagedList((params) => this.api.list(params), { filters: {}, pageSize: 25 });
  protected readonly columns = ['name', 'kind', 'updatedAt', 'actions'];
  protected readonly pageSizes = PAGE_SIZES;

  protected async clone(source: ChatLayout): Promise<void> {
    const copy = await cloneLayout(this.dialog, source);
    if (!copy) return;
    this.snackBar.open(`Cloned ${source.name} as ${copy.name}`, undefined, { duration: 3000 });
    // The copy exists to be edited: open it.
    void this.router.navigate(['/layouts', copy.id]);
  }

  protected async remove(layout: ChatLayout): Promise<void> {
    if (!(await confirmLayoutRemoval(this.dialog, layout))) return;
    await firstValueFrom(this.api.remove(layout.id));
    this.snackBar.open(`Deleted ${layout.name}`, undefined, { duration: 3000 });
    this.list.reload();
  }
}
