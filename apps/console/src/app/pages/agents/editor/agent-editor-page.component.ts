import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { Router, RouterLink } from '@angular/router';
import { Role, STAFF_CHANNELS, type Agent, type Queue, type SetPasswordResponse, type StaffChannel, type Team } from '@switchboard/contracts';
import { firstValueFrom } from 'rxjs';
import { AgentsApi } from '../../../api/agents-api.service';
import { QueuesApi } from '../../../api/queues-api.service';
import { AuthService } from '../../../core/auth.service';
import { showGeneratedPassword } from '../../../shared/generated-password-dialog.component';
import { toParams } from '../../../shared/http-params';
import { CHANNEL_ICONS, CHANNEL_LABELS } from '../../../shared/labels';
import { applyServerErrors } from '../../../shared/server-errors';
import { AddToTeamDialogComponent, type AddToTeamData } from './add-to-team-dialog.component';
import { AgentAccountTabComponent } from './agent-account-tab.component';
import { AgentChannelsTabComponent } from './agent-channels-tab.component';
import { agentForm, createRequest, fillAgentForm, tabOf, updateRequest } from './agent-form';
import { AgentPermissionsTabComponent } from './agent-permissions-tab.component';
import { AgentQueuesComponent } from './agent-queues.component';
import { AgentSecurityComponent } from './agent-security.component';
import { ChangePasswordDialogComponent, type ChangePasswordData } from './change-password-dialog.component';

/**
 * One agent: create (`/agents/new`) or edit (`/agents/:id`) in three tabs (four for an
 * administrator editing: the Security Suite), with the header's actions.
 */
@Component({
  selector: 'sb-agent-editor-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    MatProgressBarModule,
    MatTabsModule,
    AgentAccountTabComponent,
    AgentChannelsTabComponent,
    AgentPermissionsTabComponent,
    AgentQueuesComponent,
    AgentSecurityComponent,
  ],
  templateUrl: './agent-editor-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgentEditorPageComponent {
  private readonly api = inject(AgentsApi);
  private readonly queuesApi = inject(QueuesApi);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly queuesPanel = viewChild(AgentQueuesComponent);
  private readonly securityPanel = viewChild(AgentSecurityComponent);

  /** The route's `:id`; absent on `/agents/new`. */
  readonly id = input<string>();

  protected readonly form = agentForm(inject(NonNullableFormBuilder));
  protected readonly agent = signal<Agent | null>(null);
  protected readonly creating = computed(() => !this.id());
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly tab = signal(0);
  protected readonly isAdmin = computed(() => this.auth.user()?.role === Role.Admin);
  /** An admin gives any role; a supervisor only creates and edits agents. */
  protected readonly roles = computed<Role[]>(() => (this.isAdmin() ? Object.values(Role) : [Role.Agent]));
  protected readonly queues = signal<Queue[]>([]);
  protected readonly channels = STAFF_CHANNELS;
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly channelIcons = CHANNEL_ICONS;

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => (id ? this.load(id) : this.prepareCreate()));
    });
  }

  protected async save(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.showFirstInvalidTab();
      return;
    }
    this.saving.set(true);
    try {
      if (this.creating()) await this.create();
      else await this.update();
    } catch (error) {
      // The error interceptor has shown the message; here it goes on the fields it names.
      if (!(error instanceof HttpErrorResponse)) throw error;
      const fields = applyServerErrors(this.form, error);
      if (fields[0]) this.tab.set(tabOf(fields[0]));
    } finally {
      this.saving.set(false);
    }
  }

  protected async addToQueue(channel: StaffChannel): Promise<void> {
    const agent = this.agent();
    if (!agent) return;
    const { added } = await firstValueFrom(this.api.addToChannelQueues(agent.id, channel));
    const label = this.channelLabels[channel];
    this.snackBar.open(added ? `Added to ${added} ${label} queue${added === 1 ? '' : 's'}` : `Already in every ${label} queue, or there is none`, undefined, {
      duration: 4000,
    });
    this.queuesPanel()?.reload();
  }

  protected async addToTeam(): Promise<void> {
    const agent = this.agent();
    if (!agent) return;
    const ref = this.dialog.open<AddToTeamDialogComponent, AddToTeamData, Team>(AddToTeamDialogComponent, {
      data: { agentId: agent.id, fullName: agent.fullName },
      width: '420px',
    });
    const team = await firstValueFrom(ref.afterClosed());
    if (team) this.snackBar.open(`Added to team ${team.name}`, undefined, { duration: 3000 });
  }

  protected async changePassword(): Promise<void> {
    const agent = this.agent();
    if (!agent) return;
    const ref = this.dialog.open<ChangePasswordDialogComponent, ChangePasswordData, SetPasswordResponse>(ChangePasswordDialogComponent, {
      data: { agentId: agent.id, username: agent.username },
      width: '440px',
    });
    const answer = await firstValueFrom(ref.afterClosed());
    if (!answer) return;
    // A new password changes the reset time and ends the agent's sessions.
    this.securityPanel()?.reload();
    if (answer.generatedPassword) await showGeneratedPassword(this.dialog, { username: agent.username, password: answer.generatedPassword });
    else this.snackBar.open('Password changed', undefined, { duration: 3000 });
  }

  /** A Security Suite switch saved at once: keep the form's copy in step without touching unsaved edits. */
  protected securityChanged(saved: Agent): void {
    this.agent.set(saved);
    this.form.controls.disabled.reset(saved.disabled);
  }

  /** After an avatar upload: fetch the agent again (hasAvatar) without touching unsaved edits. */
  protected async avatarChanged(): Promise<void> {
    const agent = this.agent();
    if (agent) this.agent.set(await firstValueFrom(this.api.get(agent.id)));
  }

  private async create(): Promise<void> {
    const created = await firstValueFrom(this.api.create(createRequest(this.form.getRawValue(), this.isAdmin())));
    this.form.markAsPristine();
    if (created.generatedPassword) await showGeneratedPassword(this.dialog, { username: created.username, password: created.generatedPassword });
    else this.snackBar.open(`Created ${created.username}`, undefined, { duration: 3000 });
    await this.router.navigate(['/agents', created.id], { replaceUrl: true });
  }

  private async update(): Promise<void> {
    const agent = this.agent();
    if (!agent) return;
    const changes = updateRequest(this.form.getRawValue(), agent, this.isAdmin());
    if (!Object.keys(changes).length) {
      this.snackBar.open('Nothing to save', undefined, { duration: 2000 });
      return;
    }
    const saved = await firstValueFrom(this.api.update(agent.id, changes));
    this.show(saved);
    this.snackBar.open('Saved', undefined, { duration: 2000 });
  }

  private load(id: string): void {
    this.loading.set(true);
    this.api.get(id).subscribe({
      next: (agent) => {
        this.loading.set(false);
        this.show(agent);
      },
      error: () => this.loading.set(false),
    });
  }

  private show(agent: Agent): void {
    this.agent.set(agent);
    fillAgentForm(this.form, agent);
    this.form.controls.username.disable();
    this.form.controls.queueIds.clearValidators();
    this.lockForRole();
  }

  private prepareCreate(): void {
    this.agent.set(null);
    this.form.controls.username.enable();
    if (!this.isAdmin()) this.form.controls.queueIds.setValidators(Validators.required);
    this.lockForRole();
    this.queuesApi.list(toParams({ pageSize: 200 })).subscribe({ next: (page) => this.queues.set(page.items) });
  }

  /** Only an admin sets permissions. */
  private lockForRole(): void {
    if (this.isAdmin()) this.form.controls.permissions.enable();
    else this.form.controls.permissions.disable();
  }

  private showFirstInvalidTab(): void {
    const invalid = Object.entries(this.form.controls).find(([, control]) => control.invalid);
    if (invalid) this.tab.set(tabOf(invalid[0]));
  }
}
