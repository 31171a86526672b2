import type { EntityManager } from 'typeorm';

/**
 * `count` fresh internal extensions from staff_extension_seq, skipping numbers a user already
 * took by hand. Inside the caller's transaction; the unique index settles any remaining race.
 */
export async function nextExtensions(manager: EntityManager, count: number): Promise<string[]> {
  const found: string[] = [];
  while (found.length < count) {
    const drawn: { e: string }[] = await manager.query(
      `select s.e from (select nextval('staff_extension_seq')::text as e from generate_series(1, $1)) s
        where not exists (select 1 from staff_users u where u.extension = s.e and u.deleted_at is null)`,
      [count - found.length],
    );
    found.push(...drawn.map((d) => d.e));
  }
  return found;
}
