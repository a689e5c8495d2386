import { loadConfig, ConfigError } from '../core/config.ts';
import { createDeps } from '../core/compose.ts';
import { buildApp } from '../core/app.ts';

async function main() {
  const config = loadConfig();
  const { deps, close } = await createDeps(config);
  const app = await buildApp(deps);
  await app.listen({ host: config.host, port: config.port });
  process.stdout.write(`Guildhall is running at ${config.baseUrl}\n`);
  const stop = async () => {
    await app.close();
    await close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`guildhall: ${err.message}\n`);
    process.exit(2);
  }
  throw err;
});
