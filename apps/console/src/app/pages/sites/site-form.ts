import { FormArray, FormControl, FormGroup, Validators, type AbstractControl, type NonNullableFormBuilder, type ValidationErrors } from '@angular/forms';
import {
  DEFAULT_PRE_CHAT_FIELDS,
  WEEKDAYS,
  type BusinessHours,
  type OpeningPeriod,
  type PreChatField,
  type PreChatFieldType,
  type Site,
  type SiteRequest,
  type Weekday,
} from '@switchboard/contracts';
import type { BoardPerson } from '../../shared/agent-board.component';
import { priorityAgents } from '../../shared/priority-board';
import { fieldErrors, markServerError } from '../../shared/server-errors';
import { splitLines } from '../../shared/text-lines';

/** The server's rule for a pre-chat key (at most 40 characters). */
export const PRE_CHAT_KEY = /^[a-z][a-z0-9_-]{0,39}$/;
/** The server's limit of pre-chat fields. */
export const MAX_PRE_CHAT_FIELDS = 20;
/** What "Always open" turned off starts from when no day has a period yet. */
const OFFICE_HOURS: OpeningPeriod = { open: '09:00', close: '17:00' };

export type PreChatRow = FormGroup<{
  key: FormControl<string>;
  label: FormControl<string>;
  type: FormControl<PreChatFieldType>;
  required: FormControl<boolean>;
}>;
export type PeriodRow = FormGroup<{ open: FormControl<string>; close: FormControl<string> }>;
export type DaysGroup = FormGroup<Record<Weekday, FormArray<PeriodRow>>>;

/** Keys appear once in the form (the server refuses duplicates for the whole list). */
function uniqueKeys(control: AbstractControl): ValidationErrors | null {
  const keys = (control as FormArray<PreChatRow>).controls.map((row) => row.controls.key.value.trim()).filter(Boolean);
  const twice = keys.filter((key, index) => keys.indexOf(key) !== index);
  return twice.length ? { duplicateKeys: [...new Set(twice)] } : null;
}

function opensBeforeCloses(control: AbstractControl): ValidationErrors | null {
  const { open, close } = (control as PeriodRow).getRawValue();
  return open && close && open >= close ? { order: true } : null;
}

function knownTimeZone(control: AbstractControl<string>): ValidationErrors | null {
  const zone = control.value?.trim();
  if (!zone) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return null;
  } catch {
    return { timezone: true };
  }
}

export function preChatRow(field: PreChatField = { key: '', label: '', type: 'text', required: false }): PreChatRow {
  return new FormGroup({
    key: new FormControl(field.key, { nonNullable: true, validators: [Validators.required, Validators.pattern(PRE_CHAT_KEY)] }),
    label: new FormControl(field.label, { nonNullable: true, validators: [Validators.required, Validators.maxLength(100)] }),
    type: new FormControl(field.type, { nonNullable: true }),
    required: new FormControl(field.required, { nonNullable: true }),
  });
}

export function periodRow(period: OpeningPeriod = OFFICE_HOURS): PeriodRow {
  return new FormGroup(
    {
      open: new FormControl(period.open, { nonNullable: true, validators: Validators.required }),
      close: new FormControl(period.close, { nonNullable: true, validators: Validators.required }),
    },
    { validators: opensBeforeCloses },
  );
}

/** The browser's zone: where a new schedule most likely applies. */
function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A site's fields the form holds; its agents and offline recipients are kept by the page's boards. */
export function siteForm(fb: NonNullableFormBuilder) {
  const days = new FormGroup(Object.fromEntries(WEEKDAYS.map((day) => [day, new FormArray<PeriodRow>([])])) as Record<Weekday, FormArray<PeriodRow>>);
  const form = fb.group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
    url: ['', [Validators.required, Validators.maxLength(2000)]],
    description: ['', Validators.maxLength(1000)],
    enabled: [true],
    allowedOrigins: [''],
    /** A layout name; null = the default layout. */
    layout: fb.control<string | null>(null),
    preChatFields: new FormArray<PreChatRow>([], { validators: uniqueKeys }),
    businessHours: fb.group({
      alwaysOpen: [true],
      timezone: [localTimeZone(), [Validators.required, Validators.maxLength(100), knownTimeZone]],
      days,
    }),
  });
  fillSiteForm(form, null);
  // The schedule counts only when the site is not always open: hidden, it neither validates nor saves.
  form.controls.businessHours.controls.alwaysOpen.valueChanges.subscribe(() => syncSchedule(form));
  return form;
}

export type SiteForm = ReturnType<typeof siteForm>;

function syncSchedule(form: SiteForm): void {
  const { alwaysOpen, timezone, days } = form.controls.businessHours.controls;
  for (const control of [timezone, days]) {
    if (alwaysOpen.value) control.disable();
    else control.enable();
  }
}

/** Turning "Always open" off with an empty week starts from office hours, Monday to Friday. */
export function startSchedule(days: DaysGroup): void {
  if (WEEKDAYS.some((day) => days.controls[day].length)) return;
  for (const day of WEEKDAYS.slice(0, 5)) days.controls[day].push(periodRow());
}

/** Shows a saved site, or a new one's defaults (`null`). */
export function fillSiteForm(form: SiteForm, site: Site | null): void {
  const hours = site?.businessHours ?? null;
  const { preChatFields, businessHours } = form.controls;
  // Rows first: a row added to a disabled array would enable it again.
  preChatFields.clear();
  for (const field of site ? site.preChatFields : DEFAULT_PRE_CHAT_FIELDS) preChatFields.push(preChatRow(field));
  for (const day of WEEKDAYS) {
    const periods = businessHours.controls.days.controls[day];
    periods.clear();
    for (const period of hours?.days[day] ?? []) periods.push(periodRow(period));
  }
  form.reset({
    name: site?.name ?? '',
    url: site?.url ?? '',
    description: site?.description ?? '',
    enabled: site?.enabled ?? true,
    allowedOrigins: site?.allowedOrigins.join('\n') ?? '',
    layout: site?.layout ?? null,
    businessHours: { alwaysOpen: !hours, timezone: hours?.timezone ?? localTimeZone() },
  });
  syncSchedule(form);
}

export function siteRequest(form: SiteForm, board: BoardPerson[][], recipientIds: string[]): SiteRequest {
  const value = form.getRawValue();
  const hours = value.businessHours;
  return {
    name: value.name.trim(),
    url: value.url.trim(),
    description: value.description.trim() || null,
    allowedOrigins: splitLines(value.allowedOrigins),
    layout: value.layout,
    agents: priorityAgents(board),
    offlineRecipientIds: recipientIds,
    preChatFields: value.preChatFields.map((field) => ({ ...field, key: field.key.trim(), label: field.label.trim() })),
    businessHours: hours.alwaysOpen ? null : ({ timezone: hours.timezone.trim(), days: hours.days } satisfies BusinessHours),
    enabled: value.enabled,
  };
}

/**
 * Server messages without a control of their own, by section: `agents`, `offlineRecipientIds`,
 * `preChatFields`, `businessHours`, `businessHours.days.<day>`, and `form` for the rest.
 */
export type SiteErrors = Partial<Record<string, string>>;

const SECTIONS = [...WEEKDAYS.map((day) => `businessHours.days.${day}`), 'businessHours', 'preChatFields', 'agents', 'offlineRecipientIds'];

/**
 * Puts a failed save's field messages where they belong: on the control the field names
 * (`name`, `preChatFields.1.key`, `businessHours.timezone`…), on the origins box naming the
 * origin for `allowedOrigins.N`, and otherwise in the returned section messages.
 */
export function applySiteErrors(form: SiteForm, error: unknown): SiteErrors {
  const errors: SiteErrors = {};
  const origins = splitLines(form.controls.allowedOrigins.value);
  for (const { field, messages } of fieldErrors(error)) {
    const text = messages.join(' ');
    const origin = /^allowedOrigins(?:\.(\d+))?$/.exec(field);
    const control = form.get(field);
    if (origin) {
      const named = origin[1] === undefined ? undefined : origins[Number(origin[1])];
      markServerError(form.controls.allowedOrigins, named === undefined || text.includes(named) ? text : `"${named}": ${text}`);
    } else if (control instanceof FormControl) {
      markServerError(control, text);
    } else {
      const section = SECTIONS.find((name) => field === name || field.startsWith(`${name}.`)) ?? 'form';
      errors[section] = errors[section] ? `${errors[section]} ${text}` : text;
    }
  }
  return errors;
}
