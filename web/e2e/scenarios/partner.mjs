// End-to-end scenarios of the demo's partner user (a buyer's staff member, B2B2C) in English,
// Italian and Portuguese: a consumer's page names its owner and team (the partner may not list
// the staff, so the names come from GET /names) instead of raw ids, the navigation holds nothing
// that would be empty for them (Duplicates, Settings), and the users list still holds only
// themselves. Runs in its own browser contexts and sets the partner's profile language; leaves
// it in Portuguese, as the demo made it. Called once from e2e/run.mjs.

/**
 * @param {object} t
 * @param {import('playwright-core').Browser} t.browser
 * @param {string} t.base      the server's base URL
 * @param {string} t.password  the demo password (the partner's too)
 * @param {(name: string, fn: () => Promise<void>) => Promise<void>} t.scenario
 * @param {(name: string, options?: { fullPage?: boolean }) => Promise<string>} t.screenshot  of run.mjs's page; returns the file
 * @param {(cond: unknown, message: string) => void} t.assert
 */
export async function partnerScenarios({ browser, base, password, scenario, screenshot, assert }) {
  const runs = [
    { lang: 'en', locale: 'en-GB', rawUser: /User \d{6,}/, rawTeam: /Team \d{6,}/ },
    { lang: 'it', locale: 'it-IT', rawUser: /Utente \d{6,}/, rawTeam: /Team \d{6,}/ },
    { lang: 'pt', locale: 'pt-BR', rawUser: /Usuário \d{6,}/, rawTeam: /Equipe \d{6,}/ },
  ];
  for (const run of runs) {
    await scenario(`the partner user reads owners and teams by name, without empty menus (${run.lang})`, async () => {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 860 },
        locale: run.locale,
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      const api = (path, init) =>
        page.evaluate(
          async ([p, i]) => {
            const res = await fetch(`/api/v1${p}`, i);
            return { status: res.status, body: await res.json() };
          },
          [path, init],
        );
      try {
        await page.goto(`${base}/sign-in`);
        await page.locator('input[type="email"]').fill('partner@rapport.test');
        await page.locator('input[type="password"]').fill(password);
        await page.locator('form button[type="submit"]').click();
        await page.waitForURL((u) => u.pathname === '/');
        const me = (await api('/me')).body;
        assert(!!me.partner_company_id, 'partner@rapport.test is not a partner user');
        const patched = await api(`/users/${me.user.id}`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
          body: JSON.stringify({ language: run.lang }),
        });
        assert(patched.status === 200, `setting the partner's language answered ${patched.status}`);
        await page.reload();
        await page.waitForFunction((l) => document.documentElement.lang === l, run.lang);

        // Nothing in the navigation that would be empty for them.
        const nav = page.locator('#main-nav');
        await nav.locator('a[href="/people"]').waitFor();
        for (const href of ['/duplicates', '/settings', '/segments', '/import']) {
          assert((await nav.locator(`a[href="${href}"]`).count()) === 0, `${href} is in the partner's navigation`);
        }
        // They still cannot list the staff.
        const users = (await api('/users?limit=200')).body;
        assert(users.items.length === 1 && users.items[0].id === me.user.id, 'the partner lists other users');

        // A consumer with an owner and a team: the page names both.
        const people = (await api('/people?limit=50')).body.items;
        const person = people.find((p) => p.owner_user_id && p.team_id);
        assert(person, "no consumer of the partner's buyer has an owner and a team");
        const names = (await api('/names')).body;
        const ownerName = names.users.find((u) => u.id === person.owner_user_id)?.display_name;
        const teamName = names.teams.find((x) => x.id === person.team_id)?.name;
        assert(ownerName && teamName, 'GET /names does not name the owner and the team of their consumer');
        await page.goto(`${base}/people/${person.id}`);
        const facts = page.locator('.record-facts');
        await facts.getByText(ownerName, { exact: true }).waitFor();
        await facts.getByText(teamName, { exact: true }).waitFor();
        const text = await page.locator('main').innerText();
        assert(!run.rawUser.test(text), `the page shows a raw user id: ${text.match(run.rawUser)?.[0]}`);
        assert(!run.rawTeam.test(text), `the page shows a raw team id: ${text.match(run.rawTeam)?.[0]}`);
        const file = await screenshot(`partner-record-${run.lang}`, { fullPage: false });
        await page.screenshot({ path: file, fullPage: true });
      } finally {
        // The demo's partner speaks Portuguese: leave them so.
        await page
          .evaluate(async () => {
            const me = await (await fetch('/api/v1/me')).json();
            await fetch(`/api/v1/users/${me.user.id}`, {
              method: 'PATCH',
              headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
              body: JSON.stringify({ language: 'pt' }),
            });
          })
          .catch(() => undefined);
        await context.close();
      }
    });
  }
}
