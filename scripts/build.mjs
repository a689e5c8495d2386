// `npm run build`: bundles the server (src/cli/main.ts and everything it imports) into one ES module,
// dist/guildhall.mjs, for production starts: Node then loads one file instead of transpiling ~400
// TypeScript files through tsx (issue 6: cold start to first page under 1 s). Packages stay external
// (node_modules), static assets are read from src/web/static. `npm start` keeps running the sources.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: process.env.OUTFILE ?? 'dist/guildhall.mjs',
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
process.stdout.write(`built ${process.env.OUTFILE ?? 'dist/guildhall.mjs'}\n`);
