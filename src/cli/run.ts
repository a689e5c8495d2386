import { ConfigError, loadConfig, type Config } from '../core/config.ts';
import { adminCommand } from './admin.ts';
import { analyticsCommand } from './analytics.ts';
import { evalCommand } from './eval.ts';
import { EXIT, type CliIo } from './io.ts';
import { exportCommand, importCommand } from './knowledge.ts';
import { migrateCommand } from './migrate.ts';
import { seedCommand } from './seed.ts';
import { serveCommand } from './serve.ts';
import { importStackExchangeCommand } from '../importers/stackexchange/import.cli.ts';
import { USAGE } from './usage.ts';

type Command = (config: Config, io: CliIo, args: string[]) => Promise<number | null>;

const commands: Record<string, Command> = {
  serve: (config, io, args) => (args.length > 0 ? Promise.resolve(unexpected('serve', args, io)) : serveCommand(config, io)),
  migrate: (config, io, args) => (args.length > 0 ? Promise.resolve(unexpected('migrate', args, io)) : migrateCommand(config, io)),
  seed: (config, io, args) => (args.length > 0 ? Promise.resolve(unexpected('seed', args, io)) : seedCommand(config, io)),
  admin: (config, io, args) => adminCommand(config, io, args),
  export: (config, io, args) => exportCommand(config, io, args),
  eval: (config, io, args) => evalCommand(config, io, args),
  analytics: (config, io, args) => analyticsCommand(config, io, args),
  import: (config, io, args) => (args[0] === 'stackexchange' ? importStackExchangeCommand(config, io, args.slice(1)) : importCommand(config, io, args)),
};

function unexpected(command: string, args: string[], io: CliIo): number {
  io.err.write(`guildhall ${command}: unexpected argument "${args[0]}"\n\n${USAGE}`);
  return EXIT.usage;
}

/**
 * Runs `guildhall <command> [args]` against `env`. Resolves with the exit code, or null when the
 * command keeps running (serve). A bad configuration prints one line `guildhall: <reason>` and
 * resolves 2; an unknown command prints the usage and resolves 2.
 */
export async function runCli(argv: string[], env: Record<string, string | undefined>, io: CliIo): Promise<number | null> {
  const [first, ...rest] = argv;
  const name = first ?? 'serve';
  if (name === 'help' || name === '--help' || name === '-h') {
    io.out.write(USAGE);
    return EXIT.ok;
  }
  const command = commands[name];
  if (!command) {
    io.err.write(`guildhall: unknown command "${name}"\n\n${USAGE}`);
    return EXIT.usage;
  }
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.err.write(`guildhall: ${err.message}\n`);
    return EXIT.usage;
  }
  return command(config, io, rest);
}
