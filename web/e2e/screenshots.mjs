#!/usr/bin/env node
// Screenshots of every main screen in every language, for a reviewer to look at in one place.
//
//   RAPPORT_E2E_URL=http://127.0.0.1:18080 npm run screenshots     (or scripts/screenshots.sh)
//
// Signs in as the demo owner and as the demo partner user, and for each language the web app
// speaks sets the profile language, then visits each screen of the main navigation and of
// Settings (found in the page, so a new area's screen is included without editing this file),
// a record of each kind, the search dialog, a merge and the import wizard. Writes
// <out>/<user>/<language>/<nn>-<screen>.png and <out>/index.html, a table with one row per
// screen and one column per language. Env: RAPPORT_E2E_URL (required), RAPPORT_E2E_OUT (default
// web/test-output/screenshots), RAPPORT_E2E_CHROMIUM (browser path), RAPPORT_SHOT_LANGUAGES
// (comma-separated, default en,it,es,pt). Exits 1 if a screen could not be shown.
import { mkdirSync, existsSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { sessionApi } from './session.mjs';

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const base = (process.env.RAPPORT_E2E_URL ?? '').replace(/\/+$/, '');
const outDir = resolve(process.env.RAPPORT_E2E_OUT || join(webDir, 'test-output', 'screenshots'));
const executablePath = process.env.RAPPORT_E2E_CHROMIUM || '/usr/bin/chromium';
const languages = (process.env.RAPPORT_SHOT_LANGUAGES || 'en,it,es,pt').split(',').map((l) => l.trim());
const password = process.env.RAPPORT_E2E_PASSWORD || 'rapport-demo';
const users = [
  { key: 'owner', email: process.env.RAPPORT_E2E_EMAIL || 'demo@rapport.test' },
  { key: 'partner', email: 'partner@rapport.test' },
];

if (!base) {
  console.error('screenshots: set RAPPORT_E2E_URL to the base URL of a running Rapport server');
  process.exit(2);
}
if (!existsSync(executablePath)) {
  console.error(`screenshots: no browser at ${executablePath} (apt-get install -y chromium, or set RAPPORT_E2E_CHROMIUM)`);
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});

/** Screens found, in order of first sight: key → label; shots: user → key → language → file. */
const screens = new Map();
const shots = {};
const problems = [];

async function settle(page) {
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  await page.locator('h1').first().waitFor({ timeout: 10_000 });
  // Lists show a placeholder row while loading; give the data a moment to replace it.
  await page
    .locator('[aria-busy="true"]')
    .first()
    .waitFor({ state: 'detached', timeout: 5_000 })
    .catch(() => undefined);
}

const api = (page, method, path, body) => sessionApi(page)(method, path, body);

async function shoot(page, user, language, key, label, { fullPage = false } = {}) {
  if (!screens.has(key)) screens.set(key, label);
  const dir = join(outDir, user, language);
  mkdirSync(dir, { recursive: true });
  const index = [...screens.keys()].indexOf(key) + 1;
  const file = join(dir, `${String(index).padStart(2, '0')}-${key}.png`);
  await page.screenshot({ path: file, fullPage });
  ((shots[user] ??= {})[key] ??= {})[language] = relative(outDir, file);
}

async function visit(page, user, language, key, label, url, options) {
  try {
    await page.goto(`${base}${url}`);
    await settle(page);
    await shoot(page, user, language, key, label, options);
  } catch (e) {
    problems.push(`${user}/${language} ${key} (${url}): ${String(e?.message ?? e).split('\n')[0]}`);
  }
}

/** The links of a navigation landmark: [{ href, text }], same-origin paths only. */
async function linksOf(page, selector) {
  return page
    .locator(`${selector} a[href^="/"]`)
    .evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), text: (a.textContent ?? '').trim() })));
}

const slug = (href) =>
  href
    .replace(/^\/+/, '')
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/-+$/, '') || 'home';

for (const user of users) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${base}/sign-in`);
  await page.locator('input[type="email"], input[name="email"]').first().fill(user.email);
  await page.locator('input[type="password"]').first().fill(password);
  await page.locator('form button[type="submit"]').first().click();
  await page.waitForURL((u) => u.pathname === '/');
  const original = (await api(page, 'GET', '/me')).body?.user?.language ?? null;

  for (const language of languages) {
    const me = (await api(page, 'GET', '/me')).body;
    const set = await api(page, 'PATCH', `/users/${me.user.id}`, { language });
    if (set.status >= 300) {
      problems.push(`${user.key}: could not set the profile language to ${language} (HTTP ${set.status})`);
      continue;
    }
    await page.evaluate((l) => localStorage.setItem('rapport.language', l), language);
    await visit(page, user.key, language, 'home', 'Home', '/');

    const main = (await linksOf(page, '#main-nav')).filter((l) => l.href !== '/');
    for (const link of main) {
      const key = slug(link.href);
      if (key.startsWith('settings')) continue; // its sections are visited below
      await visit(page, user.key, language, key, link.href, link.href);
      // The first record of a list: its page is one of the main screens too.
      if (key === 'people' || key === 'companies') {
        const first = page.locator(`main a[href^="/${key}/"]:not([href$="/new"])`).first();
        const href = await first.getAttribute('href', { timeout: 5_000 }).catch(() => null);
        if (href) {
          const label = `${href} (first ${key} record)`;
          await visit(page, user.key, language, `${key}-record`, label, href, { fullPage: true });
        }
      }
      if (key === 'segments') {
        const first = page.locator('main a[href^="/segments/"]:not([href$="/new"])').first();
        const href = await first.getAttribute('href', { timeout: 5_000 }).catch(() => null);
        if (href) await visit(page, user.key, language, 'segment', `${href} (first segment)`, href, { fullPage: true });
      }
      if (key === 'duplicates') {
        // A new workspace has no pairs until someone scans: scan once, as a user would.
        if (!(await page.locator('main a[href*="/merge"]').count())) {
          await api(page, 'POST', '/duplicates/scan', { type: 'person' });
          await visit(page, user.key, language, key, link.href, link.href);
        }
        const merge = page.locator('main a[href*="/merge"]').first();
        const href = await merge.getAttribute('href', { timeout: 5_000 }).catch(() => null);
        if (href) await visit(page, user.key, language, 'merge', `${href} (the top pair)`, href, { fullPage: true });
      }
    }

    // Settings has its own navigation of sections.
    if (main.some((l) => l.href.startsWith('/settings'))) {
      await page.goto(`${base}/settings`);
      await settle(page).catch(() => undefined);
      const sections = await linksOf(page, 'main nav');
      for (const s of sections) {
        await visit(page, user.key, language, slug(s.href), s.href, s.href, { fullPage: true });
      }
    }

    // The search dialog, opened with a name the demo has many of.
    try {
      await page.goto(`${base}/`);
      await settle(page);
      await page.keyboard.press('Control+k');
      const input = page.getByRole('dialog').locator('input').first();
      await input.waitFor();
      await input.fill('Lombardo');
      await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
      await page
        .getByRole('dialog')
        .getByRole('option')
        .first()
        .waitFor({ timeout: 5_000 })
        .catch(() => undefined);
      await shoot(page, user.key, language, 'search', 'Search dialog ("Lombardo")');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
    } catch (e) {
      problems.push(`${user.key}/${language} search: ${String(e?.message ?? e).split('\n')[0]}`);
    }
  }
  await api(page, 'PATCH', `/users/${(await api(page, 'GET', '/me')).body.user.id}`, { language: original });
  await context.close();
}
await browser.close();

const escape = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
let html = `<!doctype html><meta charset="utf-8"><title>Rapport screenshots</title>
<style>body{font:14px system-ui;margin:1rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px;vertical-align:top}
img{width:320px;display:block}th{position:sticky;top:0;background:#fff}</style>
<h1>Rapport: each main screen in each language</h1><p>Made ${escape(new Date().toISOString())} from ${escape(base)}.</p>`;
for (const user of users) {
  if (!shots[user.key]) continue;
  html += `<h2>${escape(user.key)} (${escape(user.email)})</h2><table><tr><th>screen</th>`;
  html += languages.map((l) => `<th>${escape(l)}</th>`).join('') + '</tr>';
  for (const [key, label] of screens) {
    const row = shots[user.key][key];
    if (!row) continue;
    html += `<tr><td>${escape(key)}<br><small>${escape(label)}</small></td>`;
    html += languages
      .map((l) =>
        row[l] ? `<td><a href="${escape(row[l])}"><img loading="lazy" src="${escape(row[l])}"></a></td>` : '<td>—</td>',
      )
      .join('');
    html += '</tr>';
  }
  html += '</table>';
}
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'index.html'), html);

const count = Object.values(shots).reduce(
  (n, byKey) => n + Object.values(byKey).reduce((m, r) => m + Object.keys(r).length, 0),
  0,
);
console.log(
  `screenshots: ${count} screenshots of ${screens.size} screens in ${languages.length} languages: ${join(outDir, 'index.html')}`,
);
for (const p of problems) console.log(`screenshots: could not show ${p}`);
process.exit(problems.length ? 1 : 0);
