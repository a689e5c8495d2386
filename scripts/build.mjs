// `npm run build`: bundles the server (src/cli/main.ts and everything it imports) into one ES module,
// dist/guildhall.mjs, for production starts: Node then loads one file instead of transpiling ~400
// TypeScript files through tsx (issue 6: cold start to first page under 1 s). The pure-JavaScript
// packages are bundled too: resolving and loading several hundred files from node_modules took about a
// third of the start (1.05 s → 0.8 s to the first page at 1M posts). Native addons, packages that read
// their own files at run time, optional heavy ones and dev tools stay in node_modules (EXTERNAL below).
// Static assets are read from src/web/static. `npm start` keeps running the sources.
//
// A second entry point is the SQLite related-ranking worker (src/search/related/related.worker.ts),
// written beside the server as <name>.related-worker.mjs (dist/guildhall.related-worker.mjs): the
// bundled server starts the worker file named after its own (src/search/related/related.runner.ts).
import path from 'node:path';
import { build } from 'esbuild';

const outfile = process.env.OUTFILE ?? 'dist/guildhall.mjs';

/** Loaded from node_modules: native addons, packages reading their own files (swagger: its package.json and UI assets; pino: its worker transports), optional or lazily loaded heavy ones, and dev tools. */
const EXTERNAL = ['better-sqlite3', '@node-rs/argon2', 'sharp', 'pg', 'pg-native', 'pino', 'thread-stream', 'pino-pretty', 'nodemailer', '@fastify/swagger', '@fastify/swagger-ui', 'playwright-core', 'esbuild', 'tsx', 'vitest'];
const name = path.basename(outfile).replace(/\.mjs$/, '');

await build({
  entryPoints: [
    { in: 'src/cli/main.ts', out: name },
    { in: 'src/search/related/related.worker.ts', out: `${name}.related-worker` },
  ],
  outdir: path.dirname(outfile),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: EXTERNAL,
  // Bundled CommonJS packages require Node's built-ins at run time: give the ES module a `require`.
  banner: { js: "import { createRequire as __ghCreateRequire } from 'node:module'; const require = __ghCreateRequire(import.meta.url);" },
  jsx: 'automatic',
  jsxImportSource: 'preact',
  sourcemap: true,
  logLevel: 'warning',
});
process.stdout.write(`built ${outfile} and ${path.join(path.dirname(outfile), `${name}.related-worker.mjs`)}\n`);
