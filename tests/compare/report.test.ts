/**
 * The HTML report in a real browser: Debian's Chromium driven by playwright-core. The page
 * must load with no console error and no request leaving the file, and each chart must have
 * drawn marks: SVG bars in the DOM, and non-white pixels when the SVG is painted.
 *
 * Chromium is required, not optional: .ci/run installs it (apt-get install chromium) when
 * /usr/bin/chromium is missing, and on a machine without it this test fails and says so.
 * REPORT_SCREENSHOT=docs/report.png writes the committed screenshot.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportData } from '../../src/compare/read.js';
import { renderReport } from '../../src/compare/report.js';
import { seedDb } from './seed-db.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
/** Launch, load and paint take seconds on a cold machine; this is a limit, not an assertion. */
const BROWSER_TEST_MS = 120_000;

describe('HTML report in headless Chromium', () => {
  let browser: Browser | undefined;
  let file: string;
  let html: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is not installed at ${CHROMIUM}, so the HTML report cannot be tested. ` +
          'Install it with: apt-get update && apt-get install -y chromium (.ci/run does this in CI).',
      );
    }
    const db = await seedDb();
    html = await renderReport(reportData(db), '2024-01-01');
    file = join(mkdtempSync(join(tmpdir(), 'kommunrapport-report-')), 'report.html');
    writeFileSync(file, html);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, BROWSER_TEST_MS);

  afterAll(async () => {
    await browser?.close();
  });

  it('is one self-contained file: no script, stylesheet or image from elsewhere', () => {
    expect(html).not.toMatch(/<script|<link|<img|https?:\/\/(?!www\.w3\.org)/i);
  });

  it('loads with no console error, no page error and no network request', async () => {
    const page = await browser!.newPage({ viewport: { width: 1100, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.push(`request: ${r.url()}`);
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

    const charts = await page.$$eval('figure.chart', (figs) =>
      figs.map((f) => ({ id: f.id, marks: f.querySelectorAll('svg g.mark-rect path').length })),
    );
    expect(charts.map((c) => c.id)).toEqual(['activities-chart', 'goals-chart', 'netcost-chart', 'deviation-chart']);
    for (const c of charts) expect(c.marks, `${c.id} has no bars`).toBeGreaterThan(0);

    // Paint each chart's SVG on a canvas and count pixels that are not white.
    const inked = await page.$$eval('figure.chart svg', async (svgs) => {
      const out: number[] = [];
      for (const svg of svgs) {
        const w = Number(svg.getAttribute('width'));
        const h = Number(svg.getAttribute('height'));
        const img = new Image();
        img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = w;
        canvas.height = h;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const { data } = ctx.getImageData(0, 0, w, h);
        let n = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) n++;
        out.push(n / (w * h));
      }
      return out;
    });
    expect(inked).toHaveLength(4);
    // Bars, axes and labels: a few percent of each chart's area at least.
    for (const share of inked) expect(share).toBeGreaterThan(0.02);

    const shot = await page.screenshot({ fullPage: true, path: process.env.REPORT_SCREENSHOT || join(file, '..', 'report.png') });
    expect(shot.length).toBeGreaterThan(10_000);
    expect(problems).toEqual([]);
    await page.close();
  }, BROWSER_TEST_MS);
});
