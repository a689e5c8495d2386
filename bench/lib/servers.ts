import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVERS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'servers');
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A server in a child process (so the load generator never shares its event loop). */
export interface ChildServer {
  url: string;
  pid: number;
  /** Resident memory of the server process in MB (Linux /proc). */
  rssMb(): number;
  stop(): Promise<void>;
}

/** Starts bench/servers/<name>.ts with tsx and waits for its "LISTENING <port>" line. */
export function startServer(name: 'app-server' | 'bare-server', env: Record<string, string>): Promise<ChildServer> {
  return spawnServer(['--import', 'tsx', path.join(SERVERS, `${name}.ts`)], env, /LISTENING (\d+)/, name);
}

let built = false;

/**
 * Node's flags for `guildhall serve` as `npm run start:prod` gives them: a 256 MB old generation, within
 * which V8 collects sooner (the 10-minute soak held 229 MB in its last minute instead of 359 MB, and served faster).
 */
export const SERVE_NODE_FLAGS = ['--max-old-space-size=256'];

/**
 * Starts Guildhall as it runs in production: the bundle (`npm run build`, built once per bench run
 * from the current sources) with `guildhall serve`, NODE_ENV=production, its background jobs and its
 * related-ranking worker, on `env.DATABASE_URL`. Memory figures then are the deployed server's, not
 * tsx's (which keeps every transpiled module: ~50 MB more). The health rollups are brought up to date
 * first (`guildhall analytics refresh`), as a server that has been running would have them.
 */
export function startGuildhall(env: Record<string, string>): Promise<ChildServer> {
  if (!built) {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
    built = true;
  }
  const serverEnv = { NODE_ENV: 'production', GUILDHALL_DEMO: '0', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', ...env };
  // A server that has been running has digested the activity so far (it refreshes the health rollups
  // every 5 minutes); without this, each scenario's server would spend its measured seconds on the
  // rollups of the previous scenarios' writes.
  execFileSync(process.execPath, [path.join(ROOT, 'dist', 'guildhall.mjs'), 'analytics', 'refresh'], { env: { ...process.env, ...serverEnv }, stdio: ['ignore', 'ignore', 'inherit'] });
  return spawnServer([...SERVE_NODE_FLAGS, path.join(ROOT, 'dist', 'guildhall.mjs'), 'serve'], serverEnv, /running at http:\/\/[^\s:]+:(\d+)/, 'guildhall serve');
}

function spawnServer(argv: string[], env: Record<string, string>, ready: RegExp, name: string): Promise<ChildServer> {
  const child: ChildProcess = spawn(process.execPath, argv, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = ready.exec(out);
      // Keep reading after the port (resolving again is a no-op): a closed pipe would fail the server's goodbye line.
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`${name} exited with ${code} before listening`)));
  });
  return port.then((p) => {
    const pid = child.pid!;
    return {
      url: `http://127.0.0.1:${p}`,
      pid,
      rssMb: () => {
        const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
        return Math.round(kb / 1024);
      },
      stop: () =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    };
  });
}
