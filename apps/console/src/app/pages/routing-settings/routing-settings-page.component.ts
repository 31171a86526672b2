import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import type { PauseReason, RoutingSettings } from '@switchboard/contracts';
import { firstValueFrom } from 'rxjs';
import { RoutingAdminApi } from '../../api/routing-admin-api.service';
import { confirm } from '../../shared/confirm-dialog.component';
import { validationMessage } from '../../shared/server-errors';
import { submitForm } from '../../shared/submit-form';
import { PauseReasonDialogComponent } from './pause-reason-dialog.component';

const INTEGER = Validators.pattern(/^\d+$/);

/** Settings → Routing (administrators): whether agents switch their channels, the default offer timeout, and the pause reasons. */
@Component({
  selector: 'sb-routing-settings-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, MatSlideToggleModule, MatTableModule],
  templateUrl: './routing-settings-page.component.html',
  styles: `
    form { display: flex; flex-direction: column; gap: 16px; max-width: 880px; }
    fieldset { display: flex; flex-direction: column; gap: 12px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 12px 16px 16px; margin: 0; }
    legend { font: var(--mat-sys-title-small); padding: 0 4px; }
    .fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 8px 16px; align-items: start; }
    .explain { margin: 0; color: var(--mat-sys-on-surface-variant); }
    .reasons { margin-top: 32px; max-width: 880px; display: flex; flex-direction: column; gap: 8px; }
    .head { display: flex; align-items: center; gap: 8px; }
    .head h2 { flex: 1; margin: 0; font: var(--mat-sys-title-medium); }
    .archived td { color: var(--mat-sys-on-surface-variant); }
    .actions { white-space: nowrap; text-align: end; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RoutingSettingsPageComponent {
  private readonly api = inject(RoutingAdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly form = inject(NonNullableFormBuilder).group({
    agentsMayToggleChannels: [true],
    offerTimeoutSeconds: [30, [Validators.required, Validators.min(1), Validators.max(600), INTEGER]],
  });
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly message = validationMessage;

  protected readonly reasons = signal<PauseReason[]>([]);
  protected readonly reasonsLoading = signal(false);
  protected readonly reasonsLoaded = signal(false);
  protected readonly columns = ['name', 'position', 'archived', 'actions'];

  constructor() {
    this.load();
    this.loadReasons();
  }

  protected save(): void {
    submitForm(
      this.form,
      this.busy,
      () => {
        const value = this.form.getRawValue();
        return this.api.saveSettings({ agentsMayToggleChannels: value.agentsMayToggleChannels, offerTimeoutSeconds: Number(value.offerTimeoutSeconds) });
      },
      (saved) => {
        this.busy.set(false);
        this.show(saved);
        this.snackBar.open('Routing settings saved', undefined, { duration: 3000 });
      },
    );
  }

  protected load(): void {
    this.loading.set(true);
    this.api.settings().subscribe({
      next: (settings) => {
        this.loading.set(false);
        this.show(settings);
      },
      error: () => this.loading.set(false),
    });
  }

  protected async edit(reason: PauseReason | null): Promise<void> {
    const ref = this.dialog.open<PauseReasonDialogComponent, PauseReason | null, PauseReason>(PauseReasonDialogComponent, { data: reason, width: '420px' });
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.snackBar.open(reason ? `Saved ${saved.name}` : `Added ${saved.name}`, undefined, { duration: 3000 });
    this.loadReasons();
  }

  protected setArchived(reason: PauseReason, archived: boolean): void {
    this.api.updatePauseReason(reason.id, { archived }).subscribe({
      next: (saved) => {
        this.reasons.update((list) => list.map((entry) => (entry.id === saved.id ? saved : entry)));
        this.snackBar.open(`${saved.name} ${saved.archived ? 'archived' : 'back in the menu'}`, undefined, { duration: 3000 });
      },
    });
  }

  protected async remove(reason: PauseReason): Promise<void> {
    const ok = await confirm(this.dialog, {
      title: 'Delete pause reason',
      message: `Delete the pause reason ${reason.name}? Agents paused with it stay paused without a reason. Archive it instead to keep it in reports.`,
      confirm: 'Delete',
      danger: true,
    });
    if (!ok) return;
    await firstValueFrom(this.api.removePauseReason(reason.id));
    this.snackBar.open(`Deleted ${reason.name}`, undefined, { duration: 3000 });
    this.loadReasons();
  }

  private show(settings: RoutingSettings): void {
    this.form.reset(settings);
  }

  private loadReasons(): void {
    this.reasonsLoading.set(true);
    this.api.pauseReasons(true).subscribe({
      next: (reasons) => {
        this.reasonsLoading.set(false);
        this.reasonsLoaded.set(true);
        this.reasons.set(reasons);
      },
      error: () => this.reasonsLoading.set(false),
    });
  }
}
