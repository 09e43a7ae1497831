// End-to-end scenario of the service desk's settings screens, in English and in Italian. Called
// once from e2e/run.mjs with run.mjs's page (signed in as the demo owner) and helpers.
//
// For each language a fresh admin speaking it signs in in a separate browser context, and:
// - on Settings → Contact form turns the form on for the Customer Service team, meets the
//   server's error beside an origin row, saves a site (a small shop site this scenario serves
//   on another loopback port), and copies the embed snippet in the chosen language;
// - on the Customer Service team's page sets its inbox assignment to round robin;
// - puts the snippet on a page of that site and sends a message through the framed form, which lands with Customer Service, assigned to
//   one of its members, as the team's page then says.
// Puts the team back on manual assignment and turns the form off afterwards; leaves the users,
// people and conversations behind (named with the run's stamp).
import { createServer } from 'node:http';
import { sessionApi } from '../session.mjs';

/**
 * @param {object} t
 * @param {import('playwright-core').Browser} t.browser
 * @param {import('playwright-core').Page} t.page        signed in as the demo owner
 * @param {string} t.base                                the server's base URL
 * @param {string} t.stamp                               this run's unique suffix
 * @param {(name: string, fn: () => Promise<void>) => Promise<void>} t.scenario
 * @param {(name: string, options?: { fullPage?: boolean }) => Promise<string>} t.screenshot  of `page`; returns the file
 * @param {(cond: unknown, message: string) => void} t.assert
 */
export async function servicedeskSettingsScenarios({ browser, page, base, stamp, scenario, screenshot, assert }) {
  const ownerApi = sessionApi(page);
  const screenshotOf = async (other, name) => {
    const file = await screenshot(name, { fullPage: false });
    await other.screenshot({ path: file, fullPage: true });
    return file;
  };
  // The company's site: one page holding the snippet. Served from loopback like Rapport, since
  // Chromium refuses frames of a local address in a page that is not local.
  let shopPage = '';
  const shop = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(shopPage);
  });
  await new Promise((resolve) => shop.listen(0, '127.0.0.1', resolve));
  const port = String(shop.address().port);
  const site = `http://localhost:${port}`;
  const teamName = 'Customer Service';

  const texts = {
    en: {
      welcome: 'Welcome',
      settings: 'Settings',
      contactForm: 'Contact form',
      enabled: 'Accept messages through the form',
      team: 'Team',
      site1: 'Site 1',
      save: 'Save',
      originInvalid: (o) => `"${o}" is not a site origin like https://www.example.com.`,
      saved: 'Contact form settings saved.',
      embedLanguage: 'Language of the embedded form',
      snippet: 'Code to paste into your page',
      copySnippet: 'Copy the code',
      copied: 'Copied to the clipboard.',
      teams: 'Teams',
      edit: 'Edit',
      assignment: 'Inbox assignment',
      roundRobin: 'Round robin',
      saveAssignment: 'Save assignment',
      assignmentSaved: 'Assignment saved.',
      lastAssigned: (name) => `Last assigned automatically to ${name}`,
      successMessage: '',
      // the embedded form, in the language chosen for the snippet
      formName: 'Your name',
      formMessage: 'Message',
      formSend: 'Send',
      thanks: 'Thank you: we received your message and will answer soon.',
      body: (s) => `Hello, I would like a quote for 20 kg of espresso beans (${s}).`,
    },
    it: {
      welcome: 'Benvenuto',
      settings: 'Impostazioni',
      contactForm: 'Modulo di contatto',
      enabled: 'Accetta messaggi dal modulo',
      team: 'Team',
      site1: 'Sito 1',
      save: 'Salva',
      originInvalid: (o) => `"${o}" non è l'origine di un sito come https://www.example.com.`,
      saved: 'Impostazioni del modulo di contatto salvate.',
      embedLanguage: 'Lingua del modulo incorporato',
      snippet: 'Codice da incollare nella tua pagina',
      copySnippet: 'Copia il codice',
      copied: 'Copiato negli appunti.',
      teams: 'Team',
      edit: 'Modifica',
      assignment: 'Assegnazione della posta',
      roundRobin: 'A turno',
      saveAssignment: 'Salva assegnazione',
      assignmentSaved: 'Assegnazione salvata.',
      lastAssigned: (name) => `Ultima assegnazione automatica a ${name}`,
      successMessage: `Grazie ${stamp}, vi rispondiamo entro oggi.`,
      formName: 'Il tuo nome',
      formMessage: 'Messaggio',
      formSend: 'Invia',
      thanks: `Grazie ${stamp}, vi rispondiamo entro oggi.`,
      body: (s) => `Buongiorno, vorrei un preventivo per 20 kg di caffè in grani (${s}).`,
    },
  };

  const teams = await ownerApi('GET', '/teams?limit=100');
  const service = (teams.body?.items ?? []).find((x) => x.name === teamName);

  for (const lang of ['en', 'it']) {
    const x = texts[lang];
    const email = `e2e-desk-settings-${lang}-${stamp}@rapport.test`;
    const userPassword = 'e2e-desk-settings-password-1';
    const senderName = `Form${lang.toUpperCase()} Visitor${stamp}`;
    const senderEmail = `form-${lang}-${stamp}@example.it`;

    await scenario(
      `service desk settings (${lang}): the contact form, embedded on a site, files with a round-robin team`,
      async () => {
        assert(service, `the demo has no "${teamName}" team`);
        const user = await ownerApi('POST', '/users', {
          email,
          display_name: `E2E Desk Admin ${lang} ${stamp}`,
          role: 'admin',
          password: userPassword,
          language: lang,
        });
        assert(user.status === 201, `creating the user answered ${user.status}: ${JSON.stringify(user.body)}`);

        const context = await browser.newContext({
          viewport: { width: 1280, height: 860 },
          locale: lang === 'it' ? 'it-IT' : 'en-GB',
          reducedMotion: 'reduce',
        });
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
        const other = await context.newPage();
        other.setDefaultTimeout(15_000);
        const errors = [];
        other.on('pageerror', (e) => errors.push(String(e)));
        try {
          await other.goto(`${base}/sign-in`);
          await other.locator('input[type="email"]').fill(email);
          await other.locator('input[type="password"]').fill(userPassword);
          await other.locator('form button[type="submit"]').click();
          await other.waitForURL((u) => u.pathname === '/');
          await other.locator('h1').filter({ hasText: x.welcome }).waitFor();

          // Settings → Contact form.
          await other.locator('#main-nav').getByRole('link', { name: x.settings }).click();
          await other.locator('.subnav').getByRole('link', { name: x.contactForm }).click();
          await other.waitForURL((u) => u.pathname === '/settings/contact-form');
          await other.getByRole('heading', { level: 1, name: x.contactForm }).waitFor();
          await other.getByLabel(x.enabled).check();
          await other.getByLabel(x.team, { exact: true }).selectOption({ label: teamName });
          await other.locator('textarea[name="success_message"]').fill(x.successMessage);

          // An origin without its scheme: the server's message, in the user's language, beside its row.
          const siteField = other.locator('.field', { has: other.getByLabel(x.site1, { exact: true }) });
          await other.getByLabel(x.site1, { exact: true }).fill(`localhost:${port}`);
          const refused = other.waitForResponse(
            (r) => r.url().endsWith('/api/v1/contact-form') && r.request().method() === 'PUT',
          );
          await other.getByRole('button', { name: x.save, exact: true }).click();
          assert((await refused).status() === 422, `a bad origin answered ${(await refused).status()}`);
          await siteField
            .locator('.field-error')
            .filter({ hasText: x.originInvalid(`localhost:${port}`) })
            .waitFor();
          assert(
            (await other.getByLabel(x.site1, { exact: true }).getAttribute('aria-invalid')) === 'true',
            'the origin row is not marked invalid',
          );
          await screenshotOf(other, `contact-form-origin-error-${lang}`);

          // Written loosely, stored normalised.
          await other.getByLabel(x.site1, { exact: true }).fill(`HTTP://LOCALHOST:${port}/`);
          const stored = other.waitForResponse((r) => r.url().endsWith('/api/v1/contact-form') && r.request().method() === 'PUT');
          await other.getByRole('button', { name: x.save, exact: true }).click();
          assert((await stored).status() === 200, `saving answered ${(await stored).status()}: ${await (await stored).text()}`);
          await other.getByRole('status').filter({ hasText: x.saved }).waitFor();
          const shown = await other.getByLabel(x.site1, { exact: true }).inputValue();
          assert(shown === site, `the stored origin shows as ${shown}, not ${site}`);
          const settings = await sessionApi(other)('GET', '/contact-form');
          assert(
            settings.body.enabled === true &&
              settings.body.team_id === service.id &&
              JSON.stringify(settings.body.allowed_origins) === JSON.stringify([site]) &&
              settings.body.success_message === x.successMessage,
            `the stored settings are ${JSON.stringify(settings.body)}`,
          );

          // The snippet in the chosen language, copied.
          await other.getByLabel(x.embedLanguage).selectOption(lang);
          const snippet = await other.getByLabel(x.snippet).inputValue();
          const me = await sessionApi(other)('GET', '/me');
          const embedUrl = `${base}/api/v1/public/contact/${me.body.workspace.slug}/embed.html?lang=${lang}`;
          assert(snippet.startsWith(`<iframe src="${embedUrl}"`), `the snippet is ${snippet}`);
          await other.getByRole('button', { name: x.copySnippet }).click();
          await other.getByRole('status').filter({ hasText: x.copied }).waitFor();
          const copied = await other.evaluate(() => navigator.clipboard.readText());
          assert(copied === snippet, `the clipboard holds ${copied}`);
          await screenshotOf(other, `contact-form-saved-${lang}`);

          // The team's page: round robin.
          await other.locator('.subnav').getByRole('link', { name: x.teams, exact: true }).click();
          await other.getByRole('link', { name: `${x.edit} ${teamName}` }).click();
          await other.waitForURL((u) => u.pathname === `/settings/teams/${service.id}`);
          const section = other.getByRole('region', { name: x.assignment });
          await section.getByLabel(x.roundRobin).check();
          const modeSaved = other.waitForResponse(
            (r) => r.url().endsWith(`/service-desk/assignment/${service.id}`) && r.request().method() === 'PUT',
          );
          await section.getByRole('button', { name: x.saveAssignment }).click();
          assert((await modeSaved).status() === 200, `saving the assignment answered ${(await modeSaved).status()}`);
          await section.getByRole('status').filter({ hasText: x.assignmentSaved }).waitFor();

          // The snippet on a page of the allowed site: the framed form sends a message.
          shopPage = `<!doctype html><html lang="${lang}"><head><title>Shop</title></head><body><h1>Shop ${stamp}</h1>${copied}</body></html>`;
          const visitor = await context.newPage();
          visitor.setDefaultTimeout(15_000);
          await visitor.goto(`${site}/contact`);
          const form = visitor.frameLocator('iframe');
          await form.getByLabel(x.formName).fill(senderName);
          await form.getByLabel('Email').fill(senderEmail);
          await form.getByLabel(x.formMessage).fill(x.body(stamp));
          // The server refuses a form sent within 3 s of being served (people take longer).
          await visitor.waitForTimeout(3_200);
          await visitor.screenshot({ path: await screenshot(`contact-form-embedded-${lang}`, { fullPage: false }) });
          await form.getByRole('button', { name: x.formSend }).click();
          await form.getByRole('status').filter({ hasText: x.thanks }).waitFor();
          await visitor.close();

          // Filed with Customer Service and assigned to one of its members.
          const listed = await ownerApi('GET', `/conversations?view=all&team=${service.id}&limit=50`);
          const conversation = (listed.body?.items ?? []).find((c) => c.person?.email === senderEmail);
          assert(conversation, `no conversation of ${senderEmail} in ${teamName}'s inbox`);
          assert(conversation.channel === 'web_form', `the conversation came by ${conversation.channel}`);
          const memberIds = service.members.map((m) => m.user_id);
          assert(
            memberIds.includes(conversation.assignee_user_id),
            `assigned to ${conversation.assignee_user_id}, not one of ${memberIds.join(', ')}`,
          );

          // The team's page says who was assigned last.
          await other.reload();
          await section.getByText(x.lastAssigned(conversation.assignee_name)).waitFor();
          await screenshotOf(other, `team-assignment-${lang}`);
          assert(errors.length === 0, `page errors: ${errors.join(' | ')}`);
        } finally {
          await ownerApi('PUT', `/service-desk/assignment/${service?.id}`, { mode: 'manual' });
          await ownerApi('PUT', '/contact-form', { enabled: false });
          await context.close();
        }
      },
    );
  }
  shop.close();
}
