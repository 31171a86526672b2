import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { CONSOLE_MODULES, DOWNLOAD_KINDS } from '@switchboard/contracts';
import { DOWNLOAD_LABELS, MODULE_LABELS } from '../../../shared/labels';
import type { AgentForm } from './agent-form';

/** The Permissions tab: which console modules the agent sees and what they may download. */
@Component({
  selector: 'sb-agent-permissions-tab',
  imports: [ReactiveFormsModule, MatSlideToggleModule],
  template: `
    <div class="tab" [formGroup]="form()">
      @if (!editable()) {
        <p class="note" data-testid="permissions-readonly">Only an administrator can change permissions.</p>
      }
      <ng-container formGroupName="permissions">
      <fieldset formGroupName="modules">
        <legend>Modules</legend>
        @for (module of modules; track module) {
          <mat-slide-toggle [formControlName]="module" [attr.data-testid]="'module-' + module">{{ moduleLabels[module] }}</mat-slide-toggle>
        }
      </fieldset>
      <fieldset formGroupName="downloads">
        <legend>Downloads</legend>
        @for (kind of downloads; track kind) {
          <mat-slide-toggle [formControlName]="kind" [attr.data-testid]="'download-' + kind">{{ downloadLabels[kind] }}</mat-slide-toggle>
        }
      </fieldset>
      </ng-container>
    </div>
  `,
  styles: `
    .tab { padding-top: 16px; display: flex; flex-wrap: wrap; gap: 24px; }
    .note { flex-basis: 100%; margin: 0; color: var(--mat-sys-on-surface-variant); }
    fieldset { display: flex; flex-direction: column; gap: 12px; min-width: 260px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 12px 16px 16px; }
    legend { font: var(--mat-sys-title-small); padding: 0 4px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgentPermissionsTabComponent {
  readonly form = input.required<AgentForm>();
  /** False for non-admins: the toggles show but are disabled (the page disables the group). */
  readonly editable = input(true);
  protected readonly modules = CONSOLE_MODULES;
  protected readonly downloads = DOWNLOAD_KINDS;
  protected readonly moduleLabels = MODULE_LABELS;
  protected readonly downloadLabels = DOWNLOAD_LABELS;
}
