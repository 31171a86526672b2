import type { ChatVisit } from '@switchboard/contracts';
import { load, save } from './storage';

/** A visit ends after this long without a page view (as analytics tools count them). */
const IDLE_MS = 30 * 60_000;
/** Pages of a visit kept (the server keeps as many). */
const PAGES_MAX = 50;
const URL_MAX = 1000;

interface StoredVisit extends ChatVisit {
  lastAt: string;
}

/**
 * Records this page view in the visit (localStorage, so every tab of the site shares it) and
 * answers the visit as the handshake reports it to the agents' visitor tracking.
 */
export function recordVisit(key: string): ChatVisit {
  const now = new Date().toISOString();
  let visit = load<StoredVisit | null>('localStorage', key, null);
  if (!visit || !Array.isArray(visit.pages) || Date.now() - Date.parse(visit.lastAt) > IDLE_MS) {
    visit = { startedAt: now, referrer: document.referrer ? document.referrer.slice(0, URL_MAX) : null, pages: [], lastAt: now };
  }
  visit.pages = [...visit.pages, { url: location.href.slice(0, URL_MAX), title: document.title.slice(0, 200) || null, at: now }].slice(-PAGES_MAX);
  visit.lastAt = now;
  save('localStorage', key, visit);
  return { startedAt: visit.startedAt, referrer: visit.referrer, pages: visit.pages };
}
