import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatChipsModule } from '@angular/material/chips';
import { MatTableModule } from '@angular/material/table';
import type { ChannelCapabilities, ChannelSummary } from '@switchboard/contracts';

const CAPABILITY_LABELS: Record<keyof ChannelCapabilities, string> = {
  realtime: 'Real time',
  threads: 'Threads',
  attachments: 'Attachments',
  typing: 'Typing',
  voiceMedia: 'Voice',
};

/** The channel plugins this server runs. */
@Component({
  selector: 'sb-channels-page',
  imports: [MatTableModule, MatChipsModule],
  template: `
    <h1>Channels</h1>
    @if (channels(); as list) {
      @if (list.length) {
        <table mat-table [dataSource]="list" class="mat-elevation-z0">
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef>Channel</th>
            <td mat-cell *matCellDef="let channel">{{ channel.displayName }} <small>({{ channel.id }})</small></td>
          </ng-container>
          <ng-container matColumnDef="capabilities">
            <th mat-header-cell *matHeaderCellDef>Capabilities</th>
            <td mat-cell *matCellDef="let channel">
              <mat-chip-set>
                @for (label of capabilities(channel); track label) {
                  <mat-chip>{{ label }}</mat-chip>
                }
              </mat-chip-set>
            </td>
          </ng-container>
          <ng-container matColumnDef="capacity">
            <th mat-header-cell *matHeaderCellDef>Default capacity</th>
            <td mat-cell *matCellDef="let channel">{{ channel.defaultCapacity || 'Unlimited' }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      } @else {
        <p data-testid="no-channels">No channel plugin is loaded. Install one under plugins/ and list it in apps/api/src/plugins.ts.</p>
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChannelsPageComponent {
  protected readonly columns = ['name', 'capabilities', 'capacity'];
  protected readonly channels = toSignal(inject(HttpClient).get<ChannelSummary[]>('/api/v1/channels'));

  protected capabilities(channel: ChannelSummary): string[] {
    return (Object.keys(CAPABILITY_LABELS) as Array<keyof ChannelCapabilities>)
      .filter((key) => channel.capabilities[key])
      .map((key) => CAPABILITY_LABELS[key]);
  }
}
