type Area = 'localStorage' | 'sessionStorage';

/**
 * Web storage that never throws: it is off in some private modes and sandboxed frames, and
 * touching it then throws. Without it the chat still works, it just does not survive a navigation.
 */
export function load<T>(area: Area, key: string, fallback: T): T {
  try {
    const raw = window[area].getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

/** Stores `value` as JSON; null or undefined removes the key. */
export function save(area: Area, key: string, value: unknown): void {
  try {
    if (value == null) window[area].removeItem(key);
    else window[area].setItem(key, JSON.stringify(value));
  } catch {
    // Storage off or full: see load().
  }
}
