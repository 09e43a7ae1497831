// End-to-end scenarios of records that read as people would read them, in English and in
// Brazilian Portuguese (the profile language, put back to English at the end). For each
// language: a person gets a second, labelled email and phone in the form and shows them with
// their labels on the page (the phone in the national format of the interface's language
// when it is of that country); two duplicates with different emails are merged by name (never
// by id), the merged record keeping the loser's email among its other emails and a field
// cleared; a company's industry shows by its name in the interface's language, in the page and
// in the form's list; and the sources of the values are one click away ("Sources").
// Called once from e2e/run.mjs (signed in as the demo owner, in English).
import { sessionApi, setProfileLanguage } from '../session.mjs';

const TEXT = {
  en: {
    work: 'Work',
    mobile: 'Mobile',
    otherEmails: 'Other emails',
    manufacturing: 'Manufacturing',
    sources: 'Sources',
    clearCity: 'City: clear this field',
    // An Italian mobile in an English interface stays international.
    phoneShown: '+39 333 123 4567',
  },
  pt: {
    work: 'Trabalho',
    mobile: 'Celular',
    otherEmails: 'Outros e-mails',
    manufacturing: 'Indústria',
    sources: 'Fontes',
    clearCity: 'Cidade: limpar este campo',
    phoneShown: '+39 333 123 4567',
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
export async function recordScenarios({ page, base, stamp, scenario, screenshot, assert }) {
  const heading = (name) => page.getByRole('heading', { level: 1, name });
  const apiCall = sessionApi(page);
  const setLanguage = async (lang) => {
    const status = await setProfileLanguage(page, lang);
    assert(status === 200, `setting the profile language answered ${status}`);
  };

  for (const lang of ['en', 'pt']) {
    const x = TEXT[lang];
    const last = `Registro${lang}${stamp}`;

    await scenario(`[${lang}] a second labelled email and phone, edited in the form and shown on the page`, async () => {
      const person = await apiCall('POST', '/people', {
        fields: { first_name: 'Beatriz', last_name: last, email: `bea.${lang}.${stamp}@example.com`, country: 'IT' },
      });
      assert(person.status === 201, `creating the person answered ${person.status}`);
      const path = `/people/${person.body.id}`;
      await setLanguage(lang);
      await page.goto(`${base}${path}/edit`);
      await page.getByTestId('add-other_emails').click();
      await page.locator('[name="other_emails.0.value"]').fill(`bea.work.${lang}.${stamp}@example.com`);
      await page.getByTestId('add-other_phones').click();
      await page.locator('[name="other_phones.0.value"]').fill('333 123 4567');
      // A wrong second email is refused on its own row, and what was typed stays.
      await page.getByTestId('add-other_emails').click();
      await page.locator('[name="other_emails.1.label"]').selectOption('home');
      await page.locator('[name="other_emails.1.value"]').fill('not-an-email');
      await page.locator('form.record-form button[type="submit"]').click();
      const rowError = page.getByTestId('list-other_emails').locator('.field-error');
      await rowError.waitFor();
      await screenshot(`record-other-email-error-${lang}`);
      await page.getByTestId('list-other_emails').locator('.contact-remove').nth(1).click();
      const saved = page.waitForResponse((r) => r.url().endsWith(`/api/v1${path}`) && r.request().method() === 'PATCH');
      await page.locator('form.record-form button[type="submit"]').click();
      assert((await saved).ok(), 'saving the other email and phone failed');
      await page.waitForURL((u) => u.pathname === path);
      const email = page.locator(`a[href="mailto:bea.work.${lang}.${stamp}@example.com"]`);
      await email.waitFor();
      const entry = page.locator('.contact-entries li', { has: email });
      assert((await entry.innerText()).includes(x.work), `the email's label is not "${x.work}": ${await entry.innerText()}`);
      const tel = page.locator('a[href="tel:+393331234567"]');
      await tel.waitFor();
      const phoneEntry = page.locator('.contact-entries li', { has: tel });
      assert((await phoneEntry.innerText()).includes(x.mobile), `the phone's label is not "${x.mobile}"`);
      assert((await tel.innerText()) === x.phoneShown, `the phone reads ${await tel.innerText()}`);
      await screenshot(`record-other-contacts-${lang}`);
    });

    await scenario(`[${lang}] merge two duplicates by name: the loser's email stays, a field is cleared`, async () => {
      const phone = lang === 'en' ? '+39 02 5550 1001' : '+39 02 5550 1002';
      const keptEmail = `kept.${lang}.${stamp}@example.com`;
      const lostEmail = `lost.${lang}.${stamp}@example.com`;
      const first = await apiCall('POST', '/people', {
        fields: { first_name: 'Dora', last_name: last, email: keptEmail, phone, city: 'Torino' },
      });
      const second = await apiCall('POST', '/people', {
        fields: { first_name: 'Dora', last_name: last, email: lostEmail, phone },
      });
      assert(first.status === 201 && second.status === 201, 'creating the pair failed');
      const pair = (second.body.duplicates ?? []).find((d) => d.record.id === first.body.id);
      assert(pair, 'the second create did not report the first as a duplicate');
      await setLanguage(lang);
      await page.goto(`${base}/duplicates/${pair.candidate_id}/merge`);
      const keep = page.locator('fieldset.merge-keep');
      await keep.waitFor();
      const keepText = await keep.innerText();
      assert(keepText.includes(`Dora ${last}`), `the records are not named by name: ${keepText}`);
      assert(!keepText.includes(first.body.id) && !keepText.includes(second.body.id), `a record is named by id: ${keepText}`);
      await keep.locator('input[value="left"]').check();
      await page.getByRole('radio', { name: x.clearCity }).check();
      await screenshot(`record-merge-${lang}`);
      const merged = page.waitForResponse((r) => /\/api\/v1\/people\/\d+\/merge$/.test(r.url()));
      await page.locator('form.merge-form button[type="submit"]').click();
      const res = await merged;
      assert(res.ok(), `the merge answered ${res.status()}`);
      const survivor = (await res.json()).id;
      await page.waitForURL((u) => u.pathname === `/people/${survivor}`);
      const keptOther = survivor === first.body.id ? lostEmail : keptEmail;
      await page.locator(`.contact-entries a[href="mailto:${keptOther}"]`).waitFor();
      const stored = await apiCall('GET', `/people/${survivor}`);
      assert(!stored.body.fields.city, `the city was not cleared: ${stored.body.fields.city}`);
      await screenshot(`record-merged-${lang}`);
    });

    await scenario(`[${lang}] industry by its name, and the sources one click away`, async () => {
      const companyName = `Fabbrica${lang}${stamp} S.r.l.`;
      const company = await apiCall('POST', '/companies', {
        fields: { legal_name: companyName, country: 'IT', industry: 'manufacturing' },
      });
      assert(company.status === 201, `creating the company answered ${company.status}`);
      await setLanguage(lang);
      const path = `/companies/${company.body.id}`;
      await page.goto(`${base}${path}`);
      await heading(companyName).waitFor();
      const details = page.locator('section[aria-labelledby="record-fields"]');
      await details.getByText(x.manufacturing, { exact: true }).waitFor();
      // No source badge until asked for; then every field with a value has one.
      assert((await page.locator('.prov-badge').count()) === 0, 'source badges show before "Sources" is pressed');
      const toggle = page.getByRole('button', { name: x.sources });
      await toggle.focus();
      await page.keyboard.press('Enter');
      assert((await toggle.getAttribute('aria-pressed')) === 'true', 'the Sources button is not pressed');
      const badge = details.locator('.prov-badge').first();
      await badge.waitFor();
      await badge.focus();
      await page.locator('.prov-tip').first().waitFor({ state: 'attached' });
      await screenshot(`record-sources-${lang}`);
      await page.goto(`${base}${path}/edit`);
      const select = page.locator('select[name="industry"]');
      await select.waitFor();
      const chosen = await select.evaluate((s) => s.options[s.selectedIndex].text);
      assert(chosen === x.manufacturing, `the form's industry reads ${chosen}`);
    });
  }

  await setLanguage('en');
  await page.reload();
}
