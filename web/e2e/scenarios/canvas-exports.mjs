// End-to-end scenarios of the canvas exports and the comparison of two periods, in English and
// in Spanish. Called once from e2e/run.mjs with run.mjs's page (signed in as the demo owner).
//
// For each language the owner opens the CRM Model Canvas and downloads it as JSON (the API's
// answer as served, the period in the file name) and as SVG (a valid standalone SVG whose
// figures read as the screen's), prints it (the print stylesheet hides the app around it and
// Chromium's PDF of an A3 landscape sheet has exactly one page), then compares two periods: each
// figure for both and the difference, checked against the API.
import { readFile } from 'node:fs/promises';
import { setProfileLanguage } from '../session.mjs';

/**
 * @param {object} t
 * @param {import('playwright-core').Page} t.page        signed in as the demo owner
 * @param {string} t.base                                the server's base URL
 * @param {(name: string, fn: () => Promise<void>) => Promise<void>} t.scenario
 * @param {(name: string, options?: { fullPage?: boolean }) => Promise<string>} t.screenshot
 * @param {(cond: unknown, message: string) => void} t.assert
 */
export async function canvasExportScenarios({ page, base, scenario, screenshot, assert }) {
  const texts = {
    en: {
      title: 'CRM Model Canvas',
      json: 'Download JSON',
      svg: 'Download SVG',
      print: 'Print / save as PDF',
      customer: 'Customer',
      compare: 'Compare two periods',
      from: 'First day',
      to: 'Last day',
      periodA: 'Period A',
      periodB: 'Period B',
      pp: 'pp',
    },
    es: {
      title: 'CRM Model Canvas',
      json: 'Descargar JSON',
      svg: 'Descargar SVG',
      print: 'Imprimir / guardar como PDF',
      customer: 'Cliente',
      compare: 'Comparar dos periodos',
      from: 'Primer día',
      to: 'Último día',
      periodA: 'Periodo A',
      periodB: 'Periodo B',
      pp: 'p. p.',
    },
  };

  /** Clicks the button and returns the file it downloads: its suggested name and its text. */
  async function download(name) {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
    const path = await file.path();
    return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  for (const lang of ['en', 'es']) {
    const x = texts[lang];
    await scenario(`canvas exports (${lang}): JSON as served, a valid SVG, one A3 page in print`, async () => {
      const status = await setProfileLanguage(page, lang);
      assert(status === 200, `setting the language answered ${status}`);
      try {
        await page.goto(`${base}/canvas`);
        await page.getByRole('heading', { level: 1, name: x.title }).waitFor();
        const grid = page.getByTestId('crm-canvas');
        await grid.locator('[data-block="customer"]').waitFor();

        // JSON: the API's answer as served, for the period the file name says.
        const json = await download(x.json);
        assert(/^crm-canvas_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.json$/.test(json.name), `the JSON file is named ${json.name}`);
        const data = JSON.parse(json.text);
        assert(json.text.startsWith('{\n  "'), 'the JSON is not pretty-printed');
        const day = (ms) => new Date(ms).toISOString().slice(0, 10);
        assert(
          json.name === `crm-canvas_${day(data.from)}_${day(data.to - 1)}.json`,
          `${json.name} does not name ${data.from}..${data.to}`,
        );
        const served = await page.evaluate(
          async ({ from, to }) => (await fetch(`/api/v1/canvas/crm?from=${from}&to=${to}`)).json(),
          { from: data.from, to: data.to },
        );
        assert(Object.keys(data.blocks).length === 9, `the JSON has blocks ${Object.keys(data.blocks)}`);
        for (const block of ['customer', 'market', 'data', 'data_sources']) {
          assert(
            JSON.stringify(data.blocks[block]) === JSON.stringify(served.blocks[block]),
            `the JSON's ${block} block is not the API's`,
          );
        }

        // SVG: standalone and valid, the block titles translated, the figures as the screen reads them.
        const svg = await download(x.svg);
        assert(/^crm-canvas_.*\.svg$/.test(svg.name), `the SVG file is named ${svg.name}`);
        assert(svg.text.includes('xmlns="http://www.w3.org/2000/svg"'), 'the SVG has no namespace');
        const shownB2b2c = (await grid.locator('[data-block="customer"] [data-figure="b2b2c"] dd').innerText()).trim();
        const parsed = await page.evaluate((text) => {
          const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
          const blockTexts = (name) => [...doc.querySelectorAll(`g[data-block="${name}"] text`)].map((t) => t.textContent);
          return {
            errors: doc.getElementsByTagName('parsererror').length,
            root: doc.documentElement.localName,
            blocks: doc.querySelectorAll('g[data-block]').length,
            customer: blockTexts('customer'),
          };
        }, svg.text);
        assert(parsed.errors === 0 && parsed.root === 'svg', 'the SVG does not parse');
        assert(parsed.blocks === 9, `the SVG has ${parsed.blocks} blocks`);
        assert(parsed.customer[0] === x.customer, `the customer block is titled ${parsed.customer[0]}`);
        assert(parsed.customer.includes(shownB2b2c), `the SVG's customer block lacks "${shownB2b2c}": ${parsed.customer}`);

        // Print: the button prints; the print stylesheet leaves only the canvas, on one A3 sheet.
        await page.evaluate(() => {
          window.__printed = 0;
          window.print = () => {
            window.__printed += 1;
          };
        });
        await page.getByRole('button', { name: x.print, exact: true }).click();
        assert((await page.evaluate(() => window.__printed)) === 1, 'the print button did not print');
        await page.emulateMedia({ media: 'print' });
        try {
          assert(!(await page.locator('#main-nav').isVisible()), 'the navigation is printed');
          assert(!(await page.locator('.topbar').isVisible()), 'the header is printed');
          assert(!(await page.getByRole('button', { name: x.json }).isVisible()), 'the export buttons are printed');
          assert(await grid.locator('[data-block="technology"]').isVisible(), 'the canvas is not printed');
          const printedPeriod = await page.locator('.export-period').innerText();
          assert(/\d/.test(printedPeriod) && (await page.locator('.export-period').isVisible()), 'the period is not printed');
          const pdf = await page.pdf({ format: 'A3', landscape: true, printBackground: true });
          const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
          assert(pdf.subarray(0, 5).toString() === '%PDF-', 'no PDF');
          assert(pages === 1, `the canvas prints on ${pages} pages`);
          await screenshot(`canvas-print-${lang}`, { fullPage: true });
        } finally {
          await page.emulateMedia({ media: null });
        }
      } finally {
        await setProfileLanguage(page, 'en');
      }
    });

    await scenario(`canvas comparison (${lang}): two periods side by side with the difference`, async () => {
      const status = await setProfileLanguage(page, lang);
      assert(status === 200, `setting the language answered ${status}`);
      try {
        await page.goto(`${base}/canvas`);
        await page.getByRole('link', { name: x.compare }).click();
        await page.waitForURL((u) => u.pathname === '/canvas/compare');
        await page.getByRole('heading', { level: 1, name: x.compare }).waitFor();

        // A: a year ago, for 180 days; B: the last 30 days.
        const days = await page.evaluate(() => {
          const at = (n) => {
            const d = new Date();
            d.setDate(d.getDate() + n);
            const pad = (v) => String(v).padStart(2, '0');
            return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
          };
          return { a: [at(-365), at(-186)], b: [at(-29), at(0)] };
        });
        const side = (s) => page.locator(`fieldset[data-period="${s}"]`);
        await side('a').waitFor();
        await side('a').getByLabel(x.from).fill(days.a[0]);
        await side('a').getByLabel(x.to).fill(days.a[1]);
        await side('b').getByLabel(x.from).fill(days.b[0]);
        await side('b').getByLabel(x.to).fill(days.b[1]);

        const api = await page.evaluate(async (d) => {
          const start = (iso) => {
            const [y, m, day] = iso.split('-').map(Number);
            return new Date(y, m - 1, day).getTime();
          };
          const get = async ([first, last]) =>
            (await fetch(`/api/v1/canvas/crm?from=${start(first)}&to=${start(last) + 86_400_000}`)).json();
          return { a: await get(d.a), b: await get(d.b) };
        }, days);

        const table = page.getByTestId('crm-compare');
        const digits = (s) => Number(s.replace(/[^\d-]/g, ''));
        const expectRow = async (block, key) => {
          const r = table.locator(`[data-block="${block}"] tr[data-figure="${key}"]`);
          await r.waitFor();
          const va = api.a.blocks[block].figures[key].value;
          const vb = api.b.blocks[block].figures[key].value;
          // The page may still show the default periods: wait for the chosen ones.
          await page.waitForFunction(
            ({ block, key, va, vb }) => {
              const cells = document.querySelectorAll(`[data-block="${block}"] tr[data-figure="${key}"] td`);
              const n = (s) => Number((s ?? '').replace(/[^\d-]/g, ''));
              return cells.length === 3 && n(cells[0].textContent) === va && n(cells[1].textContent) === vb;
            },
            { block, key, va, vb },
          );
          const [a, b, delta] = await r.locator('td').allInnerTexts();
          assert(digits(a) === va && digits(b) === vb, `${block}.${key}: ${a} / ${b}, the API says ${va} / ${vb}`);
          assert(digits(delta) === vb - va, `${block}.${key}: the difference ${delta} is not ${vb - va}`);
          if (vb - va > 0) assert(delta.startsWith('+'), `${block}.${key}: ${delta} has no sign`);
          return { a, b, delta };
        };
        await expectRow('data', 'field_values');
        await expectRow('customer', 'customers');
        // A share: the difference in percentage points.
        const share = api.b.blocks.customer.figures.b2b_share;
        const shareA = api.a.blocks.customer.figures.b2b_share;
        if (share?.value !== null && shareA?.value !== null && share && shareA) {
          const delta = await table
            .locator('[data-block="customer"] tr[data-figure="b2b_share"] td[data-side="delta"]')
            .innerText();
          assert(delta.endsWith(x.pp), `the share's difference reads ${delta}`);
        }
        await screenshot(`canvas-compare-${lang}`, { fullPage: true });

        // The periods are in the address: a reload (or a shared link) shows the same comparison.
        const params = new URL(page.url()).searchParams;
        assert(params.get('a') === `${days.a[0]}_${days.a[1]}`, `the address says a=${params.get('a')}`);
        assert(params.get('b') === `${days.b[0]}_${days.b[1]}`, `the address says b=${params.get('b')}`);
        await page.reload();
        await side('a').getByLabel(x.from).waitFor();
        assert((await side('a').getByLabel(x.from).inputValue()) === days.a[0], 'the reload lost period A');
        assert((await side('b').getByLabel(x.to).inputValue()) === days.b[1], 'the reload lost period B');
        await expectRow('customer', 'customers');
      } finally {
        await setProfileLanguage(page, 'en');
      }
    });
  }
}
