import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { Contact } from '@switchboard/contracts';
import { debounceTime, filter, firstValueFrom, Subject } from 'rxjs';
import { ContactsApi } from '../../api/contacts-api.service';
import { ConsoleSocket } from '../../core/console-socket.service';
import { PAGE_SIZES, pagedList } from '../../shared/paged-list';
import { ContactDialogComponent } from './contact-dialog.component';

/** The newer of two versions of a contact. */
function newer(a: Contact, b: Contact): Contact {
  return Date.parse(b.updatedAt) > Date.parse(a.updatedAt) ? b : a;
}

/**
 * Contacts (every role): search, page, add. Shows what the API answers: for a user with
 * "Mask Sensitive Data" the server has already masked names, phones and e-mails. A contact
 * saved anywhere updates its row live (socket `contact.saved`).
 */
@Component({
  selector: 'sb-contacts-page',
  imports: [MatTableModule, MatPaginatorModule, MatButtonModule, MatIconModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, MatTooltipModule],
  templateUrl: './contacts-page.component.html',
  styles: `
    .live { display: inline-flex; align-items: center; gap: 4px; color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-label-medium); }
    .live mat-icon { font-size: 18px; width: 18px; height: 18px; }
    td { overflow-wrap: anywhere; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactsPageComponent {
  private readonly api = inject(ContactsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly socket = inject(ConsoleSocket);

  protected readonly list = pagedList((params) => this.api.list(params), { filters: {}, pageSize: 25 });
  /** Versions of contacts the socket brought since the page loaded. */
  private readonly live = signal<ReadonlyMap<string, Contact>>(new Map());
  /** The page's rows, each in its newest known version. */
  protected readonly rows = computed(() => {
    const live = this.live();
    return this.list.items().map((contact) => {
      const update = live.get(contact.id);
      return update ? newer(contact, update) : contact;
    });
  });
  protected readonly connected = signal(false);
  protected readonly columns = ['name', 'phone', 'email'];
  protected readonly pageSizes = PAGE_SIZES;

  constructor() {
    const destroyed = inject(DestroyRef);
    const unseen = new Subject<void>();
    this.socket
      .on('contact.saved')
      .pipe(takeUntilDestroyed(destroyed))
      .subscribe((contact) => {
        this.live.update((map) => new Map(map).set(contact.id, contact));
        if (!this.list.items().some((row) => row.id === contact.id)) unseen.next();
      });
    // A contact not on this page (a new one, say) may belong on it: ask for the page again.
    unseen.pipe(debounceTime(500), filter(() => !this.list.loading()), takeUntilDestroyed(destroyed)).subscribe(() => this.list.reload());
    void this.socket.ready().then((ready) => this.connected.set(ready));
  }

  protected async add(): Promise<void> {
    const ref = this.dialog.open<ContactDialogComponent, void, Contact>(ContactDialogComponent, { width: '460px' });
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.snackBar.open('Contact added', undefined, { duration: 3000 });
    this.list.reload();
  }
}
