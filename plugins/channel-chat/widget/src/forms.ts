import type { PreChatField } from '@switchboard/contracts';
import { el } from './dom';
import type { Words } from './i18n';

// Mirrors CHAT_MESSAGE_MAX of @switchboard/contracts (a runtime import would bundle its index).
export const MESSAGE_MAX = 4000;

const INPUT_TYPES: Record<PreChatField['type'], string> = { name: 'text', email: 'email', phone: 'tel', text: 'text', textarea: '' };
const AUTOCOMPLETE: Partial<Record<PreChatField['type'], string>> = { name: 'name', email: 'email', phone: 'tel' };

export interface FieldsForm {
  form: HTMLFormElement;
  /** The answers by field key, and the message. */
  values(): { fields: Record<string, string>; body: string };
  /** Shows a server error next to its field (`fields.<key>` or `body`); false when no field matches. */
  fieldError(field: string | undefined, message: string): boolean;
  clearErrors(): void;
  busy(on: boolean): void;
}

/**
 * The pre-chat form (and the offline form, the same fields): the site's questions, then the first
 * message. The browser checks `required` and e-mail formats before submit; the server's verdict
 * comes back through `fieldError`.
 */
export function fieldsForm(t: Words, id: string, fields: readonly PreChatField[], submit: { label: string; testId: string }, intro: string | null, onSubmit: () => void): FieldsForm {
  const errors = new Map<string, HTMLElement>();
  const controls = new Map<string, HTMLInputElement | HTMLTextAreaElement>();
  const row = (key: string, label: string, required: boolean, control: HTMLInputElement | HTMLTextAreaElement, testId: string) => {
    const controlId = `${id}-${key}`;
    const error = el('span', { class: 'field-error', id: `${controlId}-error`, 'aria-live': 'polite' });
    Object.assign(control, { id: controlId, required });
    control.setAttribute('data-testid', testId);
    control.setAttribute('aria-describedby', error.id);
    errors.set(key, error);
    controls.set(key, control);
    return el('div', { class: 'field' }, el('label', { for: controlId }, label, required ? el('span', { class: 'req' }, ` * ${t.required}`) : null), control, error);
  };
  const body = el('textarea', { rows: 3, maxlength: MESSAGE_MAX });
  const button = el('button', { type: 'submit', class: 'primary', 'data-testid': submit.testId }, submit.label);
  const form = el(
    'form',
    { class: 'fields', onsubmit: (event) => (event.preventDefault(), onSubmit()) },
    intro ? el('p', { class: 'intro' }, intro) : null,
    ...fields.map((field) => {
      const control = field.type === 'textarea' ? el('textarea', { rows: 2, maxlength: 500 }) : el('input', { type: INPUT_TYPES[field.type], maxlength: 500, autocomplete: AUTOCOMPLETE[field.type] ?? 'off' });
      return row(field.key, field.label, field.required, control, `sb-field-${field.key}`);
    }),
    // '-body' cannot be a site's field key (those start with a letter).
    row('-body', t.message, true, body, 'sb-input'),
    button,
  );
  const clearErrors = () => {
    for (const [key, error] of errors) {
      error.textContent = '';
      controls.get(key)?.removeAttribute('aria-invalid');
    }
  };
  return {
    form,
    values: () => ({
      fields: Object.fromEntries(fields.map((field) => [field.key, controls.get(field.key)?.value.trim() ?? ''])),
      body: body.value.trim(),
    }),
    fieldError(field, message) {
      // The server names a pre-chat answer `fields.<key>` and the message `body`.
      const key = field === 'body' ? '-body' : field?.startsWith('fields.') ? field.slice(7) : '';
      const error = errors.get(key);
      if (!error) return false;
      error.textContent = message;
      const control = controls.get(key);
      control?.setAttribute('aria-invalid', 'true');
      control?.focus();
      return true;
    },
    clearErrors,
    busy(on) {
      button.disabled = on;
    },
  };
}
