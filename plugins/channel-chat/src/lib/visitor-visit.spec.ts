import { visitOf, VISIT_PAGES_MAX } from './visitor-visit';

const NOW = Date.parse('2026-11-22T10:00:00.000Z');

describe('the visit a widget reports', () => {
  it('keeps well-formed pages, drops the rest, and ends with the page of this connection', () => {
    const visit = visitOf(
      {
        startedAt: '2026-11-22T09:30:00.000Z',
        referrer: 'https://search.example.net/?q=shoes',
        pages: [
          { url: 'https://shop.example.com/', title: 'Home', at: '2026-11-22T09:30:00.000Z' },
          { url: 'javascript:alert(1)', title: 'x', at: '2026-11-22T09:31:00.000Z' },
          { url: 'https://shop.example.com/cart', at: 'yesterday-ish' },
          'not a page',
          { url: 'https://shop.example.com/shoes', title: '  ', at: '2026-11-22T09:40:00.000Z' },
        ],
      },
      'https://shop.example.com/checkout',
      NOW,
    );
    expect(visit).toEqual({
      startedAt: '2026-11-22T09:30:00.000Z',
      referrer: 'https://search.example.net/?q=shoes',
      pages: [
        { url: 'https://shop.example.com/', title: 'Home', at: '2026-11-22T09:30:00.000Z' },
        { url: 'https://shop.example.com/shoes', title: null, at: '2026-11-22T09:40:00.000Z' },
        { url: 'https://shop.example.com/checkout', title: null, at: '2026-11-22T10:00:00.000Z' },
      ],
    });
  });

  it('bounds what a browser may claim: times in the future, too many pages, no visit at all', () => {
    const pages = Array.from({ length: 80 }, (_, i) => ({ url: `https://shop.example.com/p${i}`, at: '2030-01-01T00:00:00.000Z' }));
    const visit = visitOf({ startedAt: '2030-01-01T00:00:00.000Z', referrer: 'ftp://x', pages }, undefined, NOW);
    expect(visit.pages).toHaveLength(VISIT_PAGES_MAX);
    expect(visit.pages[0]?.url).toBe('https://shop.example.com/p30');
    expect(visit.startedAt).toBe(new Date(NOW).toISOString());
    expect(visit.pages.every((p) => p.at === new Date(NOW).toISOString())).toBe(true);
    expect(visit.referrer).toBeNull();
    expect(visitOf(null, 'https://shop.example.com/', NOW)).toEqual({
      startedAt: new Date(NOW).toISOString(),
      referrer: null,
      pages: [{ url: 'https://shop.example.com/', title: null, at: new Date(NOW).toISOString() }],
    });
  });
});
