// End-to-end scenarios of the service levels settings, in English and in Italian. Called once
// from e2e/run.mjs with run.mjs's page (signed in as the demo owner) and helpers.
//
// For each language the owner switches the profile language, opens Settings → Service levels,
// creates a business calendar (Europe/Rome, the default Monday–Friday office hours, a holiday),
// checks a due time with the preview (Friday 17:00 + 120 business minutes = Monday 10:00),
// then creates an SLA policy for urgent conversations on that calendar and finds it listed.
// An empty name is refused first, with the server's message in the page's language. Leaves the
// calendars and policies behind (named with the run's stamp); the profile goes back to English.
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
export async function serviceLevelsScenarios({ page, base, stamp, scenario, screenshot, assert }) {
  const texts = {
    en: {
      title: 'Service levels',
      newCalendar: 'New calendar',
      name: 'Name',
      timeZone: 'Time zone',
      addHoliday: 'Add a holiday',
      holidayDate: 'Date (1)',
      holidayName: 'Name (1)',
      createCalendar: 'Create calendar',
      nameError: 'Give it a name of 1 to 100 characters',
      hours: 'Mon–Fri 09:00–13:00, 14:00–18:00',
      holidays: '1 holiday',
      edit: 'Edit',
      previewStart: 'Start',
      previewMinutes: 'Business minutes',
      previewButton: 'Compute the due time',
      due: 'Due:',
      back: 'Back to service levels',
      newPolicy: 'New policy',
      priority: 'Priority',
      calendar: 'Calendar',
      firstResponse: 'First response (minutes)',
      resolution: 'Resolution (minutes)',
      createPolicy: 'Create policy',
      urgent: 'Urgent',
      created: 'was created',
    },
    it: {
      title: 'Livelli di servizio',
      newCalendar: 'Nuovo calendario',
      name: 'Nome',
      timeZone: 'Fuso orario',
      addHoliday: 'Aggiungi una festività',
      holidayDate: 'Data (1)',
      holidayName: 'Nome (1)',
      createCalendar: 'Crea calendario',
      nameError: 'Dagli un nome da 1 a 100 caratteri',
      hours: 'Lun–Ven 09:00–13:00, 14:00–18:00',
      holidays: '1 festività',
      edit: 'Modifica',
      previewStart: 'Inizio',
      previewMinutes: 'Minuti lavorativi',
      previewButton: 'Calcola la scadenza',
      due: 'Scadenza:',
      back: 'Torna ai livelli di servizio',
      newPolicy: 'Nuova policy',
      priority: 'Priorità',
      calendar: 'Calendario',
      firstResponse: 'Prima risposta (minuti)',
      resolution: 'Risoluzione (minuti)',
      createPolicy: 'Crea policy',
      urgent: 'Urgente',
      created: 'è stata creata',
    },
  };

  for (const lang of ['en', 'it']) {
    const x = texts[lang];
    const calendarName = `E2E Office ${lang} ${stamp}`;
    const policyName = `E2E Urgent ${lang} ${stamp}`;
    await scenario(`service levels (${lang}): create a calendar, preview a due time, create a policy`, async () => {
      const status = await setProfileLanguage(page, lang);
      assert(status === 200, `setting the language answered ${status}`);
      try {
        await page.goto(`${base}/settings/service-levels`);
        await page.getByRole('heading', { level: 1, name: x.title }).waitFor();

        // A calendar: refused without a name, created with one.
        await page.getByRole('link', { name: x.newCalendar }).click();
        await page.getByLabel(x.timeZone).selectOption('Europe/Rome');
        await page.getByRole('button', { name: x.addHoliday }).click();
        await page.getByLabel(x.holidayDate).fill('2026-12-25');
        await page.getByLabel(x.holidayName).fill('Natale');
        await page.getByRole('button', { name: x.createCalendar }).click();
        await page.locator('.field-error', { hasText: x.nameError }).first().waitFor();
        await page.locator('input[name="name"]').fill(calendarName);
        await page.getByRole('button', { name: x.createCalendar }).click();
        await page.waitForURL((u) => u.pathname === '/settings/service-levels');
        const calendarRow = page.locator('tr', { hasText: calendarName });
        await calendarRow.waitFor();
        const rowText = await calendarRow.innerText();
        assert(rowText.includes(x.hours), `the calendar row says: ${rowText}`);
        assert(rowText.includes(x.holidays), `the calendar row does not count the holiday: ${rowText}`);
        assert(rowText.includes('Europe/Rome'), `the calendar row lacks its time zone: ${rowText}`);
        await screenshot(`service-levels-calendar-${lang}`);

        // The preview: Friday 16 January 2026, 17:00 + 120 business minutes = Monday 10:00.
        await calendarRow.getByRole('link', { name: new RegExp(`^${x.edit}`) }).click();
        await page.getByLabel(x.previewStart).fill('2026-01-16T17:00');
        await page.getByLabel(x.previewMinutes).fill('120');
        await page.getByRole('button', { name: x.previewButton }).click();
        const result = page.locator('.preview-result');
        await result.waitFor();
        const due = await result.innerText();
        assert(due.includes(x.due) && due.includes('10:00') && due.includes('19'), `the preview says: ${due}`);
        await screenshot(`service-levels-preview-${lang}`);
        await page.getByRole('link', { name: x.back }).click();

        // A policy for urgent conversations on that calendar.
        await page.getByRole('link', { name: x.newPolicy }).click();
        await page.locator('input[name="name"]').fill(policyName);
        await page.getByLabel(x.priority).selectOption('urgent');
        await page.getByLabel(x.calendar).selectOption({ label: `${calendarName} (Europe/Rome)` });
        await page.getByLabel(x.firstResponse).fill('30');
        await page.getByLabel(x.resolution).fill('480');
        await page.getByRole('button', { name: x.createPolicy }).click();
        await page.waitForURL((u) => u.pathname === '/settings/service-levels');
        await page.getByText(x.created).first().waitFor();
        const policyRow = page.locator('tr', { hasText: policyName });
        await policyRow.waitFor();
        const policyText = await policyRow.innerText();
        assert(policyText.includes(x.urgent), `the policy row lacks its priority: ${policyText}`);
        assert(policyText.includes(calendarName), `the policy row lacks its calendar: ${policyText}`);
        assert(/30\s*min/.test(policyText), `the policy row lacks its first response target: ${policyText}`);
        await screenshot(`service-levels-policy-${lang}`);
      } finally {
        // Back in English, shown, for the scenarios that follow.
        await setProfileLanguage(page, 'en');
        await page.goto(`${base}/`);
        await page.locator('h1').filter({ hasText: 'Welcome' }).waitFor();
      }
    });
  }
}
