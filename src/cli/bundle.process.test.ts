import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/*
 * The production bundle (`npm run build` → dist/guildhall.mjs, what `npm run start:prod` runs): it
 * builds, starts on a fresh database with the demo, serves pages and its static assets from the
 * sources' folder, ranks "Related" in its SQLite worker (dist/<name>.related-worker.mjs), and stops on
 * SIGTERM. Built to files of their own so a developer's dist/ is untouched.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('the production bundle', () => {
  const outfile = path.join(root, 'dist', `test-${process.pid}.mjs`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guildhall-bundle-'));
  afterAll(() => {
    const worker = outfile.replace(/\.mjs$/, '.related-worker.mjs');
    for (const f of [outfile, `${outfile}.map`, worker, `${worker}.map`]) fs.rmSync(f, { force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('builds, serves the demo and its assets, and stops on SIGTERM', async () => {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, env: { ...process.env, OUTFILE: outfile }, stdio: 'pipe' });
    const child = spawn(process.execPath, [outfile, 'serve'], {
      cwd: os.tmpdir(),
      env: { PATH: process.env.PATH, HOME: os.tmpdir(), NODE_ENV: 'production', LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
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
      await expectRelatedFromWorker(url, () => stdout + stderr);
      child.kill('SIGTERM');
      expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});

/**
 * A demo topic with related content: the API waits for its ranking (computed by the worker), and the
 * topic page then shows "Related". The log says the worker started and never that it fell back.
 */
async function expectRelatedFromWorker(url: string, log: () => string): Promise<void> {
  let page: string | undefined;
  for (let id = 1; id <= 30 && !page; id++) {
    const res = await fetch(`${url}/api/v1/topics/${id}/related?limit=5`);
    if (res.status !== 200) continue;
    const similar = ((await res.json()) as { items: { url: string; reason: string }[] }).items.find((i) => i.reason === 'similar');
    if (!similar) continue;
    // The related topic's own page: rank it through the API (waits), then the page has it.
    const other = /\/t\/(\d+)$/.exec(similar.url);
    if (!other) continue;
    expect((await fetch(`${url}/api/v1/topics/${other[1]}/related?limit=5`)).status).toBe(200);
    page = await (await fetch(url + similar.url)).text();
  }
  expect(page).toContain('<details class="related">');
  expect(log()).toContain('related ranking worker started');
  expect(log()).not.toMatch(/ranking in process/);
}
