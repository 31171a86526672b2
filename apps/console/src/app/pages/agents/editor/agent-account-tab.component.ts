import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TOAST_POSITIONS, TYPOLOGIES, type Agent, type Queue, type Role } from '@switchboard/contracts';
import { CHANNEL_LABELS, ROLE_LABELS, TOAST_POSITION_LABELS, TYPOLOGY_LABELS } from '../../../shared/labels';
import { validationMessage } from '../../../shared/server-errors';
import type { AgentForm } from './agent-form';
import { AgentAvatarComponent } from './agent-avatar.component';

/** The Account tab: identity, role, password (on create), preferences and avatar. */
@Component({
  selector: 'sb-agent-account-tab',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatSlideToggleModule, AgentAvatarComponent],
  templateUrl: './agent-account-tab.component.html',
  styles: `
    :host { display: grid; grid-template-columns: 1fr auto; gap: 24px; padding-top: 16px; }
    .fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 8px 16px; align-items: start; }
    .wide { grid-column: 1 / -1; }
    .toggles { display: flex; flex-wrap: wrap; gap: 8px 24px; grid-column: 1 / -1; margin-bottom: 16px; }
    .avatar-placeholder { width: 200px; }
    @media (max-width: 720px) { :host { grid-template-columns: 1fr; } }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgentAccountTabComponent {
  readonly form = input.required<AgentForm>();
  readonly creating = input(false);
  /** Roles the signed-in user may give. */
  readonly roles = input<readonly Role[]>([]);
  /** Queues offered on create (required for a supervisor). */
  readonly queues = input<readonly Queue[]>([]);
  readonly requireQueue = input(false);
  readonly agent = input<Agent | null>(null);
  /** The Disabled switch; an administrator editing finds it in the Security Suite tab instead. */
  readonly showDisabled = input(true);
  readonly avatarChanged = output();

  protected readonly typologies = TYPOLOGIES;
  protected readonly typologyLabels = TYPOLOGY_LABELS;
  protected readonly toastPositions = TOAST_POSITIONS;
  protected readonly toastLabels = TOAST_POSITION_LABELS;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly message = validationMessage;
}
