#!/usr/bin/env node
// Benchmark (not a test: run by bench/customers_1m.sh, never by the test suites): the people
// list of a large workspace in Debian's Chromium through playwright-core.
//
//   RAPPORT_E2E_URL=http://127.0.0.1:18080 RAPPORT_E2E_EMAIL=... RAPPORT_E2E_PASSWORD=... \
//     node e2e/bench-people-list.mjs
//
// Prints:
//   first rows visible after N ms (page load)      a fresh tab opening /people until a row shows
//   first rows visible after N ms (in-app)         from the home page, a click on People
//   blank rows after scrolling: N (of M samples)   the list scrolled deep (pages load as it goes)
//                                                  and back up; after each scroll settles, the part
//                                                  of the screen where rows belong that no row with
//                                                  text covers, in rows (49 px)
// Env: RAPPORT_E2E_CHROMIUM (browser path), RAPPORT_BENCH_SCROLL_STEPS (default 40).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const base = (process.env.RAPPORT_E2E_URL ?? '').replace(/\/+$/, '');
const email = process.env.RAPPORT_E2E_EMAIL || 'demo@rapport.test';
const password = process.env.RAPPORT_E2E_PASSWORD || 'rapport-demo';
const executablePath = process.env.RAPPORT_E2E_CHROMIUM || '/usr/bin/chromium';
const steps = Number(process.env.RAPPORT_BENCH_SCROLL_STEPS || 40);
const ROW_PX = 49;

if (!base) {
  console.error('bench-people-list: set RAPPORT_E2E_URL to the base URL of a running Rapport server');
  process.exit(2);
}
if (!existsSync(executablePath)) {
  console.error(`bench-people-list: no browser at ${executablePath}`);
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' });
const rowSelector = '.record-table tbody tr[data-index]';

/** How much of the screen's share of the table body no row with text covers, in px. */
async function blankPixels(page) {
  return page.evaluate(() => {
    const tbody = document.querySelector('.record-table tbody');
    if (!tbody) return { blank: window.innerHeight, rows: 0, first: -1, last: -1 };
    const box = tbody.getBoundingClientRect();
    const top = Math.max(0, box.top);
    const bottom = Math.min(window.innerHeight, box.bottom);
    const spans = [];
    let first = -1;
    let last = -1;
    for (const tr of tbody.querySelectorAll('tr[data-index]')) {
      const b = tr.getBoundingClientRect();
      if (b.bottom <= top || b.top >= bottom || !tr.innerText.trim()) continue;
      spans.push([Math.max(b.top, top), Math.min(b.bottom, bottom)]);
      const index = Number(tr.dataset.index);
      if (first < 0 || index < first) first = index;
      last = Math.max(last, index);
    }
    spans.sort((a, b) => a[0] - b[0]);
    let covered = 0;
    let end = top;
    for (const [s, e] of spans) {
      if (e <= end) continue;
      covered += e - Math.max(s, end);
      end = e;
    }
    return { blank: Math.max(0, bottom - top - covered), rows: spans.length, first, last };
  });
}

/** Waits until two animation frames pass with no network request of the list in flight. */
async function settle(page, inflight) {
  for (let i = 0; i < 100 && inflight.size > 0; i += 1) await page.waitForTimeout(20);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

let exitCode = 0;
try {
  // Sign in through the API: the session cookie lands in the browser context.
  const login = await context.request.post(`${base}/api/v1/auth/login`, { data: { email, password } });
  if (!login.ok()) throw new Error(`sign-in failed: ${login.status()} ${await login.text()}`);

  const page = await context.newPage();
  const inflight = new Set();
  page.on('request', (r) => r.url().includes('/api/v1/people') && inflight.add(r));
  page.on('requestfinished', (r) => inflight.delete(r));
  page.on('requestfailed', (r) => inflight.delete(r));

  // 1. A fresh page load of /people (the app's bundle included) until a row is visible.
  let t0 = performance.now();
  await page.goto(`${base}/people`);
  await page.locator(rowSelector).first().waitFor({ state: 'visible', timeout: 30_000 });
  const pageLoad = performance.now() - t0;
  console.log(`first rows visible after ${pageLoad.toFixed(0)} ms (page load)`);

  // 2. In-app navigation: home, then People in the navigation.
  await page.goto(`${base}/`);
  await page.locator('h1').first().waitFor();
  t0 = performance.now();
  await page.getByRole('navigation').getByRole('link', { name: 'People' }).first().click();
  await page.locator(rowSelector).first().waitFor({ state: 'visible', timeout: 30_000 });
  const inApp = performance.now() - t0;
  console.log(`first rows visible after ${inApp.toFixed(0)} ms (in-app)`);

  // 3. Scroll deep: to the end of what is loaded (which loads the next pages), then jumps
  //    back to random places; sample the screen after each scroll settles.
  let blankRows = 0;
  let samples = 0;
  let worst = 0;
  let deepest = 0;
  const sample = async (what) => {
    await settle(page, inflight);
    const s = await blankPixels(page);
    samples += 1;
    deepest = Math.max(deepest, s.last);
    const rows = Math.round(s.blank / ROW_PX);
    if (rows > 0) {
      blankRows += rows;
      console.log(`  blank: ${s.blank.toFixed(0)} px after ${what} (rows ${s.first}..${s.last} visible)`);
    }
    worst = Math.max(worst, s.blank);
  };
  t0 = performance.now();
  for (let i = 0; i < steps; i += 1) {
    await page.evaluate(() => window.scrollBy(0, window.innerHeight * 4));
    await sample(`scrolling down (step ${i + 1})`);
  }
  const scrollSeconds = (performance.now() - t0) / 1000;
  for (let i = 0; i < 10; i += 1) {
    await page.evaluate(() => window.scrollTo(0, Math.random() * document.documentElement.scrollHeight));
    await sample(`a jump (${i + 1})`);
  }
  const loaded = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(
    `scrolled to row ${deepest} in ${scrollSeconds.toFixed(1)} s (${steps} steps of 4 screens; page ${loaded} px tall)`,
  );
  console.log(`blank rows after scrolling: ${blankRows} (of ${samples} samples; worst ${worst.toFixed(0)} px)`);
} catch (e) {
  console.error(`bench-people-list: ${e instanceof Error ? e.message : String(e)}`);
  exitCode = 1;
} finally {
  await browser.close();
}
process.exit(exitCode);
