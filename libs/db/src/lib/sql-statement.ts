/** What can run a statement: a DataSource, an EntityManager or a QueryRunner. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
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

  /** Runs it with `query` as the final statement (a select, so the rows come back as they are). */
  run<T>(runner: SqlRunner, query: string): Promise<T[]> {
    return runner.query(this.text(query), this.params) as Promise<T[]>;
  }
}
