import type { Page } from './paging';

/**
 * A person who contacts the center (visitor, caller, e-mail sender). Their name, phone and
 * e-mail are personal data: for an agent with "Mask Sensitive Data" on, every API response and
 * socket event masks them (see `maskSensitive`).
 */
export interface Contact {
  id: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  createdAt: string;
  updatedAt: string;
}

/** `POST /api/v1/contacts` and `PATCH /api/v1/contacts/:id`. */
export interface SaveContactRequest {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
}

export type ContactPage = Page<Contact>;

/** The fields of a contact (and of an interaction's contact) that masking hides. */
export const CONTACT_PERSONAL_FIELDS = ['name', 'phone', 'email', 'contactName', 'contactAddress'] as const;
/** Fields holding a map of the contact's own answers (a pre-chat form's): every value is masked. */
export const CONTACT_PERSONAL_MAPS = ['contactFields'] as const;

/** Marks an object as holding a contact's personal data; invisible in JSON. */
const PERSONAL_DATA = Symbol.for('switchboard.personalData');

/**
 * Brands a contact view so that masking finds it wherever it travels (inside pages, events,
 * interactions). Every module that hands out contact data builds it with this.
 */
export function personalData<T extends object>(view: T): T {
  Object.defineProperty(view, PERSONAL_DATA, { value: true, enumerable: false });
  return view;
}

/** "+420601234567" → "*********4567": all but the last `visible` characters become `*`. */
export function maskText(value: string, visible: number): string {
  const chars = [...value];
  const keep = Math.min(visible, Math.max(chars.length - 1, 0));
  return '*'.repeat(chars.length - keep) + chars.slice(chars.length - keep).join('');
}

/**
 * A copy of `payload` with the personal fields of every branded contact masked. Plain data
 * only (objects, arrays, primitives); dates and other class instances pass through.
 */
export function maskSensitive<T>(payload: T, visible: number): T {
  return maskNode(payload, visible) as T;
}

function maskNode(node: unknown, visible: number): unknown {
  if (Array.isArray(node)) return node.map((item) => maskNode(item, visible));
  if (node === null || typeof node !== 'object') return node;
  const prototype = Object.getPrototypeOf(node);
  if (prototype !== Object.prototype && prototype !== null) return node;
  const branded = (node as Record<symbol, unknown>)[PERSONAL_DATA] === true;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (branded && typeof value === 'string' && (CONTACT_PERSONAL_FIELDS as readonly string[]).includes(key)) copy[key] = maskText(value, visible);
    else if (branded && value && typeof value === 'object' && (CONTACT_PERSONAL_MAPS as readonly string[]).includes(key)) {
      copy[key] = Object.fromEntries(Object.entries(value).map(([name, answer]) => [name, typeof answer === 'string' ? maskText(answer, visible) : answer]));
    } else copy[key] = maskNode(value, visible);
  }
  return copy;
}
