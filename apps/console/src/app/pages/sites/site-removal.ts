import type { MatDialog } from '@angular/material/dialog';
import type { Site } from '@switchboard/contracts';
import { confirm } from '../../shared/confirm-dialog.component';

/** The question before a site goes: its snippet stops opening chats. */
export function confirmSiteRemoval(dialog: MatDialog, site: Pick<Site, 'name'>): Promise<boolean> {
  return confirm(dialog, {
    title: 'Delete site',
    message: `Delete the site ${site.name}? The chat box pasted into its pages stops opening chats.`,
    confirm: 'Delete',
    danger: true,
  });
}
