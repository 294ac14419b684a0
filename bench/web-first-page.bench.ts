/**
 * `npm run bench:web`: how fast the web application's first page (the catalogue at /) becomes usable on the
 * embedded server, in headless Chromium with an empty cache each time, as a first visitor meets it.
 * "Interactive" is the moment the list of matters is drawn and the search box takes typing; the target is 2 s.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../src/common/project-root.js';
import { openBrowser } from '../test/support/browser.js';
import { stopAllProcesses } from '../test/support/processes.js';
import { deploy } from '../test/support/tongban.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const TARGET_MS = 2000;
const RESULTS_FILE = 'bench/results/web-first-page-latest.md';
const MARKERS = ['<!-- web-bench:start -->', '<!-- web-bench:end -->'];

interface Visit {
  interactive: number;
  domContentLoaded: number;
  load: number;
  firstContentfulPaint: number;
  kilobytes: number;
}

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];

async function main(): Promise<void> {
  const deployment = await deploy('embedded');
  const browser = await openBrowser();
  const visits: Visit[] = [];
  try {
    for (let run = 0; run < RUNS + 1; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${deployment.baseUrl}/`, { waitUntil: 'commit' });
      await page.getByText('LCJ-XK-001').waitFor();
      await page.getByRole('searchbox').first().fill('草原');
      const interactive = performance.now() - started;
      const timings = await page.evaluate<{ domContentLoaded: number; load: number; firstContentfulPaint: number; bytes: number }>(`(() => {
        const navigation = performance.getEntriesByType('navigation')[0];
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        const bytes = [navigation, ...performance.getEntriesByType('resource')].reduce((sum, entry) => sum + (entry.transferSize || 0), 0);
        return { domContentLoaded: navigation.domContentLoadedEventEnd, load: navigation.loadEventEnd, firstContentfulPaint: paint ? paint.startTime : 0, bytes };
      })()`);
      // The first visit also warms the server (its first reads of the files and the catalogue): shown apart.
      visits.push({ interactive, domContentLoaded: timings.domContentLoaded, load: timings.load, firstContentfulPaint: timings.firstContentfulPaint, kilobytes: timings.bytes / 1024 });
      await context.close();
    }
  } finally {
    await browser.close();
    await deployment.stop();
  }
  await report(visits);
}

async function report([first, ...visits]: Visit[]): Promise<void> {
  const row = (label: string, pick: (visit: Visit) => number) =>
    `| ${label} | ${pick(first).toFixed(0)} | ${quantile(visits.map(pick), 0.5).toFixed(0)} | ${quantile(visits.map(pick), 0.95).toFixed(0)} | ${Math.max(...visits.map(pick)).toFixed(0)} |`;
  // The machine may be shared: its load says how much to trust a slow figure.
  const load = os.loadavg()[0].toFixed(1);
  const p95 = quantile(visits.map((visit) => visit.interactive), 0.95);
  const markdown = [
    `### Web first page, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `The catalogue at \`/\` on the embedded server (\`npm start\`), headless Chromium, a new browser context (empty cache) per visit; ${visits.length} visits after a first one that also warms the server. Node ${process.version}, the API and the browser on the same ${os.cpus().length}-core machine, load average ${load} at the end.`,
    '',
    '| ms (KiB for size) | first visit | p50 | p95 | max |',
    '|---|---|---|---|---|',
    row('**interactive** (matters listed, search box typed into)', (visit) => visit.interactive),
    row('DOMContentLoaded', (visit) => visit.domContentLoaded),
    row('first contentful paint', (visit) => visit.firstContentfulPaint),
    row('load', (visit) => visit.load),
    row('transferred, KiB', (visit) => visit.kilobytes),
    '',
    `Target: interactive under ${TARGET_MS} ms — **${p95 < TARGET_MS ? 'met' : 'missed'}** at p95 (${p95.toFixed(0)} ms).`,
    '',
  ].join('\n');
  console.log(markdown);
  const root = projectRoot();
  await mkdir(path.join(root, 'bench', 'results'), { recursive: true });
  await writeFile(path.join(root, RESULTS_FILE), markdown);
  const [start, end] = MARKERS;
  const readme = path.join(root, 'README.md');
  const text = await readFile(readme, 'utf8');
  const from = text.indexOf(start);
  const to = text.indexOf(end, from);
  if (from >= 0 && to >= 0) await writeFile(readme, `${text.slice(0, from + start.length)}\n${markdown}${text.slice(to)}`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => stopAllProcesses());
