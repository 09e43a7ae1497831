// End-to-end scenarios of relationship plans, in English and in Italian. Called once from
// e2e/run.mjs with run.mjs's page (signed in as the demo owner) and helpers.
//
// For each language the owner opens Relationship plans, finds the demo's "Buyers in Italy"
// at version 2, opens it and reads the motivation history of dedicated assistance (acquisition,
// then retention two months ago) and version 1 of the plan. Then on "Contacts in Portugal"
// (no plan in the demo) the owner adds an entry (English: dedicated assistance; Italian:
// communities) with a channel and a target; a target out of range is refused with the
// server's message in the page's language at the field; corrected, the plan is saved as a new
// version and appears in the version history. The profile goes back to English.
import { setProfileLanguage } from '../session.mjs';

/**
 * @param {object} t
 * @param {import('playwright-core').Page} t.page        signed in as the demo owner
 * @param {string} t.base                                the server's base URL
 * @param {string} t.stamp                               this run's unique suffix
 * @param {(name: string, fn: () => Promise<void>) => Promise<void>} t.scenario
 * @param {(name: string, options?: { fullPage?: boolean }) => Promise<string>} t.screenshot
 * @param {(cond: unknown, message: string) => void} t.assert
 */
export async function relationshipPlanScenarios({ page, base, stamp, scenario, screenshot, assert }) {
  const texts = {
    en: {
      title: 'Relationship plans',
      open: 'Open plan',
      version2: 'Version 2',
      dedicated: 'Dedicated personal assistance',
      acquisition: 'Acquisition',
      retention: 'Retention',
      viewVersion1: 'View version 1',
      back: 'Back to the current plan',
      all: 'All relationship plans',
      type: 'community',
      typeLabel: 'Communities',
      typeToAdd: 'Relationship type',
      addEntry: 'Add to the plan',
      motivation: 'Motivation',
      channel: 'Social media',
      addTarget: 'Add a target',
      metric: 'Metric',
      targetValue: 'Target',
      rangeError: 'Give a value from 1 to 5',
      comment: 'Comment',
      save: 'Save as a new version',
      saved: 'Saved as version',
    },
    it: {
      title: 'Piani di relazione',
      open: 'Apri il piano',
      version2: 'Versione 2',
      dedicated: 'Assistenza personale dedicata',
      acquisition: 'Acquisizione',
      retention: 'Fidelizzazione',
      viewVersion1: 'Vedi la versione 1',
      back: 'Torna al piano attuale',
      all: 'Tutti i piani di relazione',
      type: 'co_creation',
      typeLabel: 'Co-creazione',
      typeToAdd: 'Tipo di relazione',
      addEntry: 'Aggiungi al piano',
      motivation: 'Motivazione',
      channel: 'Web',
      addTarget: 'Aggiungi un obiettivo',
      metric: 'Metrica',
      targetValue: 'Obiettivo',
      rangeError: 'Indica un valore da 1 a 5',
      comment: 'Commento',
      save: 'Salva come nuova versione',
      saved: 'Salvato come versione',
    },
  };

  for (const lang of ['en', 'it']) {
    const x = texts[lang];
    await scenario(`relationship plans (${lang}): history of a demo plan, then a new version of another`, async () => {
      const status = await setProfileLanguage(page, lang);
      assert(status === 200, `setting the language answered ${status}`);
      try {
        await page.goto(`${base}/relationship-plans`);
        await page.getByRole('heading', { level: 1, name: x.title }).waitFor();
        const buyers = page.locator('tr[data-segment="Buyers in Italy"]');
        await buyers.waitFor();
        const buyersText = await buyers.innerText();
        assert(buyersText.includes(x.version2), `the Buyers in Italy row says: ${buyersText}`);
        assert(buyersText.includes(x.dedicated), `the Buyers in Italy row lacks its types: ${buyersText}`);
        await screenshot(`relationship-plans-${lang}`);

        // The demo's motivation change: acquisition (version 1), then retention (version 2).
        await buyers.getByRole('link', { name: new RegExp(`^${x.open}`) }).click();
        const history = page.locator('[data-motivations="dedicated_assistance"]');
        await history.waitFor();
        const steps = await history.locator('li').allInnerTexts();
        assert(steps.length === 2, `the motivation history has ${steps.length} steps: ${steps.join(' | ')}`);
        assert(steps[0].includes(x.acquisition) && steps[1].includes(x.retention), `history: ${steps.join(' | ')}`);
        await screenshot(`relationship-plan-history-${lang}`, { fullPage: true });
        await page.getByRole('link', { name: x.viewVersion1 }).click();
        const old = page.locator('[data-entry="dedicated_assistance"] [data-field="motivation"]');
        await old.waitFor();
        assert((await old.innerText()) === x.acquisition, `version 1 says ${await old.innerText()}`);
        await page.getByRole('link', { name: x.back }).first().click();
        await page.getByRole('link', { name: x.all }).click();

        // A new entry on the segment without a plan, refused once, then saved.
        const contacts = page.locator('tr[data-segment="Contacts in Portugal"]');
        await contacts.getByRole('link', { name: new RegExp(`^${x.open}`) }).click();
        const form = page.locator('form');
        await form.waitFor();
        await page.getByLabel(x.typeToAdd).selectOption(x.type);
        await page.getByRole('button', { name: x.addEntry }).click();
        const entry = page.locator(`fieldset[data-entry="${x.type}"]`);
        await entry.waitFor();
        await entry.getByLabel(x.motivation).selectOption('retention');
        await entry.getByLabel(x.channel, { exact: true }).check();
        await entry.getByRole('button', { name: x.addTarget }).click();
        await entry.getByLabel(x.metric).selectOption('csat_average');
        await entry.getByLabel(x.targetValue, { exact: true }).fill('7');
        await page.getByLabel(x.comment).fill(`E2E ${lang} ${stamp}`);
        await page.getByRole('button', { name: x.save }).click();
        await entry.locator('.field-error', { hasText: x.rangeError }).first().waitFor();
        await screenshot(`relationship-plan-error-${lang}`);
        await entry.getByLabel(x.targetValue, { exact: true }).fill('4.5');
        await page.getByRole('button', { name: x.save }).click();
        await page.getByText(x.saved).first().waitFor();
        const versions = page.locator('[data-testid="plan-versions"]');
        await versions.getByText(`E2E ${lang} ${stamp}`).waitFor();
        const saved = page.locator(`fieldset[data-entry="${x.type}"]`);
        await saved.waitFor();
        assert((await saved.getByLabel(x.motivation).inputValue()) === 'retention', 'the saved motivation is not retention');
        await screenshot(`relationship-plan-saved-${lang}`, { fullPage: true });
      } finally {
        await setProfileLanguage(page, 'en');
        await page.goto(`${base}/`);
        await page.locator('h1').filter({ hasText: 'Welcome' }).waitFor();
      }
    });
  }
}
