import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVERS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'servers');

/** A server in a child process (so the load generator never shares its event loop). */
export interface ChildServer {
  url: string;
  pid: number;
  /** Resident memory of the server process in MB (Linux /proc). */
  rssMb(): number;
  stop(): Promise<void>;
}

/** Starts bench/servers/<name>.ts with tsx and waits for its "LISTENING <port>" line. */
export async function startServer(name: 'app-server' | 'bare-server', env: Record<string, string>): Promise<ChildServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(SERVERS, `${name}.ts`)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /LISTENING (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`${name} exited with ${code} before listening`)));
  });
  const pid = child.pid!;
  return {
    url: `http://127.0.0.1:${port}`,
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
}
