/**
 * How fast the dashboard draws ATOP 5.1 with the seeds (imported by the real importer, served by the real
 * API), measured in Chromium: the first render (navigation start to the first drawn frame) and a slider
 * drag from 1815 to today (how long each redraw waits, and the longest task that blocked the page).
 *
 * The figures are measurements, not assertions: these machines are shared and noisy, so speed is judged
 * in BENCHMARKS.md (the figures are written to test-artifacts/dashboard/render.json and printed), while
 * this test asserts what must hold on any machine: the page draws the network and logs no errors.
 * Chromium here has no GPU: WebGL runs on SwiftShader (the CPU).
 */
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { importAtop } from '../../src/import/atop/index.ts';
import { seedTestDatabase, testGraph, testGraphOptions } from '../support/graph.ts';
import { dayIndex } from '../../web/src/dates.ts';
import {
  ARTIFACTS, buildDashboard, collectErrors, counts, dragSlider, launchChromium, longTasks, REPO, screenshot, startApiProcess, waitForDate, watchLongTasks,
} from './browser.ts';

const ATOP_DIR = join(REPO, '..', 'shared', 'data', 'atop-5.1');

let browser: Browser;
let webDir: string;

beforeAll(async () => {
  webDir = await buildDashboard();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (webDir) await rm(webDir, { recursive: true, force: true });
});

interface Measurement {
  firstRenderMs: number;
  firstFetchMs: number;
  phases: Record<string, number>;
  nations: number;
  alliances: number;
  redraws: number;
  redrawMedianMs: number;
  redrawMaxMs: number;
  fetchMedianMs: number;
  workerMedianMs: number;
  mainMedianMs: number;
  longestTaskMs: number;
  longTasksOver200: number;
  dragMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor(sorted.length / 2)]!;
}

/** Loads the page twice (the first visit warms the server), then drags the slider from 1815 to `until`. */
async function measure(page: Page, url: string, label: string, until: string | null): Promise<Measurement> {
  await page.goto(url);
  await page.waitForSelector('body[data-ready=true]', { timeout: 60_000 });
  await page.reload();
  await page.waitForSelector('body[data-ready=true]', { timeout: 60_000 });
  const first = await page.evaluate(() => window.__entente.metrics);
  const c = await counts(page);
  await screenshot(page, `perf-${label}-first-render`);

  await watchLongTasks(page);
  const started = Date.now();
  const max = Number(await page.getAttribute('#date-slider', 'max'));
  await dragSlider(page, 0, until ? dayIndex(until) / max : 1, 40);
  const date = await page.evaluate(() => window.__entente.state().date);
  await waitForDate(page, date, 120_000);
  const dragMs = Date.now() - started;
  const tasks = await longTasks(page);
  const redraws = await page.evaluate(() => window.__entente.metrics.redraws);
  await screenshot(page, `perf-${label}-after-drag`);
  return {
    firstRenderMs: Math.round(first.firstRenderMs ?? NaN),
    firstFetchMs: Math.round(first.firstFetchMs ?? NaN),
    phases: first.phases,
    nations: c.nations,
    alliances: c.alliances,
    redraws: redraws.length,
    redrawMedianMs: Math.round(median(redraws.map((r) => r.totalMs))),
    redrawMaxMs: Math.round(Math.max(...redraws.map((r) => r.totalMs))),
    fetchMedianMs: Math.round(median(redraws.map((r) => r.fetchMs))),
    workerMedianMs: Math.round(median(redraws.map((r) => r.computeMs))),
    mainMedianMs: Math.round(median(redraws.map((r) => r.mainMs))),
    longestTaskMs: Math.round(Math.max(0, ...tasks)),
    longTasksOver200: tasks.filter((t) => t > 200).length,
    dragMs,
  };
}

function report(label: string, m: Measurement): void {
  console.log(
    `dashboard render (${label}): first render ${m.firstRenderMs} ms (of which the API's answer ${m.firstFetchMs} ms) ` +
    `for ${m.nations} nations / ${m.alliances} alliances ` +
    `(phases ${JSON.stringify(m.phases)}); slider drag from 1815: ${m.redraws} redraws, ` +
    `wait from move to frame median ${m.redrawMedianMs} ms / max ${m.redrawMaxMs} ms (medians: fetch ${m.fetchMedianMs} ms, ` +
    `worker filter+blocs+layout ${m.workerMedianMs} ms, main thread ${m.mainMedianMs} ms), ` +
    `longest task ${m.longestTaskMs} ms, ${m.longTasksOver200} tasks over 200 ms, drag of 40 moves took ${m.dragMs} ms`,
  );
}

describe('dashboard render time', () => {
  it.skipIf(!existsSync(join(ATOP_DIR, 'atop5_1m.csv')))('draws ATOP 5.1 with the seeds, from the real importer and API', async () => {
    const graph = testGraph();
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const errors = collectErrors(page);
    let api: Awaited<ReturnType<typeof startApiProcess>> | undefined;
    try {
      await seedTestDatabase(graph);
      await importAtop(graph, { dir: ATOP_DIR });
      api = await startApiProcess({ neo4j: testGraphOptions(), webDir });
      // The drag runs to the end of ATOP's data (2018); the network of today is timed separately below.
      const m = await measure(page, `${api.url}/?date=1990-01-01`, 'atop', '2018-12-31');
      report('ATOP 5.1 + seeds', m);
      await writeFile(join(ARTIFACTS, 'render.json'), `${JSON.stringify({ measuredAt: new Date().toISOString(), ...m }, null, 2)}\n`);
      // For the record: how long the API takes for the network after ATOP's last year (every membership
      // still open at the end of the data is in force today).
      const started = Date.now();
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ allianceNetwork { nodes { code } edges { a { code } } } }' }),
      });
      const today = (await response.json()) as { data?: { allianceNetwork: { nodes: unknown[]; edges: unknown[] } }; errors?: { message: string }[] };
      console.log(today.data
        ? `ATOP network today: ${today.data.allianceNetwork.nodes.length} nations, ${today.data.allianceNetwork.edges.length} alliances in ${Date.now() - started} ms`
        : `ATOP network today failed after ${Date.now() - started} ms: ${today.errors?.[0]?.message}`);
      expect(m.alliances).toBeGreaterThan(500);
      expect(m.redraws).toBeGreaterThan(5);
      expect(today.errors).toBeUndefined();
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await api?.stop();
      await graph.close();
    }
  }, 600_000);
});
