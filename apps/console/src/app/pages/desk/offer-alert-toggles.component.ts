import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatSlideToggleModule, type MatSlideToggleChange } from '@angular/material/slide-toggle';
import { OfferAlertService } from './offer-alert.service';

/** The desk header's switches: a sound, and a browser notification while the tab is hidden, for each new offer. */
@Component({
  selector: 'sb-offer-alert-toggles',
  imports: [MatSlideToggleModule],
  template: `
    <div class="toggles" role="group" aria-label="New offer alerts">
      <mat-slide-toggle [checked]="alerts.sound()" (change)="alerts.setSound($event.checked)" data-testid="desk-sound-toggle">Sound</mat-slide-toggle>
      <mat-slide-toggle [checked]="alerts.notify()" (change)="setNotify($event)" data-testid="desk-notify-toggle">Notifications</mat-slide-toggle>
    </div>
  `,
  styles: `
    .toggles { display: flex; flex-wrap: wrap; gap: 16px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OfferAlertTogglesComponent {
  protected readonly alerts = inject(OfferAlertService);

  /** A refusal (no permission, no support) puts the switch back, even when its binding did not change. */
  protected async setNotify(event: MatSlideToggleChange): Promise<void> {
    await this.alerts.setNotify(event.checked);
    event.source.checked = this.alerts.notify();
  }
}
