import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import type { ChatLayout, Site } from '@switchboard/contracts';
import { firstValueFrom } from 'rxjs';
import { AgentsApi } from '../../api/agents-api.service';
import { LayoutsApi } from '../../api/layouts-api.service';
import { SitesApi } from '../../api/sites-api.service';
import { AgentBoardComponent, type BoardColumn, type BoardPerson } from '../../shared/agent-board.component';
import { toParams } from '../../shared/http-params';
import { peopleByIds } from '../../shared/people';
import { priorityBoard, priorityColumns } from '../../shared/priority-board';
import { validationMessage } from '../../shared/server-errors';
import { BusinessHoursComponent } from './business-hours.component';
import { PreChatFieldsComponent } from './pre-chat-fields.component';
import { applySiteErrors, fillSiteForm, siteForm, siteRequest, type SiteErrors } from './site-form';
import { SiteIdentityComponent } from './site-identity.component';
import { SiteInstallationComponent } from './site-installation.component';
import { confirmSiteRemoval } from './site-removal';

const RECIPIENT_COLUMNS: readonly BoardColumn[] = [{ label: 'Offline messages go to', hint: 'Empty: the default recipients', testId: 'site-recipients-list' }];

/**
 * One site: add (`/sites/new`) or edit (`/sites/:id`). Seed 002's information, its agents dragged
 * into high and low priority ("Conseillers"), offline-message recipients, the pre-chat form and
 * business hours, its chat layout (seed 003); once saved, the installation snippet on top.
 */
@Component({
  selector: 'sb-site-editor-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    AgentBoardComponent,
    BusinessHoursComponent,
    PreChatFieldsComponent,
    SiteIdentityComponent,
    SiteInstallationComponent,
  ],
  templateUrl: './site-editor-page.component.html',
  styles: `
    form { display: flex; flex-direction: column; gap: 16px; max-width: 1040px; }
    fieldset { display: flex; flex-direction: column; gap: 8px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 12px 16px 16px; margin: 0; }
    legend { font: var(--mat-sys-title-small); padding: 0 4px; }
    .fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 8px 16px; align-items: center; }
    .explain { margin: 0; color: var(--mat-sys-on-surface-variant); }
    .mono { font-family: ui-monospace, monospace; }
    .layouts-link { justify-self: start; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SiteEditorPageComponent {
  private readonly api = inject(SitesApi);
  private readonly agentsApi = inject(AgentsApi);
  private readonly layoutsApi = inject(LayoutsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);

  /** The route's `:id`; absent on `/sites/new`. */
  readonly id = input<string>();

  protected readonly form = siteForm(inject(NonNullableFormBuilder));
  protected readonly site = signal<Site | null>(null);
  protected readonly creating = computed(() => !this.id());
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly agentColumns = priorityColumns('site');
  protected readonly recipientColumns = RECIPIENT_COLUMNS;
  protected readonly board = signal<BoardPerson[][]>([[], []]);
  protected readonly recipients = signal<BoardPerson[][]>([[]]);
  protected readonly errors = signal<SiteErrors>({});
  protected readonly message = validationMessage;
  private readonly layouts = signal<ChatLayout[]>([]);
  /** The layouts one can pick besides the default, and the site's own even when it is not among those loaded. */
  protected readonly layoutNames = computed(() => {
    const names = this.layouts()
      .filter((layout) => !layout.builtIn)
      .map((layout) => layout.name);
    const current = this.site()?.layout;
    return current && !names.includes(current) ? [...names, current] : names;
  });

  constructor() {
    this.layoutsApi.list(toParams({ pageSize: 200 })).subscribe({ next: (page) => this.layouts.set(page.items) });
    effect(() => {
      const id = this.id();
      untracked(() => (id ? this.load(id) : this.show(null)));
    });
  }

  protected boardChanged(lists: BoardPerson[][]): void {
    this.board.set(lists);
    this.errors.update(({ agents: _, ...rest }) => rest);
  }

  protected recipientsChanged(lists: BoardPerson[][]): void {
    this.recipients.set(lists);
    this.errors.update(({ offlineRecipientIds: _, ...rest }) => rest);
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.errors.set({ form: 'Correct the marked fields first.' });
      return;
    }
    this.errors.set({});
    const recipientIds = (this.recipients()[0] ?? []).map((person) => person.id);
    const request = siteRequest(this.form, this.board(), recipientIds);
    const id = this.id();
    this.saving.set(true);
    (id ? this.api.update(id, request) : this.api.create(request)).subscribe({
      next: (saved) => {
        this.saving.set(false);
        if (id) {
          this.show(saved);
          this.snackBar.open(`Saved ${saved.name}`, undefined, { duration: 3000 });
          return;
        }
        // Seed 002: saving a new site leads to its installation.
        this.form.markAsPristine();
        this.snackBar.open(`Added ${saved.name}: paste the snippet into its pages`, undefined, { duration: 4000 });
        void this.router.navigate(['/sites', saved.id], { replaceUrl: true });
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.errors.set(applySiteErrors(this.form, error));
      },
    });
  }

  protected async remove(site: Site): Promise<void> {
    if (!(await confirmSiteRemoval(this.dialog, site))) return;
    await firstValueFrom(this.api.remove(site.id));
    this.snackBar.open(`Deleted ${site.name}`, undefined, { duration: 3000 });
    void this.router.navigate(['/sites']);
  }

  private load(id: string): void {
    this.loading.set(true);
    this.api.get(id).subscribe({
      next: (site) => {
        this.loading.set(false);
        this.show(site);
      },
      error: () => this.loading.set(false),
    });
  }

  private show(site: Site | null): void {
    this.site.set(site);
    this.errors.set({});
    fillSiteForm(this.form, site);
    this.board.set(site ? priorityBoard(site.agents) : [[], []]);
    this.recipients.set([[]]);
    // The site keeps only ids; the board needs names.
    if (site) peopleByIds(this.agentsApi, site.offlineRecipientIds).subscribe((people) => this.recipients.set([people]));
  }
}
