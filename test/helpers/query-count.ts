import { AsyncLocalStorage } from 'node:async_hooks';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type { DialectName } from '../../src/core/db/index.ts';
import { buildTestApp, type TestApp } from './app.ts';

/**
 * Counts the SQL statements the app runs: a plugin's transformResult is called once per executed
 * statement (query builders and raw `sql` alike; transaction BEGIN/COMMIT are not counted), while
 * transformQuery is also called for every subquery a builder embeds, which would count one statement
 * several times. Used to bound the queries a page costs and to catch N+1 queries: a page must not
 * cost more queries when it shows more rows.
 */
export class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.count++;
    const scope = requestScope.getStore();
    if (scope) scope.statements++;
    return Promise.resolve(args.result);
  }
}

/** The request being counted: statements run on its behalf (its async context), not background work that happens to run meanwhile (a timer's search-index flush). */
const requestScope = new AsyncLocalStorage<{ statements: number }>();

/** Counts every statement, and those that name one table (e.g. that a dashboard never reads `activity`). */
export class TableWatch implements KyselyPlugin {
  statements = 0;
  naming = 0;
  constructor(private readonly table: string) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.statements++;
    if (JSON.stringify(args.node).includes(`"name":"${this.table}"`)) this.naming++;
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

/** The real app whose database counts its queries. */
export async function countingTestApp(dialect: DialectName): Promise<TestApp & { queries: QueryCounter }> {
  const queries = new QueryCounter();
  const t = await buildTestApp(dialect, { wrapDb: (db) => db.withPlugin(queries) });
  return Object.assign(t, { queries });
}

/** How many queries one request costs. */
export async function queriesFor(t: TestApp & { queries: QueryCounter }, url: string, cookie?: string): Promise<{ status: number; queries: number }> {
  const scope = { statements: 0 };
  const res = await requestScope.run(scope, () => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} }));
  return { status: res.statusCode, queries: scope.statements };
}
