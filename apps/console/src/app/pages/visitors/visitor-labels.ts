import type { OnlineVisitor } from '@switchboard/contracts';

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * How long a visitor has been on the site: `mm:ss` under an hour, `h:mm` from then on. The start
 * is the visitor's browser's clock: a start in the future counts as just now.
 */
export function timeOnSite(startedAt: string, now: number): string {
  const started = Date.parse(startedAt);
  const seconds = Number.isFinite(started) ? Math.max(0, Math.floor((now - started) / 1000)) : 0;
  if (seconds < 3600) return `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`;
  const minutes = Math.floor(seconds / 60);
  return `${Math.floor(minutes / 60)}:${pad(minutes % 60)}`;
}

/** A few characters of the visitor's id that tell anonymous visitors apart (`visitor:Ab3dE…` → `Ab3dE9`). */
export function shortVisitorId(id: string): string {
  return id.slice(id.lastIndexOf(':') + 1).slice(0, 6);
}

/** The visitor's name, or "Visitor" and their short id. */
export function visitorLabel(visitor: Pick<OnlineVisitor, 'id' | 'name'>): string {
  return visitor.name?.trim() || `Visitor ${shortVisitorId(visitor.id)}`;
}

/** Why the visitor cannot be invited now, or '' when they can. */
export function inviteBlocker(visitor: Pick<OnlineVisitor, 'interactionId' | 'invited'>): string {
  if (visitor.interactionId) return 'Already in a chat';
  if (visitor.invited) return 'An invitation is on their screen';
  return '';
}
