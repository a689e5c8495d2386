import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/*
 * The production bundle (`npm run build` → dist/guildhall.mjs, what `npm run start:prod` runs): it
 * builds, starts on a fresh database with the demo, serves pages and its static assets from the
 * sources' folder, and stops on SIGTERM. Built to a file of its own so a developer's dist/ is untouched.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('the production bundle', () => {
  const outfile = path.join(root, 'dist', `test-${process.pid}.mjs`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guildhall-bundle-'));
  afterAll(() => {
    for (const f of [outfile, `${outfile}.map`]) fs.rmSync(f, { force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('builds, serves the demo and its assets, and stops on SIGTERM', async () => {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, env: { ...process.env, OUTFILE: outfile }, stdio: 'pipe' });
    const child = spawn(process.execPath, [outfile, 'serve'], {
      cwd: os.tmpdir(),
      env: { PATH: process.env.PATH, HOME: os.tmpdir(), NODE_ENV: 'production', LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL within 25 s.\nstdout: ${stdout}\nstderr: ${stderr}`)), 25_000);
        child.stdout.on('data', (b: Buffer) => {
          stdout += b.toString();
          const m = /Guildhall is running at (http:\/\/\S+)/.exec(stdout);
          if (m && stdout.includes('Sign in as:')) {
            clearTimeout(timer);
            resolve(m[1]!.replace(/\/$/, ''));
          }
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${code}.\nstdout: ${stdout}\nstderr: ${stderr}`)));
      });
      const home = await fetch(`${url}/communities`);
      expect(home.status).toBe(200);
      const html = await home.text();
      const css = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
      expect(css).toMatch(/^\/static\/app\.css\?v=[0-9a-f]{12}$/);
      const asset = await fetch(url + css!);
      expect(asset.status).toBe(200);
      expect(await asset.text()).toContain('--');
      child.kill('SIGTERM');
      expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});
