// End-to-end scenarios of people and companies linked in the interface. Called once from
// e2e/run.mjs (signed in as the demo owner, in English) with its page and helpers.
//
// In English and then in Italian (the profile language, put back to English at the end): a
// company and a person are created through the API; on the person's page the company is picked
// by typing part of its name and added with a job title; the company's page lists the person
// among its contacts with that title; back on the person's page the company is removed, and the
// company's contacts are empty again. Then, in English, "Add contact" on a company's page
// creates a new person with the company already chosen and comes back to the company. Leaves
// the companies and people it creates behind (their names carry the run's stamp).
import { sessionApi, setProfileLanguage } from '../session.mjs';

const TEXT = {
  en: {
    companies: 'Companies',
    contacts: 'Contacts',
    company: 'Company',
    jobTitle: 'Job title',
    add: 'Add',
    addForm: 'Add a company',
    added: (name) => `${name} added.`,
    count: '1 company',
    shown: '1 contact shown',
    remove: (name) => `Remove ${name}`,
    removed: (name) => `${name} removed.`,
    none: 'Not a contact of any company yet.',
    noContacts: 'No contacts yet.',
    title: 'Head of purchasing',
  },
  it: {
    companies: 'Aziende',
    contacts: 'Referenti',
    company: 'Azienda',
    jobTitle: 'Ruolo',
    add: 'Aggiungi',
    addForm: 'Aggiungi un’azienda',
    added: (name) => `${name} aggiunta.`,
    count: '1 azienda',
    shown: '1 referente mostrato',
    remove: (name) => `Rimuovi ${name}`,
    removed: (name) => `${name} rimossa.`,
    none: 'Non è ancora referente di nessuna azienda.',
    noContacts: 'Ancora nessun referente.',
    title: 'Responsabile acquisti',
  },
};

/**
 * @param {object} t
 * @param {import('playwright-core').Page} t.page   signed in as the demo owner, in English
 * @param {string} t.base
 * @param {string} t.stamp
 * @param {(name: string, fn: () => Promise<void>) => Promise<void>} t.scenario
 * @param {(name: string, options?: { fullPage?: boolean }) => Promise<string>} t.screenshot
 * @param {(cond: unknown, message: string) => void} t.assert
 */
export async function affiliationScenarios({ page, base, stamp, scenario, screenshot, assert }) {
  const waitForPath = (p) => page.waitForURL((u) => u.pathname === p);
  const heading = (name) => page.getByRole('heading', { level: 1, name });
  const apiCall = sessionApi(page);
  const setLanguage = async (lang) => {
    const status = await setProfileLanguage(page, lang);
    assert(status === 200, `setting the profile language answered ${status}`);
  };

  for (const lang of ['en', 'it']) {
    const x = TEXT[lang];
    const word = `Affil${lang}${stamp}`;
    const companyName = `${word} S.r.l.`;
    const personName = `Marco Contatto${lang}${stamp}`;
    await scenario(`[${lang}] add a company with a job title to a person, see the contact, remove it`, async () => {
      const company = await apiCall('POST', '/companies', { fields: { legal_name: companyName, country: 'IT' } });
      assert(company.status === 201, `creating the company answered ${company.status}`);
      const person = await apiCall('POST', '/people', { fields: { first_name: 'Marco', last_name: `Contatto${lang}${stamp}` } });
      assert(person.status === 201, `creating the person answered ${person.status}`);
      const companyPath = `/companies/${company.body.id}`;
      const personPath = `/people/${person.body.id}`;
      await setLanguage(lang);

      await page.goto(`${base}${personPath}`);
      await heading(personName).waitFor();
      const panel = page.getByTestId('person-companies');
      await panel.getByRole('heading', { name: x.companies }).waitFor();
      await panel.getByText(x.none).waitFor();
      const form = panel.getByRole('form', { name: x.addForm });
      await form.getByRole('combobox', { name: x.company }).fill(word);
      await form.getByRole('option', { name: new RegExp(companyName.replace(/\./g, '\\.')) }).click();
      await form.getByLabel(x.jobTitle, { exact: true }).fill(x.title);
      const saved = page.waitForResponse((r) => r.url().endsWith(`${personPath}/affiliations`) && r.request().method() === 'PUT');
      await form.getByRole('button', { name: x.add, exact: true }).click();
      assert((await saved).ok(), 'saving the affiliations failed');
      await panel
        .getByRole('status')
        .filter({ hasText: x.added(companyName) })
        .waitFor();
      const row = panel.locator('li', { has: page.getByRole('link', { name: companyName }) });
      await row.getByText(x.title).waitFor();
      await panel.getByText(x.count, { exact: true }).waitFor();
      const stored = await apiCall('GET', `${personPath}/affiliations`);
      assert(
        stored.body.items.length === 1 &&
          stored.body.items[0].company_id === company.body.id &&
          stored.body.items[0].job_title === x.title &&
          stored.body.items[0].is_primary === true,
        `the API does not have the affiliation: ${JSON.stringify(stored.body)}`,
      );
      await screenshot(`person-companies-${lang}`);

      await row.getByRole('link', { name: companyName }).click();
      await waitForPath(companyPath);
      await heading(companyName).waitFor();
      const contacts = page.getByTestId('company-contacts');
      await contacts.getByRole('heading', { name: x.contacts }).waitFor();
      const contact = contacts.locator('li', { has: page.getByRole('link', { name: personName }) });
      await contact.getByText(x.title).waitFor();
      await contacts.getByText(x.shown, { exact: true }).waitFor();
      await screenshot(`company-contacts-${lang}`);

      await contact.getByRole('link', { name: personName }).click();
      await waitForPath(personPath);
      await heading(personName).waitFor();
      await panel.getByRole('button', { name: x.remove(companyName) }).click();
      await panel
        .getByRole('status')
        .filter({ hasText: x.removed(companyName) })
        .waitFor();
      await panel.getByText(x.none).waitFor();
      const after = await apiCall('GET', `${personPath}/affiliations`);
      assert(after.body.items.length === 0, `the affiliation is still stored: ${JSON.stringify(after.body)}`);
      await page.goto(`${base}${companyPath}`);
      await heading(companyName).waitFor();
      await page.getByTestId('company-contacts').getByText(x.noContacts).waitFor();
    });
  }

  await scenario('[en] "Add contact" creates a new person with the company and comes back', async () => {
    await setLanguage('en');
    const companyName = `AffilNew${stamp} S.p.A.`;
    const company = await apiCall('POST', '/companies', { fields: { legal_name: companyName, country: 'IT' } });
    assert(company.status === 201, `creating the company answered ${company.status}`);
    const companyPath = `/companies/${company.body.id}`;
    await page.goto(`${base}${companyPath}`);
    await heading(companyName).waitFor();
    const contacts = page.getByTestId('company-contacts');
    await contacts.getByRole('button', { name: 'Add contact' }).click();
    await contacts.getByRole('link', { name: 'Create a new person' }).click();
    await waitForPath('/people/new');
    // The company is already chosen (its name is read once the form is shown). Inside the form:
    // while the form's code loads, the company's page (its heading) can still be on screen.
    await page.locator('main form').getByText(companyName, { exact: true }).waitFor();
    await page.getByLabel(/^First name/).fill('Sara');
    await page.getByLabel(/^Last name/).fill(`Nuova${stamp}`);
    await page.getByLabel('Job title', { exact: true }).fill('CFO');
    await page.getByRole('button', { name: 'Create person' }).click();
    await waitForPath(companyPath);
    await heading(companyName).waitFor();
    const contact = contacts.locator('li', { has: page.getByRole('link', { name: `Sara Nuova${stamp}` }) });
    await contact.getByText('CFO').waitFor();
    await screenshot('company-contact-created');
  });

  await setLanguage('en');
  await page.reload();
}
