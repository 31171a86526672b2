/**
 * Values a node reuses for a short while (settings, rules, queues read on every routing step).
 * Changes made on this node clear it at once; other nodes see them within the time to live.
 */
export class TtlCache<T> {
  private readonly entries = new Map<string, { value: T; at: number }>();

  constructor(private readonly ttlMs = 1000) {}

  async get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value;
    const value = await load();
    this.entries.set(key, { value, at: Date.now() });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
