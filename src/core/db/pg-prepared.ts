import type PgModule from 'pg';

/**
 * Named prepared statements for PostgreSQL (issue 6). Kysely sends every query as an unnamed
 * statement, so the server parses and plans it on each run: on a signed-in topic page that was
 * three quarters of the server's time for its ~30 queries (planning ~3 ms, execution ~1 ms). Here a
 * query with parameters runs as a statement named after its text, parsed once per connection, and
 * PostgreSQL keeps a generic plan for it once that plan is no worse than planning each time.
 *
 * Only queries with parameters are named: the simple protocol (no parameters) allows several
 * statements in one text, which a named statement does not. A connection keeps at most
 * `perConnection` statements (the app has a few hundred texts; lists of ids make more), past which
 * queries run unnamed. A statement whose cached plan no longer fits (a column added while running:
 * "cached plan must not change result type") gets a new name, so every connection parses it afresh.
 */
export interface PreparedOptions {
  /** Named statements one connection keeps; past it, new texts run unnamed. */
  perConnection?: number;
  /** Distinct texts named in all (a bound on the name map). */
  maxTexts?: number;
}

type Client = PgModule.PoolClient;
type QueryFn = (text: unknown, values?: unknown, callback?: unknown) => unknown;

/** Makes each new connection of `pool` run parameterised queries as named prepared statements. */
export function usePreparedStatements(pool: PgModule.Pool, opts: PreparedOptions = {}): void {
  const perConnection = opts.perConnection ?? 500;
  const maxTexts = opts.maxTexts ?? 10_000;
  const names = new Map<string, string>();
  let serial = 0;
  const nameFor = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < maxTexts) {
      name = `gh_${(++serial).toString(36)}`;
      names.set(text, name);
    }
    return name;
  };
  pool.on('connect', (client: Client) => {
    const query = client.query.bind(client) as QueryFn;
    const prepared = new Set<string>();
    (client as unknown as { query: QueryFn }).query = (text, values, callback) => {
      if (typeof text !== 'string' || !Array.isArray(values) || values.length === 0 || callback !== undefined) return query(text, values, callback);
      const name = nameFor(text);
      if (name === undefined || (!prepared.has(name) && prepared.size >= perConnection)) return query(text, values);
      prepared.add(name);
      return (query({ name, text, values }) as Promise<unknown>).catch((err: { code?: string; message?: string }) => {
        // The plan kept for this text no longer matches the table (DDL while running): re-prepare under a new name.
        if (err?.code === '0A000' && /cached plan/.test(err.message ?? '') && names.get(text) === name) names.delete(text);
        throw err;
      });
    };
  });
}
