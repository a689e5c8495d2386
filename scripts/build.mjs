// `npm run build`: bundles the server (src/cli/main.ts and everything it imports) into one ES module,
// dist/guildhall.mjs, for production starts: Node then loads one file instead of transpiling ~400
// TypeScript files through tsx (issue 6: cold start to first page under 1 s). Packages stay external
// (node_modules), static assets are read from src/web/static. `npm start` keeps running the sources.
//
// A second entry point is the SQLite related-ranking worker (src/search/related/related.worker.ts),
// written beside the server as <name>.related-worker.mjs (dist/guildhall.related-worker.mjs): the
// bundled server starts the worker file named after its own (src/search/related/related.runner.ts).
import path from 'node:path';
import { build } from 'esbuild';

const outfile = process.env.OUTFILE ?? 'dist/guildhall.mjs';
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
  packages: 'external',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  sourcemap: true,
  logLevel: 'warning',
});
process.stdout.write(`built ${outfile} and ${path.join(path.dirname(outfile), `${name}.related-worker.mjs`)}\n`);
