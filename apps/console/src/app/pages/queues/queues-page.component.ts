import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { Router } from '@angular/router';
import { Role, STAFF_CHANNELS, type Queue, type StaffChannel } from '@switchboard/contracts';
import { firstValueFrom } from 'rxjs';
import { QueuesApi } from '../../api/queues-api.service';
import { AuthService } from '../../core/auth.service';
import { confirm } from '../../shared/confirm-dialog.component';
import { CHANNEL_LABELS } from '../../shared/labels';
import { PAGE_SIZES, pagedList } from '../../shared/paged-list';
import { QueueDialogComponent } from './queue-dialog.component';

/** Queues by channel: list, filter, create/edit/delete (admins); a row opens the queue. */
@Component({
  selector: 'sb-queues-page',
  imports: [MatTableModule, MatSortModule, MatPaginatorModule, MatButtonModule, MatIconModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatProgressBarModule],
  templateUrl: './queues-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QueuesPageComponent {
  private readonly api = inject(QueuesApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthService);

  protected readonly canManage = computed(() => this.auth.user()?.role === Role.Admin);
  protected readonly list = pagedList((params) => this.api.list(params), { filters: { channel: '' as StaffChannel | '' }, pageSize: 25, sort: 'name', order: 'asc' });
  protected readonly columns = computed(() => ['name', 'channel', 'description', 'memberCount', 'supervisorCount', ...(this.canManage() ? ['actions'] : [])]);
  protected readonly channels = STAFF_CHANNELS;
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly pageSizes = PAGE_SIZES;

  protected channelLabel(channel: StaffChannel): string {
    return CHANNEL_LABELS[channel];
  }

  protected open(queue: Queue): void {
    void this.router.navigate(['/queues', queue.id]);
  }

  protected async edit(queue: Queue | null): Promise<void> {
    const ref = this.dialog.open<QueueDialogComponent, Queue | null, Queue>(QueueDialogComponent, { data: queue, width: '460px' });
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.snackBar.open(queue ? `Saved ${saved.name}` : `Created ${saved.name}`, undefined, { duration: 3000 });
    this.list.reload();
  }

  protected async remove(queue: Queue): Promise<void> {
    const ok = await confirm(this.dialog, {
      title: 'Delete queue',
      message: `Delete the queue ${queue.name}? Its ${queue.memberCount} member${queue.memberCount === 1 ? '' : 's'} leave it.`,
      confirm: 'Delete',
      danger: true,
    });
    if (!ok) return;
    await firstValueFrom(this.api.remove(queue.id));
    this.list.reload();
  }
}
