import { computed, signal } from '@angular/core';

/** Ids checked in a paged table; they stay checked across pages until cleared. */
export class IdSelection {
  private readonly ids = signal<ReadonlySet<string>>(new Set());
  readonly count = computed(() => this.ids().size);
  readonly list = computed(() => [...this.ids()]);

  has(id: string): boolean {
    return this.ids().has(id);
  }

  toggle(id: string): void {
    this.ids.update((ids) => {
      const next = new Set(ids);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  allOf(pageIds: readonly string[]): boolean {
    return pageIds.length > 0 && pageIds.every((id) => this.ids().has(id));
  }

  someOf(pageIds: readonly string[]): boolean {
    return pageIds.some((id) => this.ids().has(id)) && !this.allOf(pageIds);
  }

  /** Checks every id of the page, or unchecks them when all were checked. */
  togglePage(pageIds: readonly string[]): void {
    const all = this.allOf(pageIds);
    this.ids.update((ids) => {
      const next = new Set(ids);
      for (const id of pageIds) {
        if (all) next.delete(id);
        else next.add(id);
      }
      return next;
    });
  }

  clear(): void {
    this.ids.set(new Set());
  }
}
