// Starts the real server (fresh data dir, demo data, manual clock) and a system Chromium.
// Never downloads a browser: Debian's /usr/bin/chromium is used (apt-get install chromium
// fonts-wqy-microhei).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext { e2eTemplate?: string }
}

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
export const DEMO_PASSWORD = 'demo1234';
export const CLOCK_START = '2026-03-02T09:00:00+08:00';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  logs: () => string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function newestMtime(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, name)));
  return max;
}

/** Builds web/dist when it is missing or older than the web sources. */
export function ensureWebBuilt(): void {
  const web = path.join(REPO_ROOT, 'web');
  const built = path.join(web, 'dist', 'index.html');
  const sources = Math.max(
    newestMtime(path.join(web, 'src')),
    newestMtime(path.join(web, 'index.html')),
    newestMtime(path.join(web, 'vite.config.ts')),
  );
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  // production: vitest sets NODE_ENV=test, and vite would then bundle React's development build
  const r = spawnSync('npm', ['run', 'build:web'], { cwd: REPO_ROOT, stdio: 'pipe', encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) throw new Error(`npm run build:web failed:\n${r.stdout}\n${r.stderr}`);
}

/**
 * A server on a free port and its own DATA_DIR. Without `extraEnv`, the DATA_DIR starts as a copy
 * of the run's seeded template (test/e2e/global-setup.ts): reopening a database takes under a
 * second where creating one and the demo company takes several. `fresh` starts from nothing and
 * `keepData` leaves the DATA_DIR in place at stop (both for making the template itself).
 */
export async function startServer(extraEnv: Record<string, string> = {}, opts: { keepData?: boolean; fresh?: boolean } = {}): Promise<RunningServer> {
  ensureWebBuilt();
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fangyuan-e2e-'));
  const template = opts.fresh || Object.keys(extraEnv).length ? undefined : inject('e2eTemplate');
  if (template) cpSync(template, dataDir, { recursive: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  // what npm start runs: the server bundle, rebuilt first when a source is newer
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: REPO_ROOT,
    detached: true, // own process group, so stop() ends it and anything it started
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO: '1',
      FANGYUAN_CLOCK: 'manual',
      FANGYUAN_STRICT_REPLIES: '1', // a reply the schema would change is a 500 the journey sees
      FANGYUAN_CLOCK_START: CLOCK_START,
      ...extraEnv,
    },
  });
  child.stdout?.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (output += b.toString()));
  let exited = false;
  const exitPromise = new Promise<void>((resolve) => child.on('exit', () => ((exited = true), resolve())));

  const stop = async () => {
    if (!exited && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000));
      if ((await Promise.race([exitPromise, timeout])) === 'timeout') {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    }
    if (!opts.keepData) rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`server exited before it was healthy:\n${output}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/v1/health`);
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server not healthy after 120 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { baseUrl, dataDir, logs: () => output, stop };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: apt-get install -y chromium fonts-wqy-microhei`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A Chinese-speaking user in Shanghai on a desktop screen. */
export async function newContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    reducedMotion: 'reduce', // the app then turns antd's motion off: nothing to wait for, less to paint
  });
}

export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(password);
  await page.getByTestId('login-submit').click();
  // the app's header: on a phone the menu waits in a drawer
  await page.getByTestId('app-header').waitFor({ state: 'visible' });
}

/**
 * A whole-page picture as a user with a tall screen would see it: the viewport grows to the
 * page's height first (a plain full-page capture misplaces the sticky side menu).
 */
/** Clicks a modal's button until `done` shows: a click that lands while the modal is still
 *  animating open is lost under load, and these actions are safe to repeat. */
export async function clickUntil(button: Locator, done: Locator, tries = 3): Promise<void> {
  for (let i = 1; ; i++) {
    await button.click();
    try {
      await done.waitFor({ timeout: 8_000 });
      return;
    } catch (e) {
      if (i >= tries || !(await button.isVisible())) throw e;
    }
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  const original = page.viewportSize() ?? { width: 1440, height: 900 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight).catch(() => original.height);
  if (height > original.height) await page.setViewportSize({ width: original.width, height: Math.min(height, 4000) });
  await page.waitForTimeout(100); // let the layout settle at the new size
  // A capture waits for the renderer's next frame; on a loaded 2-core machine that frame can
  // stall once (a CI run lost a journey to a 30 s capture timeout), so it is asked for again.
  for (let attempt = 1; ; attempt++) {
    try {
      await page.screenshot({ path: file, timeout: 10_000 });
      break;
    } catch (e) {
      if (attempt >= 3 || page.isClosed()) throw e;
      await page.waitForTimeout(500);
    }
  }
  if (height > original.height) await page.setViewportSize(original);
  return file;
}

/** Keeps the server's output next to the screenshots when a journey fails. */
export function saveLogs(server: RunningServer | undefined, name: string): void {
  if (!server) return;
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path.join(RESULTS_DIR, `${name}.server.log`), server.logs());
}

/** Calls the API directly (set-up steps that are not what a journey tests). */
export async function apiCall<T>(baseUrl: string, method: string, p: string, body?: unknown, token?: string): Promise<{ status: number; data: T }> {
  const res = await fetch(`${baseUrl}/api/v1${p}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, data: (text ? JSON.parse(text) : null) as T };
}

export async function apiToken(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const r = await apiCall<{ token: string }>(baseUrl, 'POST', '/auth/login', { username, password });
  if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status}`);
  return r.data.token;
}

/** Signs a browser session in through the API, as the sign-in page would: the session cookie lands
 *  in the context, and the page is still blank (the journey opens what it needs). The sign-in page
 *  itself is walked through by shell.e2e and account.e2e. */
export async function signIn(context: BrowserContext, username: string, password = DEMO_PASSWORD): Promise<void> {
  const res = await context.request.post('/api/v1/auth/login', { data: { username, password } });
  if (res.status() !== 200) throw new Error(`sign-in of ${username} failed: ${res.status()} ${await res.text()}`);
}

/** Runs one role's part of a journey in a fresh browser session: signs in (on the sign-in page
 *  when a `password` is given, else through the API, leaving a blank page), runs `fn`, saves the
 *  screenshot `<prefix>-<name>`, fails on any page error, and keeps evidence when it fails. */
export async function asRole(
  env: { browser: Browser; server: RunningServer | undefined; prefix: string },
  role: string, name: string, fn: (page: Page) => Promise<void>, password?: string,
): Promise<void> {
  const context = await newContext(env.browser, env.server!.baseUrl);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    if (password) await login(page, role, password); // a journey about the password signs in on the page
    else await signIn(context, role);
    await fn(page);
    await screenshot(page, `${env.prefix}-${name}`);
    expect(errors).toEqual([]);
  } catch (e) {
    await screenshot(page, `${env.prefix}-${name}-failed`).catch(() => undefined);
    saveLogs(env.server, `${env.prefix}-${name}`);
    throw e;
  } finally {
    await context.close();
  }
}

/** Opens the case of my first open task of a step from the inbox. */
export async function openFromInbox(page: Page, stepZh: string, caseUrl: RegExp): Promise<void> {
  await page.goto('/inbox');
  const row = page.locator('[data-testid="inbox-table"] tbody tr', { hasText: stepZh }).first();
  await row.waitFor();
  await row.click();
  await page.waitForURL(caseUrl);
  await expect(page.getByTestId('open-task-step').textContent()).resolves.toBe(stepZh);
}
