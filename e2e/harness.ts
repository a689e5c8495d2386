import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AxeResults, Result } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERNAME } from '../src/demo/people.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { buildTestApp, type TestApp } from '../test/helpers/app.ts';
import { makeUser, TEST_PASSWORD } from '../test/helpers/factories.ts';

/*
 * What every browser test needs: Debian's Chromium, the real app listening on a free port over a
 * temporary SQLite file, and one check run on every page a journey visits (axe-core, no sideways
 * scrolling at 375 and 1280 px, no CSP violation, screenshots in .e2e-artifacts/ to look at).
 */

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** True when the browser tests cannot run; each suite skips itself and says why. */
export const chromiumMissing = !fs.existsSync(CHROMIUM_PATH);
export const SKIP_REASON = `${CHROMIUM_PATH} is missing: browser tests SKIPPED (install Debian's chromium: apt-get install chromium)`;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ARTIFACTS = path.join(root, '.e2e-artifacts');
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Launches headless Chromium with flags that keep it quiet and offline. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** The real app on a temporary SQLite file, listening on 127.0.0.1 at a free port. */
export async function startApp(): Promise<{ t: TestApp; baseUrl: string; close(): Promise<void> }> {
  const t = await buildTestApp('sqlite');
  const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
  return { t, baseUrl: address, close: () => t.close() };
}

/** A page that records Content-Security-Policy violations and uncaught page errors. */
export interface CheckedPage {
  context: BrowserContext;
  page: Page;
  problems: string[];
}

/** Opens a fresh browser context (its own cookies) on `baseUrl`. */
export async function openPage(browser: Browser, baseUrl: string): Promise<CheckedPage> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { context, page, problems };
}

function describeViolations(violations: Result[]): string {
  return violations
    .map((v) => `- [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ') ?? ''}`).join('\n')}`)
    .join('\n');
}

async function runAxe(page: Page): Promise<AxeResults> {
  // Evaluated through the DevTools protocol, which the page's CSP (script-src 'self') does not govern.
  // Injected once per loaded document: parsing axe takes most of a second.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(() => (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResults> } }).axe.run(document, { resultTypes: ['violations'] }));
}

async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = window.innerWidth;
    const out: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.right > w + 1 && r.width > 0) out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} (right edge ${Math.round(r.right)}px)`);
    }
    return out.slice(0, 8);
  });
}

/** The views each page is checked in; axe runs in two of them, covering both widths and both schemes. */
const VIEWS = [
  { width: 375, scheme: 'light', axe: false },
  { width: 1280, scheme: 'light', axe: true },
  { width: 375, scheme: 'dark', axe: true },
  { width: 1280, scheme: 'dark', axe: false },
] as const;

/**
 * Checks the page as it is now, at 375 px and 1280 px, light and dark: no horizontal overflow in any
 * view, no axe violation of impact serious or critical (1280 light, 375 dark), no CSP violation or
 * page error. Saves screenshots as .e2e-artifacts/<name>-<width>[-dark].png. Leaves the page at
 * 1280 px, light.
 */
export async function checkPage(cp: CheckedPage, name: string): Promise<void> {
  const { page } = cp;
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  for (const view of VIEWS) {
    await page.emulateMedia({ colorScheme: view.scheme });
    await page.setViewportSize({ width: view.width, height: view.width === 375 ? 812 : 900 });
    const where = `${name} at ${view.width}px (${view.scheme}), ${page.url()}`;
    const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(fits, `${where} scrolls sideways; too wide:\n${(await overflowingElements(page)).join('\n')}`).toBe(true);
    if (view.axe) {
      const results = await runAxe(page);
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      if (serious.length > 0) process.stdout.write(`\naxe violations on ${where}:\n${describeViolations(serious)}\n`);
      expect(serious.map((v) => v.id), `axe found serious/critical problems on ${where}:\n${describeViolations(serious)}`).toEqual([]);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${view.width}${view.scheme === 'dark' ? '-dark' : ''}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });
  expect(cp.problems, `${name}: CSP violations or page errors`).toEqual([]);
}

/** Signs in through the real /signin form and waits to leave it. */
export async function signInThroughForm(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/signin');
  await page.fill('[name="login"]', login);
  await page.fill('[name="password"]', password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/signin')), page.getByRole('button', { name: 'Sign in' }).click()]);
}

/** A demo organisation in a running app and a Chromium, for page checks: `open()` a fresh page context. */
export interface Demo {
  readonly server: Awaited<ReturnType<typeof startApp>>;
  open(): Promise<CheckedPage>;
  /** A fresh page context signed in as the demo admin. */
  openSignedIn(): Promise<CheckedPage>;
}

/**
 * Sets up Chromium and the app with the demo seeded, inside a describe block (started before its
 * tests, stopped after them).
 */
export function useDemo(): Demo {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof startApp>> | undefined;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startApp()]);
    const seeded = await seedDemo(server.t.deps.db, { now: new Date() });
    if (!seeded.seeded) throw new Error(`the demo was not seeded: ${seeded.reason}`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const running = () => {
    if (!server || !browser) throw new Error('the demo has not started');
    return { server, browser };
  };
  return {
    get server() {
      return running().server;
    },
    open: () => openPage(running().browser, running().server.baseUrl),
    async openSignedIn() {
      const cp = await openPage(running().browser, running().server.baseUrl);
      await signInThroughForm(cp.page, DEMO_USERNAME, DEMO_PASSWORD);
      return cp;
    },
  };
}

/** What a journey works with: the running app, and people signed in through the real form. */
export interface Journey {
  readonly server: Awaited<ReturnType<typeof startApp>>;
  /** Signs an existing person in through /signin, in a browser context of their own. */
  signedIn(username: string): Promise<CheckedPage>;
  /** Makes a person with the factory (password TEST_PASSWORD) and signs them in. */
  member(username: string, displayName: string): Promise<CheckedPage & { id: number }>;
}

/**
 * Sets up a journey inside a describe block: Chromium and the app start before its tests and stop
 * after them, with every browser context the journey opened.
 */
export function useJourney(): Journey {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startApp>> | undefined;
  const contexts: CheckedPage[] = [];
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startApp()]);
  });
  afterAll(async () => {
    for (const cp of contexts) await cp.context.close();
    await browser?.close();
    await server?.close();
  });
  const running = () => {
    if (!server) throw new Error('the journey has not started');
    return server;
  };
  async function signedIn(username: string): Promise<CheckedPage> {
    const cp = await openPage(browser, running().baseUrl);
    contexts.push(cp);
    await signInThroughForm(cp.page, username, TEST_PASSWORD);
    return cp;
  }
  return {
    get server() {
      return running();
    },
    signedIn,
    async member(username, displayName) {
      const user = await makeUser(running().t.deps.db, { username, display_name: displayName });
      return { ...(await signedIn(username)), id: user.id };
    },
  };
}
