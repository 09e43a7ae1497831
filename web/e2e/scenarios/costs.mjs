// End-to-end scenarios of costs, in English and in Spanish. Called once from e2e/run.mjs with
// run.mjs's page (signed in as the demo owner) and helpers.
//
// For each language the owner opens Settings → Costs (the demo's cost model, with its dated
// versions), adds a forgotten cost (a certification, allocated wholly to dedicated personal
// assistance) to a version effective today and saves it; the API then shows it in the model in
// effect. The costs report of the period shows the total in euros, formatted for the language,
// the table by relationship type and the certification among the fixed costs by category.
import { sessionApi, setProfileLanguage } from '../session.mjs';

/**
 * @param {object} t
 * @param {import('playwright-core').Page} t.page        signed in as the demo owner
 * @param {string} t.base                                the server's base URL
 * @param {string} t.stamp                               this run's unique suffix
 * @param {(name: string, fn: () => Promise<void>) => Promise<void>} t.scenario
 * @param {(name: string, options?: { fullPage?: boolean }) => Promise<string>} t.screenshot
 * @param {(cond: unknown, message: string) => void} t.assert
 */
export async function costsScenarios({ page, base, stamp, scenario, screenshot, assert }) {
  const ownerApi = sessionApi(page);
  const texts = {
    en: {
      model: 'Cost model',
      addFixed: 'Add a fixed cost',
      category: 'Category',
      perMonth: 'Per month (EUR)',
      addShare: 'Add a share',
      type: 'Relationship type',
      save: 'Save this version',
      saved: 'Cost model saved.',
      versions: 'Versions',
      report: 'Costs',
      byType: 'By relationship type',
      fixedByCategory: 'Fixed costs by category',
      certifications: 'Certifications',
      total: /€\s?[\d,]+\.\d{2}/,
    },
    es: {
      model: 'Modelo de costes',
      addFixed: 'Añadir un coste fijo',
      category: 'Categoría',
      perMonth: 'Al mes (EUR)',
      addShare: 'Añadir una parte',
      type: 'Tipo de relación',
      save: 'Guardar esta versión',
      saved: 'Modelo de costes guardado.',
      versions: 'Versiones',
      report: 'Costes',
      byType: 'Por tipo de relación',
      fixedByCategory: 'Costes fijos por categoría',
      certifications: 'Certificaciones',
      total: /[\d.]+,\d{2}\s?€/,
    },
  };
  const today = new Date().toISOString().slice(0, 10);

  for (const lang of ['en', 'es']) {
    const x = texts[lang];
    const name = `E2E certification ${lang} ${stamp}`;
    await scenario(`costs (${lang}): a forgotten cost is added to the cost model and reported`, async () => {
      const status = await setProfileLanguage(page, lang);
      assert(status === 200, `setting the language answered ${status}`);
      try {
        await page.goto(`${base}/settings/costs`);
        await page.getByRole('heading', { level: 1, name: x.model }).waitFor();
        await page.getByRole('heading', { level: 2, name: x.versions }).waitFor();
        await page.locator('input[name="effective_from"]').fill(today);
        await page.getByRole('button', { name: x.addFixed }).click();
        await page.locator('input[name^="fixed_costs."][name$=".name"]').last().fill(name);
        await page.getByLabel(x.category).last().selectOption('certifications');
        await page.getByLabel(x.perMonth).last().fill('120.50');
        await page.getByRole('button', { name: x.addShare }).last().click();
        await page.getByLabel(x.type).last().selectOption('dedicated_assistance');
        await page.getByRole('button', { name: x.save }).click();
        await page.getByText(x.saved).waitFor();
        await screenshot(`costs-model-${lang}`, { fullPage: true });

        const model = await ownerApi('GET', '/cost-model');
        const added = model.body.in_effect?.fixed_costs?.find((f) => f.name === name);
        assert(
          model.body.in_effect?.effective_from === today,
          `the model in effect is not today's: ${JSON.stringify(model.body.in_effect?.effective_from)}`,
        );
        assert(added, `the certification is not in the model in effect`);
        assert(added.monthly_cents === 12050, `the certification costs ${added.monthly_cents} cents a month, not 12050`);
        assert(
          added.allocation.length === 1 &&
            added.allocation[0].relationship_type === 'dedicated_assistance' &&
            added.allocation[0].basis_points === 10000,
          `the allocation is ${JSON.stringify(added.allocation)}`,
        );

        await page.goto(`${base}/costs`);
        await page.getByRole('heading', { level: 1, name: x.report }).waitFor();
        await page.getByRole('heading', { level: 2, name: x.byType }).waitFor();
        const total = await page.getByTestId('costs-total').innerText();
        assert(x.total.test(total.replace(/\u00a0|\u202f/g, ' ')), `the total "${total}" is not euros written for ${lang}`);
        await page.getByRole('heading', { level: 2, name: x.fixedByCategory }).waitFor();
        await page.getByRole('rowheader', { name: x.certifications }).waitFor();
        await screenshot(`costs-report-${lang}`, { fullPage: true });
      } finally {
        await setProfileLanguage(page, 'en');
      }
    });
  }
}
