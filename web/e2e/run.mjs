#!/usr/bin/env node
// End-to-end test of the web app against a running Rapport server, in Debian's Chromium
// through playwright-core (which never downloads a browser).
//
//   RAPPORT_E2E_URL=http://127.0.0.1:18080 npm run e2e
//
// Env: RAPPORT_E2E_URL (required), RAPPORT_E2E_EMAIL / RAPPORT_E2E_PASSWORD (the demo login),
// RAPPORT_E2E_OUT (screenshots; default web/test-output), RAPPORT_E2E_CHROMIUM (browser path).
// Prints one line per scenario and ends with "N passed, M failed"; exits 1 on any failure.
import { mkdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { segmentsSearchImportScenarios } from './scenarios/segments_search_import.mjs';
import { importFlagsScenarios } from './scenarios/import_flags.mjs';
import { importDefaultsScenarios } from './scenarios/import_defaults.mjs';
import { partitionScenarios } from './scenarios/partitions.mjs';
import { importHistoryScenarios } from './scenarios/import_history.mjs';
import { partnerScenarios } from './scenarios/partner.mjs';
import { deskTasksScenarios } from './scenarios/desk_tasks.mjs';
import { servicedeskScenarios } from './scenarios/servicedesk.mjs';
import { servicedeskSettingsScenarios } from './scenarios/servicedesk_settings.mjs';
import { serviceLevelsScenarios } from './scenarios/service_levels.mjs';
import { satisfactionScenarios } from './scenarios/satisfaction.mjs';
import { portfoliosScenarios } from './scenarios/portfolios.mjs';
import { costsScenarios } from './scenarios/costs.mjs';
import { canvasScenarios } from './scenarios/canvas.mjs';
import { canvasExportScenarios } from './scenarios/canvas-exports.mjs';
import { canvasRelationshipsScenarios } from './scenarios/canvas-relationships.mjs';
import { relationshipPlanScenarios } from './scenarios/relationship_plans.mjs';

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const base = (process.env.RAPPORT_E2E_URL ?? '').replace(/\/+$/, '');
const email = process.env.RAPPORT_E2E_EMAIL || 'demo@rapport.test';
const password = process.env.RAPPORT_E2E_PASSWORD || 'rapport-demo';
const outDir = resolve(process.env.RAPPORT_E2E_OUT || join(webDir, 'test-output'));
const executablePath = process.env.RAPPORT_E2E_CHROMIUM || '/usr/bin/chromium';

if (!base) {
  console.error('e2e: set RAPPORT_E2E_URL to the base URL of a running Rapport server, e.g. http://127.0.0.1:18080');
  process.exit(2);
}
if (!existsSync(executablePath)) {
  console.error(`e2e: no browser at ${executablePath} (apt-get install -y chromium, or set RAPPORT_E2E_CHROMIUM)`);
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

const stamp = Date.now().toString(36);
const newUser = { email: `e2e-${stamp}@rapport.test`, name: `E2E Person ${stamp}`, password: 'e2e-password-123' };
const teamName = `E2E Sales ${stamp}`;
const keyName = `E2E key ${stamp}`;
const companyName = `E2E Torrefazione ${stamp} S.r.l.`;
const personFirst = 'Giulia';
const personLast = `E2E ${stamp}`;
const customLabel = `E2E blend ${stamp}`;
let companyPath = '';
let personPath = '';

// playwright's launch() gives every run a fresh, temporary user data dir.
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
// Reduced motion: no drawer animation half-way through a screenshot.
const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB', reducedMotion: 'reduce' });
const page = await context.newPage();
page.setDefaultTimeout(15_000);
page.setDefaultNavigationTimeout(20_000);

const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(String(e)));
page.on('console', (m) => {
  if (m.type() === 'error' && !/status of (401|403|404|422)/.test(m.text())) pageErrors.push(`console: ${m.text()}`);
});

let passed = 0;
let failed = 0;
let shot = 0;

/** `fullPage: false` for the virtualised lists, whose page is as tall as all their rows. */
async function screenshot(name, { fullPage = true } = {}) {
  shot += 1;
  const file = join(outDir, `${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage }).catch(() => undefined);
  return file;
}

async function scenario(name, fn) {
  const started = Date.now();
  try {
    await fn();
    passed += 1;
    console.log(`ok   ${passed + failed} - ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed += 1;
    const file = await screenshot(`FAILED-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
    const message = String(e?.message ?? e).split('\n')[0];
    console.log(`FAIL ${passed + failed} - ${name}: ${message} (screenshot ${file})`);
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

const path = () => new URL(page.url()).pathname;
const waitForPath = (p) => page.waitForURL((u) => u.pathname === p);
const heading = (name) => page.getByRole('heading', { level: 1, name });
const nav = () => page.locator('#main-nav'); // its name is translated too

async function openUserMenu() {
  const button = page.locator('.user-menu-button');
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  return page.locator('.user-menu-panel');
}

/** The profile language would override the browser's; make sure this run starts in English. */
async function resetProfileLanguage() {
  const changed = await page.evaluate(async () => {
    const me = await (await fetch('/api/v1/me')).json();
    if (!me.user || me.user.language === 'en' || me.user.language === null) return false;
    const res = await fetch(`/api/v1/users/${me.user.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
      body: JSON.stringify({ language: 'en' }),
    });
    return res.ok;
  });
  await page.evaluate(() => localStorage.setItem('rapport.language', 'en'));
  if (changed) await page.reload();
}

await scenario('sign in with the demo login', async () => {
  await page.goto(`${base}/`);
  await waitForPath('/sign-in');
  await heading('Sign in').waitFor();
  await screenshot('sign-in');
  // A wrong password first: the server's message must be shown in plain words.
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('definitely-not-the-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const text = await alert.innerText();
  assert(/not correct|too many/i.test(text), `unexpected sign-in error: ${text}`);
  await screenshot('sign-in-error');
  if (email === 'demo@rapport.test' && password === 'rapport-demo') {
    await page.getByRole('button', { name: 'Use the demo login' }).click();
  } else {
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }
  await waitForPath('/');
  await resetProfileLanguage();
  await page.locator('h1').filter({ hasText: 'Welcome' }).waitFor();
});

await scenario('see the home page with who you are and your role', async () => {
  const main = page.locator('main');
  await main.getByText(email).waitFor();
  const text = await main.innerText();
  assert(/Role\s*Owner|Owner/.test(text), 'the role is not shown');
  assert(await nav().getByRole('link', { name: 'Settings' }).isVisible(), 'no Settings in the navigation');
  assert(await main.getByRole('link', { name: 'Users' }).isVisible(), 'no link to Users settings');
  await screenshot('home');
});

await scenario('settings → users: create a user and see it listed', async () => {
  await nav().getByRole('link', { name: 'Settings' }).click();
  await waitForPath('/settings/users');
  await heading('Users').waitFor();
  await page.locator('table').getByText(email).waitFor();
  await screenshot('users');
  await page.getByRole('link', { name: 'Add a user' }).click();
  await waitForPath('/settings/users/new');
  await page.getByLabel('Email').fill(newUser.email);
  await page.getByLabel(/^Name/).fill(newUser.name);
  await page.getByLabel(/^Role/).selectOption('member');
  await page.getByLabel(/^Language/).selectOption('it');
  await page.getByLabel(/^Password/).fill(newUser.password);
  await screenshot('user-new');
  await page.getByRole('button', { name: 'Add user' }).click();
  await waitForPath('/settings/users');
  await page.getByRole('status').filter({ hasText: newUser.email }).waitFor();
  const row = page.locator('tr', { hasText: newUser.email });
  await row.waitFor();
  assert((await row.innerText()).includes(newUser.name), 'the new row lacks the name');
  await screenshot('users-after-create');
});

await scenario("create a user with a bad email: the server's message is beside the email field", async () => {
  await page.getByRole('link', { name: 'Add a user' }).click();
  await waitForPath('/settings/users/new');
  const emailInput = page.getByLabel('Email');
  await emailInput.fill('not-an-email');
  await page.getByLabel(/^Name/).fill('Bad Email');
  await page.getByLabel(/^Password/).fill(newUser.password);
  await page.getByRole('button', { name: 'Add user' }).click();
  await page.locator('input[name="email"][aria-invalid="true"]').waitFor();
  const describedBy = (await emailInput.getAttribute('aria-describedby')) ?? '';
  const messages = await Promise.all(
    describedBy
      .split(' ')
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).innerText()),
  );
  assert(
    messages.some((m) => /valid email/i.test(m)),
    `no email message beside the field (got: ${messages.join(' | ')})`,
  );
  const box = await emailInput.boundingBox();
  const msgBox = await page.locator('.field-invalid .field-error').first().boundingBox();
  assert(box && msgBox && Math.abs(msgBox.y - (box.y + box.height)) < 80, 'the message is not right under the email field');
  assert((await emailInput.inputValue()) === 'not-an-email', 'the typed email was lost');
  assert((await page.getByLabel(/^Name/).inputValue()) === 'Bad Email', 'the typed name was lost');
  assert((await page.getByRole('alert').count()) > 0, 'no alert announced');
  await screenshot('user-bad-email');
});

await scenario('create a sales team with a member (hunter)', async () => {
  await page.locator('.subnav').getByRole('link', { name: 'Teams' }).click();
  await waitForPath('/settings/teams');
  await heading('Teams').waitFor();
  await page.getByRole('link', { name: 'New team' }).click();
  await waitForPath('/settings/teams/new');
  await page.getByLabel(/^Name/).fill(teamName);
  await page.getByLabel(/^Kind/).selectOption('sales');
  await page.getByLabel('Description').fill('Created by the end-to-end test');
  await page.getByRole('checkbox', { name: new RegExp(newUser.name) }).check();
  await page.getByLabel(`Sales role of ${newUser.name}`).selectOption('hunter');
  await screenshot('team-new');
  await page.getByRole('button', { name: 'Create team' }).click();
  await waitForPath('/settings/teams');
  const row = page.locator('tr', { hasText: teamName });
  await row.waitFor();
  await row.getByText(newUser.name).waitFor();
  const text = await row.innerText();
  assert(/Hunter/.test(text) && /Sales/.test(text), `team row lacks the kind or sales role: ${text}`);
  await screenshot('teams');
});

await scenario('edit a user: name, role and access', async () => {
  await page.locator('.subnav').getByRole('link', { name: 'Users' }).click();
  await waitForPath('/settings/users');
  const row = page.locator('tr', { hasText: newUser.email });
  await row.getByRole('link', { name: /Edit/ }).click();
  await heading('Edit user').waitFor();
  newUser.name = `${newUser.name} (edited)`;
  await page.getByLabel(/^Name/).fill(newUser.name);
  await page.getByLabel(/^Role/).selectOption('viewer');
  await page.getByLabel(/Can sign in/).uncheck();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await screenshot('user-edited');
  await page.getByRole('link', { name: 'Back to users' }).click();
  const edited = page.locator('tr', { hasText: newUser.email });
  await edited.locator('th').getByText('(edited)').waitFor();
  const text = await edited.innerText();
  assert(/Viewer/.test(text) && /Inactive/.test(text), `the list does not show the new role and access: ${text}`);
});

await scenario('create an API key and see its token once', async () => {
  await page.locator('.subnav').getByRole('link', { name: 'API keys' }).click();
  await waitForPath('/settings/api-keys');
  await heading('API keys').waitFor();
  await page.getByLabel(/^Name/).fill(keyName);
  await page.getByLabel(/^Role/).selectOption('member');
  await page.getByRole('button', { name: 'Create key' }).click();
  const token = page.getByLabel('Token');
  await token.waitFor();
  const value = ((await token.textContent()) ?? '').trim();
  assert(/^rpk_/.test(value), `the token does not look like an API key: ${value.slice(0, 8)}…`);
  // Shown whole: nothing scrolled away or clipped, and lines tall enough for the underscores.
  const box = await token.evaluate((el) => {
    const style = getComputedStyle(el);
    return {
      clippedX: el.scrollWidth > el.clientWidth + 1,
      clippedY: el.scrollHeight > el.clientHeight + 1,
      lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize),
      mono: /mono/i.test(style.fontFamily),
      text: el.innerText.replace(/\s+/g, ''),
    };
  });
  assert(!box.clippedX && !box.clippedY, `the token is clipped: ${JSON.stringify(box)}`);
  assert(box.lineHeight >= 1.5, `the token's lines are too tight for its underscores (${box.lineHeight})`);
  assert(box.mono, 'the token is not in a monospace font');
  assert(box.text === value, 'the token on screen is not the whole token');
  await page.getByRole('button', { name: 'Copy' }).click();
  await page
    .locator('.copy-status')
    .filter({ hasText: /Copied|Could not copy/ })
    .waitFor();
  await page.locator('tr', { hasText: keyName }).waitFor();
  await screenshot('api-key-created');
  await page.getByRole('button', { name: 'I have saved the token' }).click();
  assert((await page.getByLabel('Token').count()) === 0, 'the token is still shown');
});

await scenario('roles & permissions: the owner edits the grid', async () => {
  await page.locator('.subnav').getByRole('link', { name: 'Roles & permissions' }).click();
  await waitForPath('/settings/roles');
  await heading('Roles & permissions').waitFor();
  const viewerRead = page.getByLabel('What Viewer can see');
  const before = await viewerRead.inputValue();
  const changed = before === 'own' ? 'team' : 'own';
  await viewerRead.selectOption(changed);
  await page.getByRole('button', { name: 'Save changes (1)' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await screenshot('roles');
  assert((await viewerRead.inputValue()) === changed, 'the saved scope did not stay');
  await viewerRead.selectOption(before); // put it back
  await page.getByRole('button', { name: 'Save changes (1)' }).click();
  await page.getByRole('button', { name: 'Save changes (0)' }).waitFor();
});

await scenario('the session ends mid-form: sign in again in place, nothing typed is lost', async () => {
  await page.locator('.subnav').getByRole('link', { name: 'API keys' }).click();
  await waitForPath('/settings/api-keys');
  const typed = `Kept ${stamp}`;
  await page.getByLabel(/^Name/).fill(typed);
  await context.clearCookies(); // as if the session expired
  await page.getByRole('button', { name: 'Create key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
  await dialog.waitFor();
  await screenshot('session-expired');
  await dialog.getByLabel('Password').fill(password);
  await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert((await page.getByLabel(/^Name/).inputValue()) === typed, 'the typed name was lost');
  await page.getByRole('button', { name: 'Create key' }).click();
  await page.getByLabel('Token').waitFor();
  await page.getByRole('button', { name: 'I have saved the token' }).click();
});

await scenario('open the audit log and see the login entry', async () => {
  await page.locator('.subnav').getByRole('link', { name: 'Audit log' }).click();
  await waitForPath('/settings/audit');
  await heading('Audit log').waitFor();
  const loginRow = page.locator('tr', { hasText: 'auth.login' }).filter({ hasText: email }).first();
  await loginRow.waitFor();
  await page.locator('tr', { hasText: 'api_key.created' }).first().waitFor();
  await screenshot('audit');
  await page.getByLabel('Action').selectOption('auth.login');
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await page.getByText(/Entries shown: \d+/).waitFor();
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('tbody tr td:nth-child(3) code')];
    return cells.length > 0 && cells.every((c) => c.textContent === 'auth.login');
  });
  await screenshot('audit-filtered');
});

// --- customers: companies, people, record pages, timeline, custom fields --------------------

/** The texts tied to a control with aria-describedby (its hint and its error). */
async function describedTexts(locator) {
  const ids = ((await locator.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  return Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
}

const recordPath = (segment) => new RegExp(`^/${segment}/\\d+$`);

/** Scrolls the virtualised list down until `row` is in the page (the list reads pages as it goes). */
async function scrollListUntil(row, maxSteps = 80) {
  for (let i = 0; i < maxSteps; i += 1) {
    if ((await row.count()) > 0) return;
    await page.evaluate(() => window.scrollBy(0, window.innerHeight * 3));
    await page.waitForTimeout(120);
  }
  await row.first().waitFor({ timeout: 3000 });
}

await scenario('companies: the list is read page by page and keeps only the rows near the screen', async () => {
  await nav().getByRole('link', { name: 'Companies' }).click();
  await waitForPath('/companies');
  await heading('Companies').waitFor();
  const rows = page.locator('.record-table tbody tr[data-index]');
  await rows.first().waitFor();
  await page.getByText(/loaded; scroll down for more/).waitFor();
  const rendered = await rows.count();
  assert(rendered > 5 && rendered < 80, `${rendered} rows in the page: the list is not virtualised`);
  const text = await page.locator('.record-table thead').innerText();
  assert(/Name/.test(text) && /City/.test(text) && /Owner/.test(text) && /Tags/.test(text), `unexpected columns: ${text}`);
  await screenshot('companies', { fullPage: false });
});

await scenario('companies: choose the columns; the saved view survives a reload', async () => {
  await page.getByRole('button', { name: /^Columns/ }).click();
  await page.getByRole('checkbox', { name: 'VAT number' }).check();
  await page.getByRole('checkbox', { name: 'Buyer kind' }).check();
  await page.getByRole('columnheader', { name: 'VAT number' }).waitFor();
  await screenshot('companies-columns', { fullPage: false });
  await page.getByRole('button', { name: 'Done' }).click();
  await page.reload();
  await page.getByRole('columnheader', { name: 'VAT number' }).waitFor();
  await page.getByRole('columnheader', { name: 'Buyer kind' }).waitFor();
  const saved = await page.evaluate(() => localStorage.getItem('rapport.view.company'));
  assert(saved && saved.includes('field:vat_id'), `the view was not saved: ${saved}`);
});

await scenario('create a company with a valid Italian P.IVA and see it in the list', async () => {
  await page.getByRole('link', { name: 'New company' }).click();
  await waitForPath('/companies/new');
  await heading('New company').waitFor();
  await page.getByLabel(/^Legal name/).fill(companyName);
  await page.getByLabel(/^Country/).selectOption('IT');
  await page.getByLabel(/^VAT number/).fill('00743110157');
  await page.getByLabel(/^Phone/).fill('02 1234 5678');
  await page.getByLabel(/^City/).fill('Milano');
  await page.getByLabel(/^Buyer kind/).selectOption('reseller');
  const tags = page.getByLabel(/^Tags/);
  await tags.fill('e2e');
  await tags.press('Enter');
  await tags.fill('horeca');
  await tags.press('Enter');
  await screenshot('company-new');
  await page.getByRole('button', { name: 'Create company' }).click();
  await page.waitForURL((u) => recordPath('companies').test(u.pathname));
  companyPath = path();
  await heading(companyName).waitFor();
  await page.getByRole('status').filter({ hasText: 'was created' }).waitFor();
  const main = await page.locator('main').innerText();
  assert(main.includes('00743110157'), 'the VAT number is not shown');
  assert(/\+39\s?02/.test(main.replace(/\s+/g, ' ')), 'the phone is not in E.164 (+39…)');
  assert(/B2B2C buyer: Reseller/.test(main), 'the B2B2C buyer kind is not shown');
  // Where each value came from is one click away, not a badge on every field.
  assert((await page.locator('.prov-badge').count()) === 0, 'source badges show before "Sources" is pressed');
  await page.getByRole('button', { name: 'Sources' }).click();
  const badge = page.getByRole('button', { name: /^VAT number: from Manual/ });
  await badge.hover();
  const tip = page.locator('.prov:hover [role="tooltip"]');
  await tip.waitFor();
  assert(/First-party data/.test(await tip.innerText()), 'the provenance tooltip does not name the kind of data');
  await screenshot('company-record');
  // New ids come last in the list's stable order: scroll until the row is read and shown.
  await page.locator('.breadcrumb').getByRole('link', { name: 'Companies' }).click();
  await waitForPath('/companies');
  const row = page.locator('.record-table tbody tr', { hasText: companyName });
  await scrollListUntil(row);
  const text = await row.innerText();
  assert(text.includes('00743110157') && /Reseller/.test(text) && /e2e/.test(text), `the row lacks the new values: ${text}`);
  await screenshot('companies-new-row', { fullPage: false });
});

await scenario("an invalid P.IVA: the server's message is beside the VAT field and what was typed stays", async () => {
  await page.goto(`${base}/companies/new`);
  await heading('New company').waitFor();
  const legal = page.getByLabel(/^Legal name/);
  const vat = page.getByLabel(/^VAT number/);
  await legal.fill(`E2E Bad VAT ${stamp}`);
  await page.getByLabel(/^Country/).selectOption('IT');
  await vat.fill('00743110158');
  await page.getByRole('button', { name: 'Create company' }).click();
  await page.locator('input[name="vat_id"][aria-invalid="true"]').waitFor();
  const messages = await describedTexts(vat);
  assert(
    messages.some((m) => /check digit/i.test(m)),
    `no P.IVA message beside the VAT field (got: ${messages.join(' | ')})`,
  );
  const box = await vat.boundingBox();
  const msgBox = await page.locator('.field-invalid .field-error').first().boundingBox();
  assert(
    box && msgBox && msgBox.y > box.y && msgBox.y - (box.y + box.height) < 80,
    'the message is not right under the VAT field',
  );
  assert((await vat.inputValue()) === '00743110158', 'the typed VAT number was lost');
  assert((await legal.inputValue()) === `E2E Bad VAT ${stamp}`, 'the typed legal name was lost');
  assert((await page.getByLabel(/^Country/).inputValue()) === 'IT', 'the chosen country was lost');
  assert(await vat.evaluate((el) => el === document.activeElement), 'focus did not move to the VAT field');
  assert((await page.getByRole('alert').count()) > 0, 'no alert announced');
  assert(path() === '/companies/new', 'the form was left');
  await screenshot('company-bad-vat');
});

await scenario("create a person who is the new buyer's consumer", async () => {
  await nav().getByRole('link', { name: 'People' }).click();
  await waitForPath('/people');
  await heading('People').waitFor();
  await page.locator('.record-table tbody tr[data-index]').first().waitFor();
  await screenshot('people', { fullPage: false });
  await page.getByRole('link', { name: 'New person' }).click();
  await waitForPath('/people/new');
  await page.getByLabel(/^First name/).fill(personFirst);
  await page.getByLabel(/^Last name/).fill(personLast);
  await page.getByLabel(/^Email/).fill(`giulia.${stamp}@example.it`);
  await page.getByLabel(/^Country/).selectOption('IT');
  await page.getByLabel(/^Phone/).fill('333 123 4567');
  await page.getByLabel(/^Language/).selectOption('it');
  const buyer = page.getByLabel(/^Buyer/);
  await page.waitForFunction(() => !document.querySelector('select[name="buyer_company_id"]')?.disabled);
  await buyer.selectOption({ label: `${companyName} · Reseller` });
  await screenshot('person-new');
  await page.getByRole('button', { name: 'Create person' }).click();
  await page.waitForURL((u) => recordPath('people').test(u.pathname));
  personPath = path();
  await heading(`${personFirst} ${personLast}`).waitFor();
  // The consumer's buyer, linked (its name is read once the page is shown).
  await page.locator('.page-header').getByRole('link', { name: companyName }).waitFor();
  await page
    .locator('.page-header')
    .getByText(/B2C consumer/)
    .waitFor();
  assert(/\+39\s?333/.test(await page.locator('main').innerText()), 'the phone is not in E.164');
  await screenshot('person-record');
});

await scenario('log a call on the person (phone, dedicated assistance, 15 minutes) and see it on the timeline', async () => {
  const timeline = page.locator('.timeline-card');
  await timeline.getByText('Nothing logged yet.').waitFor();
  await timeline.getByRole('button', { name: 'Call', exact: true }).click();
  const form = page.locator('#interaction-form');
  await form.waitFor();
  assert((await form.getByLabel(/^Channel/).inputValue()) === 'phone', 'a call does not start on the phone channel');
  await form.getByLabel(/^Subject/).fill(`Reorder ${stamp}`);
  await form.getByLabel(/^Notes/).fill('Wants 20 kg of espresso beans next month.');
  await form.getByLabel(/^Channel/).selectOption('phone');
  await form.getByLabel(/^Direction/).selectOption('outbound');
  await form.getByLabel(/^Relationship type/).selectOption('dedicated_assistance');
  await form.getByLabel(/^Minutes spent/).fill('15');
  await screenshot('timeline-call-form');
  await form.getByRole('button', { name: 'Log call' }).click();
  await timeline.getByRole('status').filter({ hasText: 'Call logged.' }).waitFor();
  const item = timeline.locator('.timeline-item', { hasText: `Reorder ${stamp}` });
  await item.waitFor();
  const text = (await item.innerText()).replace(/\s+/g, ' ');
  assert(/Call/.test(text) && /Phone/.test(text), `the call or its channel is missing: ${text}`);
  assert(/Dedicated personal assistance/.test(text), `the relationship type is missing: ${text}`);
  assert(/15 min/.test(text), `the minutes are missing: ${text}`);
  assert(/Outbound/.test(text), `the direction is missing: ${text}`);
  await screenshot('timeline-call');
});

await scenario('add a task on the person and complete it', async () => {
  const timeline = page.locator('.timeline-card');
  await timeline.getByRole('button', { name: 'Task', exact: true }).click();
  const form = page.locator('#interaction-form');
  await form.getByLabel(/^What to do/).fill(`Send the price list ${stamp}`);
  const due = new Date(Date.now() + 2 * 86400_000);
  const pad = (n) => String(n).padStart(2, '0');
  await form.getByLabel(/^Due/).fill(`${due.getFullYear()}-${pad(due.getMonth() + 1)}-${pad(due.getDate())}T10:00`);
  await form.getByRole('button', { name: 'Add task' }).click();
  const item = timeline.locator('.timeline-item', { hasText: `Send the price list ${stamp}` });
  await item.waitFor();
  const done = page.waitForResponse((r) => /\/api\/v1\/interactions\/\d+$/.test(r.url()) && r.request().method() === 'PATCH');
  await item.getByRole('checkbox', { name: /Done/ }).check();
  assert((await done).ok(), 'completing the task failed');
  await timeline.locator('.timeline-item.is-done', { hasText: `Send the price list ${stamp}` }).waitFor();
  await screenshot('timeline-task-done');
});

await scenario("edit the person, then open the record's history", async () => {
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.waitForURL((u) => u.pathname === `${personPath}/edit`);
  await page.getByLabel(/^City/).fill('Bologna');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await waitForPath(personPath);
  await page.getByRole('status').filter({ hasText: 'was saved' }).waitFor();
  await page.getByRole('button', { name: 'Show history' }).click();
  const history = page.locator('.history-table');
  await history.waitFor();
  const cityRow = history.locator('tbody tr', { hasText: 'Bologna' });
  await cityRow.waitFor();
  assert(/City/.test(await cityRow.innerText()), 'the change of the city is not in the history');
  await history.locator('tbody tr', { hasText: personLast }).first().waitFor();
  assert((await page.getByRole('button', { name: 'Hide history' }).getAttribute('aria-expanded')) === 'true', 'not expanded');
  await screenshot('person-history');
});

await segmentsSearchImportScenarios({
  page, base, stamp, scenario, screenshot, assert,
  person: { first: personFirst, last: personLast, path: personPath },
}); // prettier-ignore

await importFlagsScenarios({ page, stamp, scenario, screenshot, assert });

await importDefaultsScenarios({ page, stamp, scenario, screenshot, assert });

await scenario('settings → custom fields: add a select field, fill it in on a company, remove it', async () => {
  await nav().getByRole('link', { name: 'Settings' }).click();
  await page.locator('.subnav').getByRole('link', { name: 'Custom fields' }).click();
  await waitForPath('/settings/custom-fields');
  await heading('Custom fields').waitFor();
  await page.getByLabel(/^Label/).fill(customLabel);
  const key = await page.getByLabel(/^Key/).inputValue();
  assert(/^e2e_blend_/.test(key), `the key was not derived from the label: ${key}`);
  await page.getByLabel(/^Type/).selectOption('select');
  await page.getByLabel(/^Options/).fill('Arabica\nRobusta');
  await page.getByRole('button', { name: 'Add field' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `The field ${customLabel} was added.` })
    .waitFor();
  await page.locator('tr', { hasText: customLabel }).waitFor();
  await screenshot('custom-fields');
  await page.goto(`${base}${companyPath}/edit`);
  await heading('Edit company').waitFor();
  await page.getByLabel(new RegExp(`^${customLabel}`)).selectOption('Robusta');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await waitForPath(companyPath);
  const fact = page.locator('.fact-row', { hasText: customLabel });
  await fact.getByText('Robusta').waitFor();
  await screenshot('company-custom-value');
  await page.goto(`${base}/settings/custom-fields`);
  await page
    .locator('tr', { hasText: customLabel })
    .getByRole('button', { name: /Remove/ })
    .click();
  const dialog = page.getByRole('dialog', { name: `Remove the field ${customLabel}?` });
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `The field ${customLabel} was removed.` })
    .waitFor();
  assert((await page.locator('tr', { hasText: customLabel }).count()) === 0, 'the field is still listed');
});

await (
  await import('./scenarios/duplicates.mjs')
).duplicatesScenarios({ page, base, scenario, screenshot, assert, heading, nav, stamp });

await (await import('./scenarios/affiliations.mjs')).affiliationScenarios({ page, base, stamp, scenario, screenshot, assert });
await (await import('./scenarios/lists.mjs')).listScenarios({ page, base, stamp, scenario, screenshot, assert });

await (await import('./scenarios/records.mjs')).recordScenarios({ page, base, stamp, scenario, screenshot, assert });

await scenario('phone width (360 px): the lists and the record page fit', async () => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const [where, name] of [
    ['/companies', 'phone-companies'],
    [personPath, 'phone-person'],
    [`${companyPath}/edit`, 'phone-company-edit'],
  ]) {
    await page.goto(`${base}${where}`);
    await page.locator('h1').waitFor();
    await page.waitForLoadState('networkidle');
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(scrollWidth <= 362, `${where} scrolls sideways at 360 px (${scrollWidth} px wide)`);
    await screenshot(name, { fullPage: where !== '/companies' });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(`${base}/settings/audit`); // where the next scenario starts
  await heading('Audit log').waitFor();
});

await scenario('phone width (360 px): the navigation is a drawer that reaches Home', async () => {
  await page.setViewportSize({ width: 360, height: 740 });
  const toggle = page.getByRole('button', { name: 'Open the navigation' });
  await toggle.waitFor();
  await nav()
    .waitFor({ state: 'hidden', timeout: 3000 })
    .catch(() => {
      throw new Error('the navigation should be hidden until opened');
    });
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert(scrollWidth <= 362, `the page scrolls sideways at 360 px (${scrollWidth} px wide)`);
  await screenshot('phone-audit');
  await toggle.click();
  await nav().getByRole('link', { name: 'Home' }).waitFor({ state: 'visible' });
  await screenshot('phone-nav-open');
  await nav().getByRole('link', { name: 'Home' }).click();
  await waitForPath('/');
  await nav()
    .waitFor({ state: 'hidden', timeout: 3000 })
    .catch(() => {
      throw new Error('the drawer stayed open after navigating');
    });
  await screenshot('phone-home');
  await page.setViewportSize({ width: 1280, height: 860 });
});

await partitionScenarios({ browser, page, base, teamName, password, scenario, screenshot, assert });

await importHistoryScenarios({ browser, base, password, stamp, scenario, screenshot, assert });

await partnerScenarios({ browser, base, password, scenario, screenshot, assert });

await deskTasksScenarios({ browser, page, base, stamp, scenario, screenshot, assert });
await satisfactionScenarios({ browser, page, base, stamp, scenario, screenshot, assert });
await portfoliosScenarios({ page, base, stamp, scenario, screenshot, assert });
await costsScenarios({ page, base, stamp, scenario, screenshot, assert });
await canvasScenarios({ page, base, scenario, screenshot, assert });
await canvasExportScenarios({ page, base, scenario, screenshot, assert });
await canvasRelationshipsScenarios({ page, base, scenario, screenshot, assert });

await servicedeskScenarios({ browser, page, base, stamp, scenario, screenshot, assert });
await servicedeskSettingsScenarios({ browser, page, base, stamp, scenario, screenshot, assert });

await serviceLevelsScenarios({ page, base, stamp, scenario, screenshot, assert });

await relationshipPlanScenarios({ page, base, stamp, scenario, screenshot, assert });

await scenario('switch the interface to Italian from the user menu', async () => {
  const panel = await openUserMenu();
  const saved = page.waitForResponse((r) => /\/api\/v1\/users\/[^/]+$/.test(r.url()) && r.request().method() === 'PATCH');
  await panel.getByLabel('Language').selectOption('it');
  await nav().getByRole('link', { name: 'Impostazioni' }).waitFor();
  assert((await page.getAttribute('html', 'lang')) === 'it', 'html lang is not "it"');
  await page.locator('h1').filter({ hasText: 'Benvenuto' }).waitFor();
  await screenshot('home-italian');
  // Saved in the profile: it survives a reload.
  const res = await saved;
  assert(res.ok(), `saving the language in the profile answered ${res.status()}`);
  await page.reload();
  await nav().getByRole('link', { name: 'Impostazioni' }).waitFor();
  await nav().getByRole('link', { name: 'Impostazioni' }).click();
  await page.getByRole('heading', { level: 1, name: 'Utenti' }).waitFor();
  await screenshot('users-italian');
  // Counts in Italian: "3.010" (the scan's count of people, compared with the API's).
  await nav().getByRole('link', { name: 'Duplicati' }).click();
  await page.getByRole('heading', { level: 1, name: 'Duplicati' }).waitFor();
  const scan = page.waitForResponse((r) => r.url().endsWith('/api/v1/duplicates/scan'), { timeout: 60_000 });
  await page.getByRole('button', { name: 'Cerca duplicati' }).click();
  const people = (await (await scan).json()).records;
  const scanned = page.getByText(/^Esaminate [\d.]+ schede\./);
  await scanned.waitFor();
  const italian = new Intl.NumberFormat('it-IT', { useGrouping: 'always' }).format(people);
  assert(people >= 1000 && italian.includes('.'), `too few people to see a separator: ${people}`);
  const scannedText = await scanned.innerText();
  assert(scannedText.startsWith(`Esaminate ${italian} schede.`), `the count is not written the Italian way: ${scannedText}`);
  // A phone from Italy, in the Italian national format (no +39): stored +393331234567.
  await page.goto(`${base}${personPath}`);
  await page.locator('a[href^="tel:"]').first().waitFor();
  const phoneText = await page.locator('a[href="tel:+393331234567"]').first().innerText();
  assert(phoneText === '333 123 4567', `the phone is not in the Italian national format: ${phoneText}`);
  await screenshot('person-italian');
  // Back to English for whoever signs in next.
  const again = await openUserMenu();
  await again.getByLabel('Lingua').selectOption('en');
  await nav().getByRole('link', { name: 'Settings' }).waitFor();
});

await scenario('sign out', async () => {
  const panel = await openUserMenu();
  await panel.getByRole('button', { name: 'Sign out' }).click();
  await waitForPath('/sign-in');
  await heading('Sign in').waitFor();
  await page.goto(`${base}/settings/users`);
  await waitForPath('/sign-in');
  const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
  assert(me === 401, `GET /api/v1/me answers ${me} after signing out`);
  await screenshot('signed-out');
});

await scenario('no JavaScript errors in the page', async () => {
  assert(pageErrors.length === 0, pageErrors.join(' | '));
});

await browser.close();
console.log(`screenshots: ${outDir}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
