// End-to-end scenarios of B2B2C partitions. Called once from e2e/run.mjs, before the interface is
// switched to Italian, with run.mjs's page (signed in as the demo owner) and helpers.
//
// The owner opens a buyer company (found through the API's filter on buyer_kind), reads its
// consumer count, grants a team the buyer's consumers and removes the grant. Then the demo
// partner user signs in in a separate browser context (the owner's session is untouched) and
// sees the banner and their buyer's consumers only. Leaves nothing behind.

/**
 * @param {object} t
 * @param {import('playwright-core').Browser} t.browser
 * @param {import('playwright-core').Page} t.page        signed in as the demo owner, in English
 * @param {string} t.base                                the server's base URL
 * @param {string} t.teamName                            a team the run created (not granted yet)
 * @param {string} t.password                            the demo password (the partner's too)
 * @param {(name: string, fn: () => Promise<void>) => Promise<void>} t.scenario
 * @param {(name: string, options?: { fullPage?: boolean }) => Promise<string>} t.screenshot  of `page`; returns the file
 * @param {(cond: unknown, message: string) => void} t.assert
 */
export async function partitionScenarios({ browser, page, base, teamName, password, scenario, screenshot, assert }) {
  const partnerEmail = 'partner@rapport.test';
  const waitForPath = (p, on = page) => on.waitForURL((u) => u.pathname === p);
  /** GET through the page's own session (cookies of that browser context). */
  const apiGet = (on, path) =>
    on.evaluate(async (p) => {
      const res = await fetch(`/api/v1${p}`);
      return { status: res.status, body: await res.json() };
    }, path);
  const buyerFilter = encodeURIComponent(JSON.stringify({ field: 'buyer_kind', op: 'is_not_empty' }));
  let buyer = null;
  /** A screenshot of another page, numbered and named as run.mjs does (its file is reused). */
  const screenshotOf = async (other, name, { fullPage = true } = {}) => {
    const file = await screenshot(name, { fullPage: false });
    await other.screenshot({ path: file, fullPage });
    return file;
  };

  await scenario("a buyer's consumers: the owner sees the count, grants a team and removes the grant", async () => {
    const found = await apiGet(page, `/companies?limit=20&filter=${buyerFilter}`);
    assert(found.status === 200 && found.body.items.length > 0, `no buyer found through the filter (${found.status})`);
    assert(
      found.body.items.every((c) => !!c.fields.buyer_kind),
      'the buyer_kind filter returned a company that is not a buyer',
    );
    buyer = found.body.items[0];
    const partition = (await apiGet(page, `/companies/${buyer.id}/partition`)).body;
    await page.goto(`${base}/companies/${buyer.id}`);
    const card = page.locator('.partition-card');
    await card.getByRole('heading', { name: 'Consumers (B2B2C)' }).waitFor();
    const count = card.locator('.consumer-count');
    await count.waitFor();
    assert(
      Number(await count.getAttribute('data-count')) === partition.consumer_count,
      `the page shows ${await count.getAttribute('data-count')} consumers, the API ${partition.consumer_count}`,
    );
    assert(/Consumers: \d+/.test(await count.innerText()), 'the count is not in words');
    // The owner sees every partition: the consumers are listed, not the "no access" note.
    await card.locator('.consumer-list li').first().waitFor();
    assert((await card.getByTestId('no-access').count()) === 0, 'the owner is told they have no access');
    await screenshot('partition-consumers');

    const access = page.locator('.partition-access');
    await access.getByRole('heading', { name: 'Partition access' }).waitFor();
    const picker = access.getByLabel('Grant the consumers to');
    await page.waitForFunction(
      (name) => [...document.querySelectorAll('.partition-access option')].some((o) => o.textContent === name),
      teamName,
    );
    await picker.selectOption({ label: teamName });
    await access.getByRole('button', { name: 'Grant', exact: true }).click();
    await access
      .getByRole('status')
      .filter({ hasText: `${teamName} now sees these consumers.` })
      .waitFor();
    const row = access.locator('.access-row', { hasText: teamName });
    await row.waitFor();
    assert(/Team/.test(await row.innerText()), 'the grant does not say it is a team');
    const granted = (await apiGet(page, `/companies/${buyer.id}/partition`)).body;
    const grant = granted.grants.find((g) => g.grantee_name === teamName);
    assert(grant && grant.grantee_kind === 'team', 'the API does not list the team grant');
    await screenshot('partition-granted');

    await access.getByRole('button', { name: `Remove the grant to ${teamName}` }).click();
    await access
      .getByRole('status')
      .filter({ hasText: `${teamName} no longer sees these consumers.` })
      .waitFor();
    await row.waitFor({ state: 'detached' });
    const after = (await apiGet(page, `/companies/${buyer.id}/partition`)).body;
    assert(!after.grants.some((g) => g.grantee_name === teamName), 'the API still lists the team grant');
    // The picker offers the team again.
    await page.waitForFunction(
      (name) => [...document.querySelectorAll('.partition-access option')].some((o) => o.textContent === name),
      teamName,
    );
    await screenshot('partition-revoked');
    // Phone width: the panel and the access lists fit.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.reload();
    await page.locator('.partition-access select').first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.locator('.partition-card').scrollIntoViewIfNeeded();
    await screenshot('phone-partition', { fullPage: false });
    await page.setViewportSize({ width: 1280, height: 860 });
    assert(width <= 362, `the buyer's page scrolls sideways at 360 px (${width} px wide)`);
    // Where the next scenario (the user menu's language) starts.
    await page.goto(`${base}/`);
    await page.locator('h1').filter({ hasText: 'Welcome' }).waitFor();
  });

  await scenario("the partner user sees the banner and only their buyer's consumers", async () => {
    // A separate context: its own cookies, so the owner's session in `page` stays signed in.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      locale: 'en-GB',
      reducedMotion: 'reduce',
    });
    const partner = await context.newPage();
    partner.setDefaultTimeout(15_000);
    try {
      await partner.goto(`${base}/sign-in`);
      await partner.getByLabel('Email').fill(partnerEmail);
      await partner.getByLabel('Password').fill(password);
      await partner.getByRole('button', { name: 'Sign in', exact: true }).click();
      await waitForPath('/', partner);
      const me = (await apiGet(partner, '/me')).body;
      assert(!!me.partner_company_id, `${partnerEmail} is not a partner user (partner_company_id is empty)`);
      const theirs = (await apiGet(partner, `/companies/${me.partner_company_id}`)).body;
      const buyerName = theirs.fields.legal_name;

      // The banner names their buyer and links to it (the text is in the profile's language).
      const banner = partner.locator('.partner-banner');
      await banner.waitFor();
      await banner.getByRole('link', { name: buyerName }).waitFor();
      assert((await banner.getAttribute('data-buyer-id')) === me.partner_company_id, 'the banner is about another buyer');
      // Nothing in the navigation that would only show empty screens to them.
      const nav = partner.locator('#main-nav');
      await nav.locator('a[href="/people"]').waitFor();
      assert((await nav.locator('a[href="/segments"]').count()) === 0, 'Segments is in a partner user’s navigation');
      assert((await nav.locator('a[href="/import"]').count()) === 0, 'Import is in a partner user’s navigation');
      // Nothing in them for a partner user: no duplicate queue, no settings section.
      assert((await nav.locator('a[href="/duplicates"]').count()) === 0, 'Duplicates is in a partner user’s navigation');
      assert((await nav.locator('a[href="/settings"]').count()) === 0, 'Settings is in a partner user’s navigation');
      await screenshotOf(partner, 'partner-home');

      // The people list: every row they see is one of their buyer's consumers.
      await nav.locator('a[href="/people"]').click();
      await waitForPath('/people', partner);
      const rows = partner.locator('.record-table tbody tr[data-index]');
      await rows.first().waitFor();
      await banner.waitFor();
      const ids = await partner
        .locator('.record-table tbody tr[data-index] a[href^="/people/"]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href').split('/').pop()));
      assert(ids.length > 0, 'no people listed for the partner user');
      for (const id of ids) {
        const person = await apiGet(partner, `/people/${id}`);
        assert(person.status === 200, `row ${id}: GET /people/${id} answered ${person.status}`);
        assert(
          person.body.fields.buyer_company_id === me.partner_company_id,
          `row ${id} belongs to buyer ${person.body.fields.buyer_company_id}, not ${me.partner_company_id}`,
        );
      }
      // And the whole list, through the API with the partner's session: their buyer's consumers only.
      let cursor = '';
      let total = 0;
      do {
        const pageOf = (await apiGet(partner, `/people?limit=500&fields=buyer_company_id${cursor}`)).body;
        for (const p of pageOf.items) {
          assert(p.fields.buyer_company_id === me.partner_company_id, `person ${p.id} is not their buyer's consumer`);
        }
        total += pageOf.items.length;
        cursor = pageOf.next_cursor ? `&cursor=${encodeURIComponent(pageOf.next_cursor)}` : '';
      } while (cursor);
      const partition = (await apiGet(partner, `/companies/${me.partner_company_id}/partition`)).body;
      assert(partition.consumers_visible === true, 'the partner user may not see their own buyer’s consumers');
      assert(
        total === partition.consumer_count,
        `the partner user lists ${total} people, their buyer has ${partition.consumer_count}`,
      );
      assert(!('grants' in partition), 'a partner user is shown the grants');
      await screenshotOf(partner, 'partner-people', { fullPage: false });
    } finally {
      await context.close();
    }
  });
}
