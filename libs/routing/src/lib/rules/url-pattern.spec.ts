import { urlForms, urlMatcher } from './url-pattern';

const matches = (pattern: string, url: string) => {
  const forms = urlForms(url);
  if (!forms) throw new Error(`not a URL: ${url}`);
  return urlMatcher(pattern)(forms);
};

describe('URL patterns', () => {
  it('matches the seed form: * as any run of characters, without a scheme', () => {
    expect(matches('*.example.com/support/*', 'https://www.example.com/support/login')).toBe(true);
    expect(matches('*.example.com/support/*', 'https://help.eu.example.com/support/a/b?c=1')).toBe(true);
    expect(matches('*.example.com/support/*', 'https://www.example.com/sales/')).toBe(false);
    expect(matches('*.example.com/support/*', 'https://example.com/support/x')).toBe(false);
    expect(matches('shop.example.com/*', 'https://shop.example.com/')).toBe(true);
    expect(matches('shop.example.com/*', 'http://shop.example.com/cart?x=1')).toBe(true);
    expect(matches('shop.example.com/*', 'https://shop.example.com.evil.org/')).toBe(false);
  });

  it('treats everything but * literally, hosts without regard to case, and ignores the fragment', () => {
    expect(matches('shop.example.com/a+b/*', 'https://shop.example.com/a+b/c')).toBe(true);
    expect(matches('shop.example.com/a+b/*', 'https://shop.example.com/aab/c')).toBe(false);
    expect(matches('shopXexample.com/*', 'https://shop.example.com/')).toBe(false);
    expect(matches('shop.example.com/*', 'https://SHOP.Example.com/x#top')).toBe(true);
    expect(matches('shop.example.com/', 'https://shop.example.com/#frag')).toBe(true);
  });

  it('matches a pattern with a scheme against the whole address', () => {
    expect(matches('https://shop.example.com/*', 'https://shop.example.com/x')).toBe(true);
    expect(matches('https://shop.example.com/*', 'http://shop.example.com/x')).toBe(false);
  });

  it('refuses what is not an address', () => {
    expect(urlForms('not a url')).toBeNull();
  });
});
