/**
 * URL patterns of routing rules (seeds 000 and 003): `*` stands for any run of characters,
 * everything else is literal. A pattern with a scheme (`https://…`) is matched against the whole
 * address; one without, against the address without its scheme — so `shop.example.com/*` matches
 * `https://shop.example.com/cart?x=1`. Host names compare without regard to case; the fragment
 * (`#…`) never counts.
 */
export function urlMatcher(pattern: string): (forms: UrlForms) => boolean {
  const source = pattern
    .trim()
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const regex = new RegExp(`^${source}$`, 'i');
  const withScheme = pattern.includes('://');
  return (forms) => regex.test(withScheme ? forms.full : forms.bare);
}

export interface UrlForms {
  full: string;
  bare: string;
}

/** The forms of a page address a pattern is matched against: with and without the scheme. */
export function urlForms(url: string): UrlForms | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const rest = `${parsed.host}${parsed.pathname}${parsed.search}`;
  return { full: `${parsed.protocol}//${rest}`, bare: rest };
}

/** A pattern is usable when it is non-empty, has no spaces, and is at most 500 characters. */
export function patternProblem(pattern: string): string | null {
  const trimmed = pattern.trim();
  if (!trimmed) return 'A pattern may not be empty';
  if (/\s/.test(trimmed)) return 'A pattern may not contain spaces';
  if (trimmed.length > 500) return 'A pattern may be at most 500 characters';
  return null;
}
