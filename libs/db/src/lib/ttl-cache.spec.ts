import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  let now: number;
  beforeEach(() => {
    now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());

  /** A load whose result the test hands over when it likes. */
  function deferredLoads() {
    const pending: Array<(value: string) => void> = [];
    const load = jest.fn(() => new Promise<string>((resolve) => pending.push(resolve)));
    return { load, settle: (value: string) => pending.shift()?.(value) };
  }

  it('runs one load for callers that ask while it is in flight', async () => {
    const cache = new TtlCache<string>(1000);
    const { load, settle } = deferredLoads();
    const both = Promise.all([cache.get('k', load), cache.get('k', load)]);
    settle('a');
    await expect(both).resolves.toEqual(['a', 'a']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('serves a fresh value without loading, and a stale one while a single refresh runs', async () => {
    const cache = new TtlCache<string>(1000);
    await cache.get('k', async () => 'a');
    now += 500;
    const load = jest.fn(async () => 'b');
    await expect(cache.get('k', load)).resolves.toBe('a');
    expect(load).not.toHaveBeenCalled();

    now += 800; // 1.3 s old: stale, still served, refreshed once
    const slow = deferredLoads();
    await expect(cache.get('k', slow.load)).resolves.toBe('a');
    await expect(cache.get('k', slow.load)).resolves.toBe('a');
    expect(slow.load).toHaveBeenCalledTimes(1);
    slow.settle('b');
    await Promise.resolve();
    await expect(cache.get('k', load)).resolves.toBe('b');
  });

  it('waits for the load when the value is older than twice the time to live', async () => {
    const cache = new TtlCache<string>(1000);
    await cache.get('k', async () => 'a');
    now += 2500;
    await expect(cache.get('k', async () => 'b')).resolves.toBe('b');
  });

  it('does not keep what a load read before clear()', async () => {
    const cache = new TtlCache<string>(1000);
    const { load, settle } = deferredLoads();
    const before = cache.get('k', load);
    cache.clear();
    settle('old');
    await expect(before).resolves.toBe('old');
    await expect(cache.get('k', async () => 'new')).resolves.toBe('new');
  });

  it('passes a failed load to its caller and retries on the next call', async () => {
    const cache = new TtlCache<string>(1000);
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await expect(cache.get('k', async () => 'a')).resolves.toBe('a');
  });
});
