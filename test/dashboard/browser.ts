/**
 * Shared by the dashboard's browser tests: the page built by Vite into a temporary folder, Debian's Chromium
 * driven by playwright-core (no browser download), console errors collected, screenshots kept in
 * test-artifacts/dashboard/.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { startServerProcess, type DatabaseLogin, type ServerProcess } from '../support/server.ts';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const ARTIFACTS = join(REPO, 'test-artifacts', 'dashboard');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Builds the dashboard with the project's Vite config into a fresh folder, so a running `npm start` is untouched. */
export async function buildDashboard(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'entente-web-'));
  await build({ configFile: join(REPO, 'web', 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's (apt-get update && apt-get install -y chromium) or set CHROMIUM_PATH. The tests never download a browser.`);
  }
  await mkdir(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

/** Console errors and uncaught exceptions of a page; warnings (such as SwiftShader's GPU stall notes) are not errors. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => {
    // The operation, for a GraphQL request: which panel or list was cut off.
    const operation = /(?:query|mutation)\s+(\w+)/.exec(request.postData() ?? '')?.[1];
    errors.push(`request failed: ${request.url()}${operation ? ` (${operation})` : ''} ${request.failure()?.errorText ?? ''}`);
  });
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Waits until the page has drawn the network for `date` (the slider may be ahead of the drawing). */
export async function waitForDate(page: Page, date: string, timeout = 30_000): Promise<void> {
  try {
    await page.waitForFunction((d) => document.body.dataset.networkDate === d && !document.getElementById('status')?.textContent, date, { timeout });
  } catch (error) {
    // Say what the page shows instead: the date it drew and its status line (an API error, say).
    const shown = await page.evaluate(() => ({ drawn: document.body.dataset.networkDate, status: document.getElementById('status')?.textContent }));
    throw new Error(`the page did not draw ${date} within ${timeout} ms: it shows ${JSON.stringify(shown)}`, { cause: error });
  }
}

export interface Counts { nations: number; alliances: number; treaties: number }

export async function counts(page: Page): Promise<Counts> {
  const read = async (id: string) => Number(await page.locator(`#${id}`).textContent());
  return { nations: await read('count-nations'), alliances: await read('count-alliances'), treaties: await read('count-treaties') };
}

/** The obligations of the edge between two nations as drawn, or null when there is none. */
export async function edgeObligations(page: Page, a: string, b: string): Promise<string[] | null> {
  return page.evaluate(([x, y]) => window.__entente.edgeObligations(x!, y!), [a, b]);
}

async function nationPoint(page: Page, code: string): Promise<{ x: number; y: number }> {
  const position = await page.evaluate((c) => window.__entente.nodePosition(c), code);
  if (!position) throw new Error(`${code} is not drawn`);
  const box = await page.locator('#network').boundingBox();
  if (!box) throw new Error('the network has no box');
  return { x: box.x + position.x, y: box.y + position.y };
}

/** Clicks a nation where sigma drew it. */
export async function clickNation(page: Page, code: string): Promise<void> {
  const { x, y } = await nationPoint(page, code);
  await page.mouse.click(x, y);
}

/** Moves the mouse over a nation where sigma drew it. */
export async function hoverNation(page: Page, code: string): Promise<void> {
  const { x, y } = await nationPoint(page, code);
  await page.mouse.move(x - 20, y - 20);
  await page.mouse.move(x, y, { steps: 4 });
}

/** Installs a long-task observer, so a test can tell whether the main thread froze. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask' });
  })()`);
}

export async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate('window.__longTasks.slice()') as Promise<number[]>;
}

/** Drags the date slider with the mouse from one fraction of its width to another, in steps. */
export async function dragSlider(page: Page, from: number, to: number, steps: number): Promise<void> {
  const box = await page.locator('#date-slider').boundingBox();
  if (!box) throw new Error('the slider has no box');
  const y = box.y + box.height / 2;
  // A range input's thumb sits inside the track by half its width.
  const x = (f: number) => box.x + 8 + (box.width - 16) * f;
  await page.mouse.move(x(from), y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(x(from + ((to - from) * i) / steps), y);
    await page.waitForTimeout(25);
  }
  await page.mouse.up();
}

export type { ServerProcess } from '../support/server.ts';
/** Backwards-compatible name for the real API's process. */
export type ApiProcess = ServerProcess;

/**
 * The real API server on the test database, serving the built page, in a process of its own (vitest's
 * module runner would load graphql's CommonJS and ES builds side by side): test/support/server.ts, as the
 * hardening tests use it, with a query timeout long enough for a cold ATOP-sized network.
 */
export function startApiProcess(options: { neo4j: DatabaseLogin; webDir: string; today?: string }): Promise<ServerProcess> {
  return startServerProcess(options.neo4j, {
    webDir: options.webDir,
    ...(options.today ? { today: options.today } : {}),
    env: { ENTENTE_QUERY_TIMEOUT_MS: '30000' },
  });
}
