import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { STAFF_CHANNELS } from '@switchboard/contracts';
import { CHANNEL_ICONS, CHANNEL_LABELS } from '../../../shared/labels';
import { validationMessage } from '../../../shared/server-errors';
import type { AgentForm } from './agent-form';

/** The Other Channels tab: capacity and auto answer per channel, and the tab limit. */
@Component({
  selector: 'sb-agent-channels-tab',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSlideToggleModule, MatIconModule],
  template: `
    @let f = form();
    <div [formGroup]="f" class="tab">
      <p class="intro">
        Capacity is the most interactions of a channel the agent handles at once (0 = unlimited; voice is 0 or 1). Auto answer accepts an offer
        after the delay without the agent clicking.
      </p>
      <table class="channels" aria-label="Capacity and auto answer per channel">
        <thead>
          <tr>
            <th scope="col">Channel</th>
            <th scope="col">Capacity</th>
            <th scope="col">Auto answer</th>
            <th scope="col">Delay (seconds)</th>
          </tr>
        </thead>
        <tbody>
          @for (channel of channels; track channel) {
            <tr [attr.data-testid]="'channel-row-' + channel">
              <th scope="row">
                <mat-icon aria-hidden="true">{{ icons[channel] }}</mat-icon>
                {{ labels[channel] }}
              </th>
              <td formGroupName="capacity">
                <mat-form-field appearance="outline" subscriptSizing="dynamic">
                  <input
                    matInput
                    type="number"
                    min="0"
                    [max]="channel === 'voice' ? 1 : null"
                    [formControlName]="channel"
                    [attr.aria-label]="labels[channel] + ' capacity'"
                    [attr.data-testid]="'capacity-' + channel"
                  />
                  <mat-error>{{ errorOf('capacity.' + channel) }}</mat-error>
                </mat-form-field>
              </td>
              <ng-container formGroupName="autoAnswer">
                <ng-container [formGroupName]="channel">
                <td>
                  <mat-slide-toggle formControlName="enabled" [attr.data-testid]="'auto-answer-' + channel">
                    <span class="cdk-visually-hidden">Auto answer {{ labels[channel] }}</span>
                  </mat-slide-toggle>
                </td>
                <td>
                  <mat-form-field appearance="outline" subscriptSizing="dynamic">
                    <input
                      matInput
                      type="number"
                      min="0"
                      formControlName="delaySeconds"
                      [attr.aria-label]="labels[channel] + ' auto answer delay in seconds'"
                      [attr.data-testid]="'auto-answer-delay-' + channel"
                    />
                    <mat-error>{{ errorOf('autoAnswer.' + channel + '.delaySeconds') }}</mat-error>
                  </mat-form-field>
                </td>
                </ng-container>
              </ng-container>
            </tr>
          }
        </tbody>
      </table>
      <mat-form-field appearance="outline" class="tab-limit" subscriptSizing="dynamic">
        <mat-label>Tab limit</mat-label>
        <input matInput type="number" min="0" formControlName="tabLimit" data-testid="agent-tabLimit" />
        <mat-hint>Most open interactions across all channels (0 = unlimited)</mat-hint>
        <mat-error>{{ errorOf('tabLimit') }}</mat-error>
      </mat-form-field>
    </div>
  `,
  styles: `
    .tab { padding-top: 16px; }
    .intro { color: var(--mat-sys-on-surface-variant); max-width: 720px; }
    .channels { border-collapse: collapse; margin-bottom: 24px; }
    .channels th, .channels td { padding: 4px 12px; text-align: left; vertical-align: middle; }
    .channels thead th { font: var(--mat-sys-title-small); }
    .channels th[scope='row'] mat-icon { font-size: 20px; width: 20px; height: 20px; }
    .channels th[scope='row'] { display: flex; align-items: center; gap: 8px; font-weight: 500; min-height: 56px; }
    .channels mat-form-field { width: 120px; }
    .tab-limit { width: 320px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgentChannelsTabComponent {
  readonly form = input.required<AgentForm>();
  protected readonly channels = STAFF_CHANNELS;
  protected readonly labels = CHANNEL_LABELS;
  protected readonly icons = CHANNEL_ICONS;

  protected errorOf(path: string): string {
    return validationMessage(this.form().get(path)?.errors ?? null, { pattern: 'Enter a whole number' });
  }
}
