import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/*
 * The one place the CLI runs as a real process, the way `npm start` and the `guildhall` bin run it:
 * through bin/guildhall.js (tsx loader), with the environment as configuration. SQLite only; the
 * other CLI tests call the command functions directly on both databases.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = path.join(root, 'bin', 'guildhall.js');

/** A clean environment: vitest's own process.env carries BASE_URL=/ (from Vite), MODE, and the like. */
function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME ?? os.tmpdir(), LOG_LEVEL: 'warn', ...extra };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

describe('bin/guildhall.js as a process', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guildhall-bin-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('serves: prints the URL and the demo sign-in, answers /readyz and /, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [bin, 'serve'], { cwd: os.tmpdir(), env: baseEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir }) });
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed within 25s.\nstdout: ${stdout}\nstderr: ${stderr}`)), 25_000);
        child.stdout!.on('data', (b: Buffer) => {
          stdout += b.toString();
          const m = /Guildhall is running at (http:\/\/\S+)/.exec(stdout);
          if (m && stdout.includes('Sign in as:')) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${code}.\nstdout: ${stdout}\nstderr: ${stderr}`)));
      });
      expect(stdout).toContain('Sign in as: demo / guildhall-demo');

      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', database: { dialect: 'sqlite', pragmas: { journal_mode: 'wal', synchronous: 1 } } });
      const home = await fetch(`${url}/`);
      expect(home.status).toBe(200);
      expect(home.headers.get('content-type')).toContain('text/html');
      expect(fs.existsSync(path.join(dataDir, 'guildhall.db'))).toBe(true);

      child.kill('SIGTERM');
      expect(await exited(child)).toBe(0);
      expect(stdout).toContain('shutting down');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 40_000);

  it('stops at start with exit code 2 and one line naming PORT when PORT=abc', async () => {
    const child = spawn(process.execPath, [bin, 'serve'], { cwd: os.tmpdir(), env: baseEnv({ PORT: 'abc', DATA_DIR: dataDir }) });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    const code = await exited(child);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^guildhall: PORT .*"abc"/);
    expect(stdout).toBe('');
  }, 30_000);
});
