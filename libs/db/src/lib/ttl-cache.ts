interface Entry<T> {
  value?: { value: T; at: number };
  loading?: Promise<T>;
}

/**
 * Values a node reuses for a short while (settings, rules, queues read on every routing step).
 * Changes made on this node clear it at once; other nodes see them within twice the time to live.
 *
 * Under load a plain expiring cache stampedes: every request that arrives while the reload is
 * in flight starts its own. Here one load runs per key at a time, and a value up to twice the
 * time to live old is served while it refreshes in the background, so routing steps never wait
 * on a reload of a value they had a moment ago.
 */
export class TtlCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  /** Bumped by clear(): a load begun before it must not store what it read. */
  private generation = 0;

  constructor(private readonly ttlMs = 1000) {}

  async get(key: string, load: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key) ?? {};
    const age = entry.value ? Date.now() - entry.value.at : Infinity;
    if (entry.value && age < this.ttlMs) return entry.value.value;
    const loading = entry.loading ?? this.load(key, entry, load);
    if (entry.value && age < 2 * this.ttlMs) {
      loading.catch(() => undefined); // the next caller retries; this one has a recent value
      return entry.value.value;
    }
    return loading;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  private load(key: string, entry: Entry<T>, load: () => Promise<T>): Promise<T> {
    const generation = this.generation;
    const at = Date.now();
    const loading = load().then(
      (value) => {
        if (generation === this.generation) this.entries.set(key, { value: { value, at } });
        return value;
      },
      (error: unknown) => {
        if (generation === this.generation) this.entries.set(key, { value: entry.value });
        throw error;
      },
    );
    this.entries.set(key, { value: entry.value, loading });
    return loading;
  }
}
