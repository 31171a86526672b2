import type { ChatVisit, VisitedPage } from '@switchboard/contracts';

/** Pages of a visit kept (the widget keeps as many). */
export const VISIT_PAGES_MAX = 50;
const URL_MAX = 2000;
const TITLE_MAX = 200;

const webUrl = (value: unknown): string | null => {
  if (typeof value !== 'string' || value.length > URL_MAX) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
};

/** An ISO instant not in the future (a browser's clock may run ahead a little: clamped). */
const instant = (value: unknown, now: number): string | null => {
  if (typeof value !== 'string' || value.length > 40) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(Math.min(time, now)).toISOString();
};

/** A visit as agents are shown it. */
export interface Visit {
  startedAt: string;
  referrer: string | null;
  pages: VisitedPage[];
}

/**
 * The visit a widget reported in its handshake, bounded and cleaned: what a browser says about
 * itself is shown to agents as text, so it only has to be well-formed, not true. Anything
 * malformed is dropped; the page of this connection is always the last one.
 */
export function visitOf(reported: unknown, currentPage: string | undefined, now = Date.now()): Visit {
  const visit = (reported && typeof reported === 'object' ? reported : {}) as Partial<Record<keyof ChatVisit, unknown>>;
  const pages: VisitedPage[] = (Array.isArray(visit.pages) ? visit.pages.slice(-VISIT_PAGES_MAX) : []).flatMap((page: unknown) => {
    const { url, title, at } = (page && typeof page === 'object' ? page : {}) as Record<string, unknown>;
    const href = webUrl(url);
    const when = instant(at, now);
    return href && when ? [{ url: href, title: typeof title === 'string' && title.trim() ? title.trim().slice(0, TITLE_MAX) : null, at: when }] : [];
  });
  const current = webUrl(currentPage);
  if (current && pages[pages.length - 1]?.url !== current) pages.push({ url: current, title: null, at: new Date(now).toISOString() });
  return {
    startedAt: instant(visit.startedAt, now) ?? pages[0]?.at ?? new Date(now).toISOString(),
    referrer: webUrl(visit.referrer),
    pages: pages.slice(-VISIT_PAGES_MAX),
  };
}
