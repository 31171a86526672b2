import { createHash } from 'node:crypto';

/** What can run a statement: a DataSource, an EntityManager or a QueryRunner. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

interface PreparingPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/** DataSources on server PostgreSQL (the embedded database's socket server mishandles named statements). */
const preparing = new WeakSet<object>();

/** Lets `preparedQuery` prepare statements on this DataSource's connections. */
export function prepareStatementsOn(dataSource: object): void {
  preparing.add(dataSource);
}

/** The `pg` pool under a DataSource that prepares (an EntityManager in a transaction has none: it must use its own connection). */
function poolOf(runner: SqlRunner): PreparingPool | null {
  if (!preparing.has(runner)) return null;
  const master = (runner as { driver?: { master?: Partial<PreparingPool> } }).driver?.master;
  return typeof master?.query === 'function' ? (master as PreparingPool) : null;
}

const names = new Map<string, string>();

/** A prepared statement's name: the same text always gets the same name. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `sb_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * One SQL statement composed of common table expressions that several modules write, each about
 * its own tables (so a routing step is one round trip and atomic without a transaction, yet no
 * module writes SQL on another's tables). Parameters are numbered as the parts add them.
 */
export class SqlStatement {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];

  /** A placeholder for `value` (with an optional cast). */
  param(value: unknown, cast?: string): string {
    this.params.push(value);
    return `$${this.params.length}${cast ? `::${cast}` : ''}`;
  }

  /** Adds a common table expression; later parts and the final query may read it by `name`. */
  with(name: string, body: string): this {
    this.parts.push(`${name} as (${body})`);
    return this;
  }

  text(query: string): string {
    return this.parts.length ? `with ${this.parts.join(',\n')}\n${query}` : query;
  }

  /**
   * Runs it with `query` as the final statement (a select, so the rows come back as they are),
   * prepared (see `preparedQuery`).
   */
  run<T>(runner: SqlRunner, query: string): Promise<T[]> {
    return preparedQuery<T>(runner, this.text(query), this.params);
  }
}

/**
 * Runs a statement that returns rows; outside a transaction as a named prepared statement, so
 * PostgreSQL plans it once per connection (for statements on the hot path, whose planning costs
 * more than running them).
 */
export async function preparedQuery<T>(runner: SqlRunner, text: string, values: unknown[]): Promise<T[]> {
  const pool = poolOf(runner);
  if (!pool) return (await runner.query(text, values)) as T[];
  return (await pool.query({ name: nameOf(text), text, values })).rows as T[];
}
