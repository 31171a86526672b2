import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatSlideToggleModule, type MatSlideToggleChange } from '@angular/material/slide-toggle';
import { PresenceStatus, type PauseReason, type StaffChannel } from '@switchboard/contracts';
import { PresenceService } from '../core/presence.service';
import { CHANNEL_LABELS } from '../shared/labels';
import { PresenceDotComponent } from '../shared/presence-dot.component';

/** The top bar's status button: the user's presence, a menu to change it, and their channel switches. */
@Component({
  selector: 'sb-presence-control',
  imports: [MatButtonModule, MatMenuModule, MatIconModule, MatDividerModule, MatSlideToggleModule, PresenceDotComponent],
  template: `
    @if (presence.presence(); as current) {
      <button
        mat-button
        type="button"
        [matMenuTriggerFor]="menu"
        (menuOpened)="presence.reloadReasons()"
        [disabled]="presence.busy()"
        [attr.aria-label]="'Your status: ' + presence.label() + '. Change it'"
        data-testid="presence-button"
      >
        <span class="status">
          <sb-presence-dot [tone]="presence.tone()" />
          <span data-testid="presence-label">{{ presence.label() }}</span>
        </span>
      </button>
      <mat-menu #menu="matMenu" aria-label="Your status">
        <button mat-menu-item type="button" role="menuitemradio" [attr.aria-checked]="presence.tone() === 'online'" (click)="presence.set({ status: 'online' })" data-testid="presence-set-online">
          <span class="status"><sb-presence-dot tone="online" />Online</span>
        </button>
        <button mat-menu-item type="button" role="menuitemradio" [attr.aria-checked]="presence.tone() === 'away'" (click)="pause(null)" data-testid="presence-set-away">
          <span class="status"><sb-presence-dot tone="away" />Away</span>
        </button>
        @if (presence.reasons().length) {
          <span class="heading reasons" aria-hidden="true">Pause for</span>
        }
        @for (reason of presence.reasons(); track reason.id) {
          <button
            mat-menu-item
            type="button"
            role="menuitemradio"
            [attr.aria-checked]="current.pauseReason?.id === reason.id"
            (click)="pause(reason)"
            [attr.data-testid]="'presence-reason-' + reason.name"
          >
            <span class="status"><sb-presence-dot tone="paused" />{{ reason.name }}</span>
          </button>
        }
        <button mat-menu-item type="button" role="menuitemradio" [attr.aria-checked]="presence.tone() === 'offline'" (click)="presence.set({ status: 'offline' })" data-testid="presence-set-offline">
          <span class="status"><sb-presence-dot tone="offline" />Offline</span>
        </button>
        @if (current.channels.length) {
          <mat-divider />
          <!-- A click inside a mat-menu closes it: the switches keep it open. -->
          <div class="channels" role="group" aria-labelledby="presence-channels-title" (click)="$event.stopPropagation()" (keydown.enter)="$event.stopPropagation()" tabindex="-1">
            <span id="presence-channels-title" class="heading">Channels</span>
            @for (entry of current.channels; track entry.channel) {
              <mat-slide-toggle [checked]="entry.enabled" (change)="toggle(entry.channel, $event)" [attr.data-testid]="'presence-channel-' + entry.channel">
                {{ channelLabels[entry.channel] }}
              </mat-slide-toggle>
            }
          </div>
        }
      </mat-menu>
    }
  `,
  styles: `
    .status { display: inline-flex; align-items: center; gap: 8px; }
    .channels { display: flex; flex-direction: column; gap: 8px; padding: 8px 16px 12px; }
    .heading { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
    .reasons { display: block; padding: 8px 16px 0; }
    [aria-checked='true'] { font-weight: 500; background: var(--mat-sys-secondary-container); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PresenceControlComponent {
  protected readonly presence = inject(PresenceService);
  protected readonly channelLabels = CHANNEL_LABELS;

  /** A pause with a reason, or without one ("Away"). */
  protected pause(reason: PauseReason | null): void {
    void this.presence.set({ status: PresenceStatus.Paused, pauseReasonId: reason?.id ?? null });
  }

  protected async toggle(channel: StaffChannel, event: MatSlideToggleChange): Promise<void> {
    // A refused switch flips back: the signal did not change, so the binding would not.
    if (!(await this.presence.setChannel(channel, event.checked))) event.source.checked = !event.checked;
  }
}
