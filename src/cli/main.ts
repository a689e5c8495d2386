import { processIo } from './io.ts';
import { runCli } from './run.ts';

/*
 * The `guildhall` entry point (bin/guildhall.js and `npm start` run this file). Everything testable
 * lives in run.ts; this file only connects it to the process.
 */
runCli(process.argv.slice(2), process.env, processIo).then(
  (code) => {
    if (code !== null) process.exit(code);
  },
  (err: unknown) => {
    process.stderr.write(`guildhall: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
