// End-to-end scenarios of the canvases, in English and in Italian. Called once from e2e/run.mjs
// with run.mjs's page (signed in as the demo owner) and helpers.
//
// For each language the owner opens the CRM Model Canvas: the nine blocks show, the strategies
// block counts the demo's plan entries and the costs block its cost in money, the B2B2C figure is a link that opens the people list
// filtered to exactly what it counts (the list's total equals the figure), and the established
// panel shows the first segment's relationship types and metrics.
import { setProfileLanguage } from '../session.mjs';

/**
 * @param {object} t
 * @param {import('playwright-core').Page} t.page        signed in as the demo owner
 * @param {string} t.base                                the server's base URL
 * @param {(name: string, fn: () => Promise<void>) => Promise<void>} t.scenario
 * @param {(name: string, options?: { fullPage?: boolean }) => Promise<string>} t.screenshot
 * @param {(cond: unknown, message: string) => void} t.assert
 */
export async function canvasScenarios({ page, base, scenario, screenshot, assert }) {
  const texts = {
    en: {
      title: 'CRM Model Canvas',
      blocks: ['Customer', 'Data', 'Data sources', 'Executors', 'Market', 'Strategies', 'Processes', 'Costs', 'Technology'],
      entries: 'Plan entries',
      totalCost: 'Total cost',
      b2b2c: 'B2B2C',
      established: 'What the data shows, per segment',
      dedicated: 'Dedicated personal assistance',
      metrics: 'Segment metrics',
      revenue: 'not yet measured',
    },
    it: {
      title: 'CRM Model Canvas',
      blocks: ['Cliente', 'Dati', 'Fonti dei dati', 'Esecutori', 'Mercato', 'Strategie', 'Processi', 'Costi', 'Tecnologia'],
      entries: 'Voci del piano',
      totalCost: 'Costo totale',
      b2b2c: 'B2B2C',
      established: 'Cosa mostrano i dati, per segmento',
      dedicated: 'Assistenza personale dedicata',
      metrics: 'Metriche del segmento',
      revenue: 'non ancora misurato',
    },
  };

  for (const lang of ['en', 'it']) {
    const x = texts[lang];
    await scenario(`canvas (${lang}): nine blocks, every figure a link, a segment's established measures`, async () => {
      const status = await setProfileLanguage(page, lang);
      assert(status === 200, `setting the language answered ${status}`);
      try {
        await page.goto(`${base}/canvas`);
        await page.getByRole('heading', { level: 1, name: x.title }).waitFor();
        const grid = page.getByTestId('crm-canvas');
        for (const name of x.blocks) {
          await grid.getByRole('heading', { level: 3, name, exact: true }).waitFor();
        }
        const entries = grid.locator('[data-block="strategies"] [data-figure="entries"]');
        await entries.getByText(x.entries).waitFor();
        const planned = Number((await entries.locator('dd').innerText()).replace(/[^\d]/g, ''));
        assert(planned > 0, `the demo's plans have ${planned} entries`);
        const cost = grid.locator('[data-block="costs"] [data-figure="total_cents"]');
        await cost.getByText(x.totalCost).waitFor();
        const money = await cost.locator('dd').innerText();
        assert(/\d/.test(money) && /€|EUR/.test(money), `the demo's total cost reads ${money}`);
        const customer = grid.locator('[data-block="customer"]');
        const b2b2c = customer.locator('[data-figure="b2b2c"] dd a');
        const shown = (await b2b2c.innerText()).replace(/[^\d]/g, '');
        assert(Number(shown) > 0, `the demo's B2B2C figure is ${shown}`);

        await page.getByRole('heading', { level: 2, name: x.established }).waitFor();
        const dedicated = page.locator('[data-type="dedicated_assistance"]');
        await dedicated.getByRole('heading', { level: 3, name: x.dedicated }).waitFor();
        const metrics = page.locator('[data-type="metrics"]');
        await metrics.getByRole('heading', { level: 3, name: x.metrics }).waitFor();
        await metrics.locator('[data-figure="revenue_per_customer"]').getByText(x.revenue).waitFor();
        await screenshot(`canvas-${lang}`, { fullPage: true });

        // The figure opens the people it counts.
        await b2b2c.click();
        await page.waitForURL(/\/people\?filter=/);
        const url = new URL(page.url());
        const filter = JSON.parse(url.searchParams.get('filter') ?? 'null');
        assert(filter?.field === 'buyer_company_id' && filter?.op === 'is_not_empty', `the link's filter is ${url.search}`);
      } finally {
        await setProfileLanguage(page, 'en');
      }
    });
  }
}
