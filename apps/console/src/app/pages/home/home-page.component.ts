import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import type { HealthResponse } from '@switchboard/contracts';
import { catchError, of } from 'rxjs';
import { AuthService } from '../../core/auth.service';

/** The landing page: who is signed in and whether the server's dependencies are up. */
@Component({
  selector: 'sb-home-page',
  imports: [MatCardModule, MatIconModule],
  template: `
    <h1>Welcome, {{ auth.user()?.fullName }}</h1>
    <mat-card appearance="outlined" class="status">
      <mat-card-header><mat-card-title>System status</mat-card-title></mat-card-header>
      <mat-card-content>
        @if (health(); as report) {
          <p>Version {{ report.version }}, {{ report.mode }} mode</p>
          <ul>
            @for (entry of entries(report); track entry.name) {
              <li>
                <mat-icon [class.down]="entry.status !== 'up'">{{ entry.status === 'up' ? 'check_circle' : 'error' }}</mat-icon>
                {{ entry.name }} ({{ entry.kind }}): {{ entry.status }}
              </li>
            }
          </ul>
        } @else {
          <p>Checking…</p>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .status { max-width: 480px; }
    ul { list-style: none; padding: 0; }
    li { display: flex; align-items: center; gap: 8px; }
    mat-icon { color: var(--mat-sys-primary); }
    mat-icon.down { color: var(--mat-sys-error); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePageComponent {
  protected readonly auth = inject(AuthService);
  // A 503 still carries the report; show it rather than nothing.
  protected readonly health = toSignal(
    inject(HttpClient)
      .get<HealthResponse>('/api/health')
      .pipe(catchError((error: { error?: HealthResponse }) => of(error.error ?? null))),
  );

  protected entries(report: HealthResponse) {
    return Object.entries(report.details).map(([name, detail]) => ({ name, ...detail }));
  }
}
