import type { AddressInfo } from 'node:net';
import { buildApp } from '../core/app.ts';
import type { Clock } from '../core/clock.ts';
import { createDeps } from '../core/compose.ts';
import type { Config } from '../core/config.ts';
import type { Db } from '../core/db/index.ts';
import type { Log } from '../core/log.ts';
import { seedDemo, type SeedResult } from '../demo/seed.ts';
import { startReviewSweeper } from '../knowledge/lifecycle/lifecycle.sweep.ts';
import { startEscalationSweeper } from '../people/routing/escalation.ts';
import { startNetworkRebuilder } from '../people/network/network.job.ts';
import { startAnalyticsRefresher } from '../analytics/job.ts';
import { startContentViewPruner } from '../analytics/views/views.prune.ts';
import { EXIT, type CliIo } from './io.ts';

/** A server that is listening, and how to stop it. */
export interface RunningServer {
  /** The address people open: BASE_URL, or the actual port when PORT=0. */
  url: string;
  /** The demo sign-in when this start seeded the demo, otherwise null. */
  seeded: Extract<SeedResult, { seeded: true }> | null;
  close(): Promise<void>;
}

async function hasUsers(db: Db): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * Opens the database (applying migrations), seeds the demo when `config.demo` and there are no users,
 * and listens on HOST/PORT. Prints the URL and, when it seeded, the demo sign-in. Throws on listen errors.
 */
export async function startServer(config: Config, io: CliIo, opts: { log?: Log; clock?: Clock } = {}): Promise<RunningServer> {
  const { deps, close: closeDb } = await createDeps(config, opts);
  try {
    let seeded: RunningServer['seeded'] = null;
    if (config.demo && !(await hasUsers(deps.db))) {
      const r = await seedDemo(deps.db, { now: deps.clock.now() });
      if (r.seeded) seeded = r;
    }
    const app = await buildApp(deps);
    try {
      await app.listen({ host: config.host, port: config.port });
    } catch (err) {
      await app.close();
      throw err;
    }
    const stopSweeper = startReviewSweeper(deps);
    const stopEscalations = startEscalationSweeper(deps);
    const stopNetwork = startNetworkRebuilder(deps);
    const stopAnalytics = startAnalyticsRefresher(deps);
    const stopViewPruner = startContentViewPruner(deps);
    const port = (app.server.address() as AddressInfo).port;
    const url = config.port === 0 ? config.baseUrl.replace(/:0$/, `:${port}`) : config.baseUrl;
    io.out.write(`Guildhall is running at ${url}\n`);
    if (seeded) {
      io.out.write(`Seeded the demo organisation "${seeded.organisation}": ${seeded.counts.communities} communities, ${seeded.counts.users} people, ${seeded.counts.topics} topics, ${seeded.counts.articles} articles.\n`);
      io.out.write(`Sign in as: ${seeded.username} / ${seeded.password}\n`);
    }
    return {
      url,
      seeded,
      close: async () => {
        stopSweeper();
        stopEscalations();
        stopNetwork();
        // A refresh or prune running now stops at its next pause, so closing the database does not wait for it.
        await Promise.all([stopAnalytics(), stopViewPruner()]);
        await app.close();
        await closeDb();
      },
    };
  } catch (err) {
    await closeDb();
    throw err;
  }
}

/**
 * `guildhall serve`: starts the server and stops it gracefully on SIGINT/SIGTERM (a second signal
 * exits at once). Resolves with an exit code only when it could not start; otherwise keeps running.
 */
export async function serveCommand(config: Config, io: CliIo): Promise<number | null> {
  let server: RunningServer;
  try {
    server = await startServer(config, io);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      io.err.write(`guildhall: cannot listen on ${config.host}:${config.port} (${code}); set HOST or PORT\n`);
      return EXIT.failed;
    }
    throw err;
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(EXIT.failed);
    stopping = true;
    io.out.write(`Received ${signal}, shutting down…\n`);
    server.close().then(
      () => process.exit(EXIT.ok),
      (err: unknown) => {
        io.err.write(`guildhall: error while shutting down: ${String(err)}\n`);
        process.exit(EXIT.failed);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  return null;
}
