import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { PresenceTone } from '../core/presence.service';

/** The coloured dot of a presence status (green online, amber paused or away, grey offline). */
@Component({
  selector: 'sb-presence-dot',
  template: '',
  host: { '[class]': "'dot ' + tone()", 'aria-hidden': 'true' },
  styles: `
    :host { display: inline-block; flex: none; width: 10px; height: 10px; border-radius: 50%; box-sizing: border-box; }
    :host(.online) { background: #2e7d32; }
    :host(.paused) { background: #ef6c00; }
    :host(.away) { background: #f9a825; }
    :host(.offline) { border: 2px solid var(--mat-sys-outline); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PresenceDotComponent {
  readonly tone = input.required<PresenceTone>();
}
