// Starts the ranking worker from the sources (`npm start`, `guildhall`, vitest, bench): a worker thread
// does not share the main thread's TypeScript loader, so it registers tsx itself (with our tsconfig, as
// bin/guildhall.js does) before importing related.worker.ts. The production bundle starts its own
// compiled worker instead (dist/guildhall.related-worker.mjs; scripts/build.mjs).
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../../tsconfig.json', import.meta.url)) });
await import('./related.worker.ts');
