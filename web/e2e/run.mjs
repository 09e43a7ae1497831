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

async function screenshot(name) {
  shot += 1;
  const file = join(outDir, `${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
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
  const value = await token.inputValue();
  assert(/^rpk_/.test(value), `the token does not look like an API key: ${value.slice(0, 8)}…`);
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
