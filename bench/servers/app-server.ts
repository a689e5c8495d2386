/*
 * The real app in production mode on an existing database, in its own process, for load tests:
 * prints "LISTENING <port>" once it serves. DATABASE_URL names the database; nothing is seeded.
 */
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/core/app.ts';
import { createDeps } from '../../src/core/compose.ts';
import { loadConfig } from '../../src/core/config.ts';

const config = loadConfig({ ...process.env, NODE_ENV: 'production', GUILDHALL_DEMO: '0', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', HOST: '127.0.0.1', PORT: '0' });
const { deps, close } = await createDeps(config);
const app = await buildApp(deps);
await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`LISTENING ${(app.server.address() as AddressInfo).port}\n`);
process.on('SIGTERM', () => {
  void app.close().then(close).then(() => process.exit(0));
});
