import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule, type FormGroup, type FormControl, type ValidationErrors } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { WEEKDAYS, type Weekday } from '@switchboard/contracts';
import { watchForm } from '../../shared/form-signals';
import { validationMessage } from '../../shared/server-errors';
import { periodRow, startSchedule, type DaysGroup, type PeriodRow, type SiteErrors } from './site-form';

const DAY_LABELS: Record<Weekday, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

export type HoursGroup = FormGroup<{ alwaysOpen: FormControl<boolean>; timezone: FormControl<string>; days: DaysGroup }>;

/** When the chat is staffed: always, or per weekday periods in one time zone. */
@Component({
  selector: 'sb-business-hours',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSlideToggleModule],
  template: `
    <div class="hours" [formGroup]="hours()">
      <mat-slide-toggle formControlName="alwaysOpen" (change)="alwaysOpenChanged($event.checked)" data-testid="hours-always-open">Always open</mat-slide-toggle>
      @if (view().alwaysOpen) {
        <p class="explain">The chat box offers a chat at any time. Turn this off to set opening hours; outside them visitors can leave a message.</p>
      } @else {
        <mat-form-field appearance="outline" class="zone">
          <mat-label>Time zone</mat-label>
          <input matInput formControlName="timezone" required autocomplete="off" spellcheck="false" data-testid="hours-timezone" />
          <mat-hint>The hours below are in this zone, e.g. Europe/Prague</mat-hint>
          <mat-error data-testid="hours-timezone-error">{{ zoneMessage(hours().controls.timezone.errors) }}</mat-error>
        </mat-form-field>
        <div class="days" role="list" aria-label="Opening hours by day">
          @for (day of weekdays; track day) {
            <div class="day" role="listitem" [attr.data-testid]="'hours-' + day">
              <span class="name">{{ dayLabels[day] }}</span>
              <div class="periods">
                @for (period of view().days[day]; track period; let index = $index) {
                  <div class="period" [formGroup]="period">
                    <mat-form-field appearance="outline" subscriptSizing="dynamic">
                      <mat-label>Opens</mat-label>
                      <input matInput type="time" formControlName="open" required [attr.data-testid]="'hours-' + day + '-open-' + index" />
                    </mat-form-field>
                    <mat-form-field appearance="outline" subscriptSizing="dynamic">
                      <mat-label>Closes</mat-label>
                      <input matInput type="time" formControlName="close" required [attr.data-testid]="'hours-' + day + '-close-' + index" />
                    </mat-form-field>
                    <button mat-icon-button type="button" (click)="remove(day, index)" [attr.aria-label]="'Remove period ' + (index + 1) + ' of ' + dayLabels[day]" [attr.data-testid]="'hours-' + day + '-remove-' + index">
                      <mat-icon>close</mat-icon>
                    </button>
                    @if (period.errors?.['order']) {
                      <span class="sb-error-text" role="alert">Must open before it closes</span>
                    }
                  </div>
                } @empty {
                  <span class="closed">Closed</span>
                }
                @if (errors()['businessHours.days.' + day]; as dayError) {
                  <span class="sb-error-text" role="alert" [attr.data-testid]="'hours-' + day + '-error'">{{ dayError }}</span>
                }
              </div>
              <button mat-icon-button type="button" (click)="add(day)" [attr.aria-label]="'Add a period on ' + dayLabels[day]" [attr.data-testid]="'hours-' + day + '-add'">
                <mat-icon>add</mat-icon>
              </button>
            </div>
          }
        </div>
      }
      @if (errors()['businessHours']; as hoursError) {
        <p class="sb-error-text" role="alert" data-testid="hours-error">{{ hoursError }}</p>
      }
    </div>
  `,
  styles: `
    .hours { display: flex; flex-direction: column; gap: 12px; }
    .explain { margin: 0; color: var(--mat-sys-on-surface-variant); }
    .zone { max-width: 420px; }
    .days { display: flex; flex-direction: column; }
    .day { display: grid; grid-template-columns: 7rem minmax(0, 1fr) auto; gap: 12px; align-items: center; padding: 6px 0; border-top: 1px solid var(--mat-sys-outline-variant); }
    .name { font: var(--mat-sys-title-small); }
    .periods { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; }
    .period { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; }
    .period mat-form-field { width: 130px; }
    .closed { color: var(--mat-sys-on-surface-variant); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BusinessHoursComponent {
  readonly hours = input.required<HoursGroup>();
  /** The server's messages by section (`businessHours`, `businessHours.days.<day>`). */
  readonly errors = input<SiteErrors>({});

  protected readonly view = watchForm(this.hours, (hours) => ({
    alwaysOpen: hours.controls.alwaysOpen.value,
    days: Object.fromEntries(WEEKDAYS.map((day) => [day, [...hours.controls.days.controls[day].controls]])) as Record<Weekday, PeriodRow[]>,
  }));
  protected readonly weekdays = WEEKDAYS;
  protected readonly dayLabels = DAY_LABELS;

  protected zoneMessage(errors: ValidationErrors | null): string {
    return errors?.['timezone'] ? 'Not a time zone this browser knows, e.g. Europe/Prague' : validationMessage(errors);
  }

  protected alwaysOpenChanged(open: boolean): void {
    if (!open) startSchedule(this.hours().controls.days);
  }

  protected add(day: Weekday): void {
    const periods = this.hours().controls.days.controls[day];
    const last = periods.length ? periods.at(periods.length - 1).getRawValue() : null;
    // After an existing period, the next one starts where it closed.
    periods.push(last ? periodRow({ open: last.close, close: '23:59' }) : periodRow());
    periods.markAsDirty();
  }

  protected remove(day: Weekday, index: number): void {
    const periods = this.hours().controls.days.controls[day];
    periods.removeAt(index);
    periods.markAsDirty();
  }
}
