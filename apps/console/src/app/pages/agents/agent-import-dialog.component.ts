import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { AGENT_CSV_COLUMNS, Role, type ImportProgress, type ImportReport } from '@switchboard/contracts';
import { catchError, filter, map, of } from 'rxjs';
import { AgentsApi } from '../../api/agents-api.service';
import { QueuesApi } from '../../api/queues-api.service';
import { AuthService } from '../../core/auth.service';
import { ConsoleSocket } from '../../core/console-socket.service';
import { toParams } from '../../shared/http-params';
import { CHANNEL_LABELS } from '../../shared/labels';

type Stage = 'choose' | 'uploading' | 'processing' | 'done';

/**
 * Imports agents from a CSV: a dry run checks every row without saving; atomic saves nothing
 * when any row is bad. Closes with the number of agents created.
 */
@Component({
  selector: 'sb-agent-import-dialog',
  imports: [FormsModule, MatDialogModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatIconModule, MatProgressBarModule, MatSelectModule, MatTableModule],
  templateUrl: './agent-import-dialog.component.html',
  styles: `
    .queues { width: 100%; }
    .file { display: flex; align-items: center; gap: 12px; margin: 8px 0 12px; }
    .options { display: flex; flex-direction: column; }
    .summary { display: flex; gap: 24px; font: var(--mat-sys-title-small); margin: 8px 0 16px; }
    .columns { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); }
    table { width: 100%; }
    h3 { margin: 16px 0 4px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgentImportDialogComponent {
  private readonly api = inject(AgentsApi);
  private readonly ref = inject<MatDialogRef<AgentImportDialogComponent, number>>(MatDialogRef);
  private readonly destroyed = inject(DestroyRef);
  private readonly auth = inject(AuthService);
  private readonly socket = inject(ConsoleSocket);

  protected readonly columns = AGENT_CSV_COLUMNS.join(', ');
  protected readonly file = signal<File | null>(null);
  protected readonly dryRun = signal(false);
  protected readonly atomic = signal(false);
  protected readonly queueIds = signal<string[]>([]);
  /** A supervisor must place imported agents in one of their queues. */
  protected readonly requireQueue = computed(() => this.auth.user()?.role !== Role.Admin);
  protected readonly queues = toSignal(
    inject(QueuesApi)
      .list(toParams({ pageSize: 200 }))
      .pipe(
        map((page) => page.items),
        catchError(() => of([])),
      ),
    { initialValue: [] },
  );
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly stage = signal<Stage>('choose');
  protected readonly uploaded = signal(0);
  protected readonly report = signal<ImportReport | null>(null);
  protected readonly failed = signal(false);
  /** What the server reports while it works (over the console socket). */
  protected readonly progress = signal<ImportProgress | null>(null);
  protected readonly progressPercent = computed(() => {
    const p = this.progress();
    return p && p.total ? Math.round((100 * p.processed) / p.total) : 0;
  });
  protected readonly phaseLabels: Record<ImportProgress['phase'], string> = {
    validating: 'Checking the rows',
    hashing: 'Securing the passwords',
    saving: 'Saving the agents',
    done: 'Finishing',
  };
  /** Agents created by every import of this dialog. */
  private created = 0;

  protected choose(input: HTMLInputElement): void {
    this.file.set(input.files?.[0] ?? null);
    this.report.set(null);
    this.stage.set('choose');
  }

  protected async upload(): Promise<void> {
    const file = this.file();
    if (!file) return;
    this.stage.set('uploading');
    this.uploaded.set(0);
    this.failed.set(false);
    this.progress.set(null);
    const importId = crypto.randomUUID();
    // Listen before starting, so the first progress event is not missed.
    const progress = this.socket
      .on('staff.import.progress')
      .pipe(filter((event) => event.importId === importId), takeUntilDestroyed(this.destroyed))
      .subscribe((event) => this.progress.set(event));
    await this.socket.ready();
    this.api
      .importCsv(file, { dryRun: this.dryRun(), atomic: this.atomic(), importId, queueIds: this.queueIds() })
      .pipe(takeUntilDestroyed(this.destroyed))
      .subscribe({
        complete: () => progress.unsubscribe(),
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress) {
            this.uploaded.set(event.total ? Math.round((100 * event.loaded) / event.total) : 0);
            if (event.total && event.loaded >= event.total) this.stage.set('processing');
          } else if (event.type === HttpEventType.Response && event.body) {
            this.report.set(event.body);
            this.created += event.body.created;
            this.stage.set('done');
          }
        },
        // The error interceptor shows the server's message.
        error: () => {
          progress.unsubscribe();
          this.failed.set(true);
          this.stage.set('choose');
        },
      });
  }

  protected close(): void {
    this.ref.close(this.created);
  }
}
