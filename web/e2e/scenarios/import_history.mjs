// End-to-end scenarios of an import's finish page and the history of imports, in English (an
// admin, who sees every import) and in Italian (a manager whose profile is in Italian, who sees
// their own). Each imports a people file with one bad row through the wizard, then on the
// finish page reads the rejected row with its values and problem, downloads the rejected rows
// as CSV, follows the link to exactly the imported people, and finds the import in the
// history, which opens its finish page again. Runs in its own browser contexts; the owner's
// page is untouched. Called once from e2e/run.mjs.
//
// Leaves behind: per language, three imported people (last name "History<lang><stamp>").
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const i18nDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'features', 'imports', 'i18n');
const texts = (lang) => JSON.parse(readFileSync(join(i18nDir, `${lang}.json`), 'utf8')).imports;
const plural = (template, n) => template.replace('{{n}}', n.toLocaleString('en-US'));

/**
 * @param {object} t
 * @param {import('playwright-core').Browser} t.browser
 * @param {string} t.base      the server's base URL
 * @param {string} t.password  the demo password (every demo user's)
 * @param {string} t.stamp     this run's unique stamp
 * @param {(name: string, fn: () => Promise<void>) => Promise<void>} t.scenario
 * @param {(name: string, options?: { fullPage?: boolean }) => Promise<string>} t.screenshot  of run.mjs's page; returns the file
 * @param {(cond: unknown, message: string) => void} t.assert
 */
export async function importHistoryScenarios({ browser, base, password, stamp, scenario, screenshot, assert }) {
  const runs = [
    { lang: 'en', locale: 'en-GB', email: 'daniel.hughes@rapport.test', seesAll: true, problem: 'not a valid email address' },
    {
      lang: 'it',
      locale: 'it-IT',
      email: 'giulia.romano@rapport.test',
      seesAll: false,
      problem: 'non è un indirizzo email valido',
    },
  ];
  for (const run of runs) {
    const tx = texts(run.lang);
    await scenario(`an import's finish page and the history of imports (${run.lang})`, async () => {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        locale: run.locale,
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      const shot = async (name, fullPage = true) => {
        const file = await screenshot(`${name}-${run.lang}`, { fullPage: false });
        await page.screenshot({ path: file, fullPage });
      };
      try {
        await page.goto(`${base}/sign-in`);
        await page.locator('input[type="email"]').fill(run.email);
        await page.locator('input[type="password"]').fill(password);
        await page.locator('form button[type="submit"]').click();
        await page.waitForURL((u) => u.pathname === '/');
        await page.evaluate(async (lang) => {
          const me = await (await fetch('/api/v1/me')).json();
          if (me.user.language === lang) return;
          await fetch(`/api/v1/users/${me.user.id}`, {
            method: 'PATCH',
            headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
            body: JSON.stringify({ language: lang }),
          });
        }, run.lang);

        const lastName = `History${run.lang}${stamp}`;
        const filename = `e2e-history-${run.lang}-${stamp}.csv`;
        const csv =
          'First name,Last name,Email\n' +
          `Ada,${lastName},ada.${run.lang}.${stamp}@example.com\n` +
          `Bo,${lastName},not-an-email\n` +
          `Cy,${lastName},cy.${run.lang}.${stamp}@example.com\n` +
          `Di,${lastName},di.${run.lang}.${stamp}@example.com\n`;
        await page.goto(`${base}/import`);
        await page.getByLabel(tx.entity).selectOption('person');
        await page
          .getByLabel(new RegExp(`^${tx.file}`))
          .setInputFiles({ name: filename, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
        await page.getByRole('button', { name: tx.upload }).click();
        await page.getByRole('heading', { name: tx.mapTitle }).waitFor();
        await page.getByRole('button', { name: tx.check }).click();
        await page.getByRole('heading', { name: tx.checkTitle }).waitFor();
        assert((await page.getByTestId('would-reject').innerText()) === '1', 'the dry run does not reject the bad row');
        await page.getByRole('button', { name: tx.start }).click();
        await page.waitForURL((u) => /^\/import\/\d+$/.test(u.pathname));
        const importId = new URL(page.url()).pathname.split('/').pop();
        await page.getByRole('heading', { name: tx.status.completed }).waitFor({ timeout: 30_000 });

        // The rejected row: its number, its values under the file's headers, its problem.
        const rejected = page.getByTestId('finish-rejected-rows');
        await rejected.waitFor();
        await page.getByRole('heading', { name: plural(tx.rejectedRows.title_one, 1) }).waitFor();
        const row = rejected.locator('tbody tr');
        await row.first().waitFor();
        assert((await row.count()) === 1, `the finish page lists ${await row.count()} rejected rows, not 1`);
        const rowText = await row.first().innerText();
        assert(rowText.includes('not-an-email'), `the rejected row does not show its email value: ${rowText}`);
        assert(rowText.includes('Email'), `the rejected row does not name its column: ${rowText}`);
        assert(rowText.includes(run.problem), `the problem is not in the reader's language: ${rowText}`);
        assert(/2/.test(rowText), `the rejected row does not show its number: ${rowText}`);
        // The download of the rejected rows: the file's header plus the error column.
        const href = await page.getByTestId('download-rejected').getAttribute('href');
        const csvBack = await page.evaluate(async (h) => (await fetch(h)).text(), href);
        assert(csvBack.includes('First name,Last name,Email,error'), 'the rejected rows CSV has no header');
        assert(csvBack.includes(`Bo,${lastName},not-an-email`), 'the rejected rows CSV misses the bad row');
        await shot('import-finish');

        // Exactly the imported records: the people list filtered to this import.
        const see = page.getByTestId('see-imported');
        assert((await see.innerText()).includes('3'), `the link does not count 3 people: ${await see.innerText()}`);
        await see.click();
        await page.waitForURL((u) => u.pathname === '/people' && u.searchParams.has('filter'));
        const rows = page.locator('.record-table tbody tr[data-index]');
        await rows.first().waitFor();
        await page.waitForFunction(() => document.querySelectorAll('.record-table tbody tr[data-index]').length === 3);
        const listed = await rows.allInnerTexts();
        assert(
          listed.every((r) => r.includes(lastName)),
          'the filtered list holds records of another import',
        );
        await shot('import-records', false);

        // The history: this import, newest first, opening its finish page.
        await page.goto(`${base}/imports`);
        await page
          .getByRole('heading', {
            level: 1,
            name: JSON.parse(readFileSync(join(i18nDir, `${run.lang}.json`), 'utf8')).imports.history.title,
          })
          .waitFor();
        const history = page.getByTestId('import-history');
        const mine = history.locator(`tr[data-import-id="${importId}"]`);
        await mine.waitFor();
        const first = await history.locator('tbody tr').first().getAttribute('data-import-id');
        assert(first === importId, 'the newest import is not first in the history');
        const cells = await mine.innerText();
        assert(cells.includes(run.email), `the history does not say who imported: ${cells}`);
        assert(cells.includes(tx.history.statuses.completed), `the history does not give the status: ${cells}`);
        if (!run.seesAll) {
          const others = await page.evaluate(async () => (await (await fetch('/api/v1/imports?limit=200')).json()).items);
          assert(
            others.every((i) => i.created_by === 'giulia.romano@rapport.test'),
            'a manager sees imports of others',
          );
        }
        await shot('import-history');
        await mine.getByRole('link', { name: filename }).click();
        await page.waitForURL((u) => u.pathname === `/import/${importId}`);
        await page.getByTestId('finish-rejected-rows').waitFor();
      } finally {
        await context.close();
      }
    });
  }
}
