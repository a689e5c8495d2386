import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** How to start the ranking worker: its module and Node's options for it. */
export interface WorkerEntry {
  url: URL;
  execArgv: string[];
}

let compiled: Promise<URL> | null = null;

/**
 * The ranking worker's module, as plain JavaScript in both layouts. From the production bundle
 * (dist/guildhall.mjs) it is the file `npm run build` wrote beside it (dist/guildhall.related-worker.mjs).
 * From the sources (this file is .ts: `npm start`, `guildhall`, vitest, bench) related.worker.ts is
 * bundled the same way with esbuild, once per process (~15 ms), into node_modules/.cache/guildhall/
 * (packages resolve from there; the name is the content's hash, so processes share it and an edit
 * makes a new one). Not the tsx loader in the worker: registering it there cost ~0.6 s of CPU per
 * worker start against ~0.2 s, and the tests start dozens. Throws when neither can be had.
 */
export async function workerEntry(): Promise<WorkerEntry> {
  // The tsx command's `--require …preflight.cjs --import …loader.mjs` would be inherited; the worker needs no loader.
  const execArgv = withoutTsx(process.execArgv);
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) {
    const bundled = here.replace(/\.m?js$/, '.related-worker.mjs');
    if (!fs.existsSync(bundled)) throw new Error(`no ${path.basename(bundled)} beside ${path.basename(here)} (build with npm run build)`);
    return { url: pathToFileURL(bundled), execArgv };
  }
  compiled ??= compileFromSources(here).catch((err: unknown) => {
    compiled = null;
    throw err;
  });
  return { url: await compiled, execArgv };
}

async function compileFromSources(here: string): Promise<URL> {
  const { build } = await import('esbuild');
  const entry = path.join(path.dirname(here), 'related.worker.ts');
  const out = await build({ entryPoints: [entry], bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', write: false, logLevel: 'silent' });
  const code = out.outputFiles[0]!.text;
  const dir = path.join(path.dirname(entry), '..', '..', '..', 'node_modules', '.cache', 'guildhall');
  const file = path.join(dir, `related-worker-${createHash('sha1').update(code).digest('hex').slice(0, 12)}.mjs`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    // Written aside and renamed: another process may be writing the same file at the same moment.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, code);
    fs.renameSync(tmp, file);
    pruneOld(dir, file);
  }
  return pathToFileURL(file);
}

/** Drops worker files of earlier sources not written for a day (a worker already started has its module loaded). */
function pruneOld(dir: string, keep: string): void {
  const dayAgo = Date.now() - 86_400_000;
  for (const name of fs.readdirSync(dir)) {
    const f = path.join(dir, name);
    if (f === keep || !name.startsWith('related-worker-')) continue;
    try {
      if (fs.statSync(f).mtimeMs < dayAgo) fs.rmSync(f, { force: true });
    } catch {
      // Another process pruned it first.
    }
  }
}

/** Node's options without tsx's (`--import …tsx…`, `--require …tsx…`). */
function withoutTsx(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (['--import', '--require', '-r', '--loader'].includes(arg) && argv[i + 1]?.includes('tsx')) i++;
    else if (!(/^--(import|require|loader)=/.test(arg) && arg.includes('tsx'))) out.push(arg);
  }
  return out;
}
