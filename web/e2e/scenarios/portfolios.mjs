// End-to-end scenarios of portfolios, in English and in Brazilian Portuguese. Called once from
// e2e/run.mjs with run.mjs's page (signed in as the demo owner) and helpers.
//
// For each language the owner makes, through the API, a leaving account manager with three
// customers (one met 40 days ago) and a colleague who takes them over. In the manager's view
// (in that language) the leaver's row shows the portfolio; the reassign dialog moves it to the
// colleague; the page confirms, the history lists the move, the colleague's portfolio lists the
// three customers with the days since contact, and one record's history shows the new owner.
import { sessionApi, setProfileLanguage } from '../session.mjs';

/**
 * @param {object} t
 * @param {import('playwright-core').Page} t.page        signed in as the demo owner
 * @param {string} t.base                                the server's base URL
 * @param {string} t.stamp                               this run's unique suffix
 * @param {(name: string, fn: () => Promise<void>) => Promise<void>} t.scenario
 * @param {(name: string, options?: { fullPage?: boolean }) => Promise<string>} t.screenshot  of `page`; returns the file
 * @param {(cond: unknown, message: string) => void} t.assert
 */
export async function portfoliosScenarios({ page, base, stamp, scenario, screenshot, assert }) {
  const ownerApi = sessionApi(page);
  const texts = {
    en: {
      overview: 'Portfolios',
      reassign: 'Reassign',
      newOwner: 'New owner',
      move: 'Move 3 customers',
      moved: (from, to) => `3 customers moved from ${from} to ${to}.`,
      history: 'Reassignments',
      movedCount: '3 customers (0 companies, 3 people)',
      days: '40 days',
      never: 'Never',
      mine: 'My portfolio',
      choose: (name) => `Choose ${name}`,
      reassignChosen: 'Reassign 1 chosen',
      moveOne: 'Move 1 customer',
      movedOne: (from, to) => `1 customer moved from ${from} to ${to}.`,
    },
    pt: {
      overview: 'Carteiras',
      reassign: 'Reatribuir',
      newOwner: 'Novo responsável',
      move: 'Transferir 3 clientes',
      moved: (from, to) => `3 clientes transferidos de ${from} para ${to}.`,
      history: 'Reatribuições',
      movedCount: '3 clientes (0 empresa, 3 pessoas)',
      days: '40 dias',
      never: 'Nunca',
      mine: 'Minha carteira',
      choose: (name) => `Escolher ${name}`,
      reassignChosen: 'Reatribuir 1 escolhido',
      moveOne: 'Transferir 1 cliente',
      movedOne: (from, to) => `1 cliente transferido de ${from} para ${to}.`,
    },
  };

  for (const lang of ['en', 'pt']) {
    const x = texts[lang];
    await scenario(`portfolios (${lang}): a leaver's portfolio is reassigned from the manager's view`, async () => {
      const makeUser = async (name) => {
        const res = await ownerApi('POST', '/users', {
          email: `e2e-pf-${lang}-${name.toLowerCase()}-${stamp}@rapport.test`,
          display_name: `${name} ${lang} ${stamp}`,
          role: 'member',
          password: 'e2e-password-123',
        });
        assert(res.status === 201, `creating a user answered ${res.status}: ${JSON.stringify(res.body)}`);
        return res.body;
      };
      const leaver = await makeUser('Leaver');
      const taker = await makeUser('Taker');
      const people = [];
      for (const first of ['Ana', 'Bruno', 'Carla']) {
        const res = await ownerApi('POST', '/people', {
          owner_user_id: leaver.id,
          fields: { first_name: first, last_name: `Carteira ${lang} ${stamp}` },
        });
        assert(res.status === 201, `creating a person answered ${res.status}: ${JSON.stringify(res.body)}`);
        people.push(res.body.id);
      }
      const met = await ownerApi('POST', '/interactions', {
        kind: 'meeting',
        person_id: people[0],
        occurred_at: Date.now() - 40 * 86_400_000 - 3_600_000,
      });
      assert(met.status === 201, `logging the meeting answered ${met.status}`);

      const status = await setProfileLanguage(page, lang);
      assert(status === 200, `setting the language answered ${status}`);
      try {
        await page.goto(`${base}/portfolios`);
        await page.getByRole('heading', { level: 1, name: x.overview }).waitFor();
        const row = page.getByRole('row').filter({ hasText: leaver.display_name });
        await row.waitFor();
        await row.getByRole('button', { name: x.reassign }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel(x.newOwner).selectOption({ label: taker.display_name });
        await screenshot(`portfolios-reassign-${lang}`);
        await dialog.getByRole('button', { name: x.move }).click();
        await page
          .getByRole('status')
          .filter({ hasText: x.moved(leaver.display_name, taker.display_name) })
          .waitFor();
        const history = page.getByRole('region', { name: x.history });
        await history
          .getByRole('row')
          .filter({ hasText: leaver.display_name })
          .filter({ hasText: x.movedCount })
          .first()
          .waitFor();
        assert(
          (await page.getByRole('row').filter({ hasText: leaver.display_name }).getByRole('button').count()) === 0,
          'the leaver still has a portfolio after the reassignment',
        );
        await screenshot(`portfolios-overview-${lang}`);

        // The colleague's portfolio: the two never contacted first, then the meeting of 40 days ago.
        await page.goto(`${base}/portfolios/users/${taker.id}`);
        const rows = page.locator('table.portfolio-table tbody tr');
        await rows.nth(2).waitFor();
        assert((await rows.count()) === 3, `the colleague's portfolio has ${await rows.count()} rows, not 3`);
        await rows.nth(0).getByText(x.never).waitFor();
        await rows.nth(2).getByText(x.days).waitFor();
        await rows.nth(2).getByText('Ana').waitFor();
        await screenshot(`portfolios-user-${lang}`);

        // One chosen record goes back to the leaver: the others stay.
        await page.getByLabel(x.choose(`Ana Carteira ${lang} ${stamp}`)).check();
        await page.getByRole('button', { name: x.reassignChosen }).click();
        const chosenDialog = page.getByRole('dialog');
        await chosenDialog.getByLabel(x.newOwner).selectOption({ label: leaver.display_name });
        await chosenDialog.getByRole('button', { name: x.moveOne }).click();
        await page
          .getByRole('status')
          .filter({ hasText: x.movedOne(taker.display_name, leaver.display_name) })
          .waitFor();
        await page.waitForFunction(() => document.querySelectorAll('table.portfolio-table tbody tr').length === 2);
        const back = await ownerApi('GET', `/people/${people[0]}`);
        assert(back.body.owner_user_id === leaver.id, `the chosen record's owner is ${back.body.owner_user_id}`);
        const stayed = await ownerApi('GET', `/people/${people[2]}`);
        assert(stayed.body.owner_user_id === taker.id, `a record not chosen moved to ${stayed.body.owner_user_id}`);

        // Each record's history names the new owner, by whom it was moved.
        const history0 = await ownerApi('GET', `/people/${people[1]}/history`);
        const change = history0.body.items?.[0];
        assert(
          change?.field === 'owner_user_id' && change.old_value === leaver.id && change.new_value === taker.id,
          `the history's newest entry is ${JSON.stringify(change)}`,
        );

        await page.goto(`${base}/portfolio`);
        await page.getByRole('heading', { level: 1, name: x.mine }).waitFor();
      } finally {
        await setProfileLanguage(page, 'en');
      }
    });
  }
}
