import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RoutingAdminApi } from '../../api/routing-admin-api.service';
import { PAGE_SIZES, pagedList } from '../../shared/paged-list';
import { OfflineRecipientsComponent } from './offline-recipients.component';

/**
 * Offline messages (administrators): who receives them (seed 000), and the messages contacts
 * left when nobody could answer, newest first, as plain text.
 */
@Component({
  selector: 'sb-offline-messages-page',
  imports: [DatePipe, MatTableModule, MatPaginatorModule, MatButtonModule, MatIconModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, OfflineRecipientsComponent],
  templateUrl: './offline-messages-page.component.html',
  styles: `
    .received { margin-top: 32px; }
    .head { display: flex; align-items: center; gap: 8px; }
    .head h2 { flex: 1; font: var(--mat-sys-title-medium); }
    .nowrap { white-space: nowrap; }
    .wrap { overflow-wrap: anywhere; }
    .page { max-width: 240px; }
    .body { white-space: pre-wrap; overflow-wrap: anywhere; min-width: 240px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OfflineMessagesPageComponent {
  private readonly api = inject(RoutingAdminApi);

  // The server sorts by date only, oldest first unless told otherwise.
  protected readonly list = pagedList((params) => this.api.offlineMessages(params.set('order', 'desc')), { filters: {}, pageSize: 25 });
  protected readonly columns = ['createdAt', 'name', 'email', 'pageUrl', 'body', 'recipients'];
  protected readonly pageSizes = PAGE_SIZES;
}
