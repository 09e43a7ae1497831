// End-to-end scenarios of the import wizard, global search, segments with the filter builder
// and the filtered people list. Called once from e2e/run.mjs, after the person scenarios
// (it reads the person they created), with run.mjs's page and helpers.
//
// Leaves behind: two imported people (city "Imola <stamp>", tag e2e) and a segment.

/**
 * @param {object} t
 * @param {import('playwright-core').Page} t.page
 * @param {string} t.base          the server's base URL
 * @param {string} t.stamp         this run's unique stamp
 * @param {(name: string, fn: () => Promise<void>) => Promise<void>} t.scenario
 * @param {(name: string, options?: { fullPage?: boolean }) => Promise<string>} t.screenshot
 * @param {(cond: unknown, message: string) => void} t.assert
 * @param {{ first: string, last: string, path: string }} t.person  the person created earlier
 */
export async function segmentsSearchImportScenarios({ page, base, stamp, scenario, screenshot, assert, person }) {
  const path = () => new URL(page.url()).pathname;
  const waitForPath = (p) => page.waitForURL((u) => u.pathname === p);
  const heading = (name) => page.getByRole('heading', { level: 1, name });
  const nav = () => page.locator('#main-nav');
  const city = `Imola ${stamp}`;
  const lastName = `Import${stamp}`;
  /** The count the API gives for a filter (what the builder's live count must show). */
  const apiCount = (entity, filter) =>
    page.evaluate(
      async ({ entity, filter }) => {
        const res = await fetch(`/api/v1/${entity}/count?filter=${encodeURIComponent(JSON.stringify(filter))}`);
        return (await res.json()).count;
      },
      { entity, filter },
    );
  const liveCount = async () => Number(await page.locator('.live-count').getAttribute('data-count'));

  await scenario('import a CSV of people with one bad row: the dry run reports it, the import rejects it', async () => {
    await nav().getByRole('link', { name: 'Import' }).click();
    await waitForPath('/import');
    await heading('Import a CSV file').waitFor();
    await screenshot('import-upload');
    // Italian headers, semicolons, UTF-8; row 3 has an email that is not one.
    const csv =
      'Nome;Cognome;E-mail;Città;Etichette\n' +
      `Anna;${lastName};anna.${stamp}@example.it;${city};e2e\n` +
      `Luca;${lastName};luca.${stamp}@example.it;${city};e2e\n` +
      `Mario;${lastName};mario-at-example;${city};e2e\n`;
    await page.getByLabel('The file holds').selectOption('person');
    await page.getByLabel(/^CSV file/).setInputFiles({
      name: `e2e-people-${stamp}.csv`,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByRole('button', { name: 'Upload and read' }).click();
    await page.getByRole('heading', { name: 'Check what was read and map the columns' }).waitFor();
    const detected = (await page.locator('.import-detected').innerText()).replace(/\s+/g, ' ');
    assert(/UTF-8/.test(detected), `the encoding is not shown: ${detected}`);
    assert(/semicolon/.test(detected), `the delimiter is not shown: ${detected}`);
    assert(/Rows 3/.test(detected), `the row count is not shown: ${detected}`);
    assert(
      (await page.locator('.preview-table').innerText()).includes(`anna.${stamp}@example.it`),
      'the preview lacks the first row',
    );
    // The server's suggestions fill the mapping.
    const expected = { 'Column "Nome"': 'first_name', 'Column "Cognome"': 'last_name', 'Column "E-mail"': 'email' };
    for (const [label, field] of Object.entries(expected)) {
      const value = await page.getByLabel(label, { exact: true }).inputValue();
      assert(value === field, `${label} is mapped to "${value}", not ${field}`);
    }
    assert((await page.getByLabel('Column "Città"', { exact: true }).inputValue()) === 'city', 'Città is not mapped to city');
    await page.getByLabel(/^Kind of data/).selectOption('second_party');
    await page.getByLabel(/^Source name/).fill(`E2E import ${stamp}`);
    await screenshot('import-mapping');
    await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
    await page.getByRole('heading', { name: 'Dry run: what the import would do' }).waitFor();
    assert((await page.getByTestId('would-create').innerText()) === '2', 'the dry run does not create 2');
    assert((await page.getByTestId('would-reject').innerText()) === '1', 'the dry run does not reject 1');
    const bad = page.locator('.rejected-table tbody tr');
    assert((await bad.count()) === 1, `${await bad.count()} bad rows listed`);
    const badText = (await bad.innerText()).replace(/\s+/g, ' ');
    assert(/Row 3 \(line 4\)/.test(badText) && /E-mail/.test(badText) && /email/i.test(badText), `bad row: ${badText}`);
    await screenshot('import-dry-run');
    await page.getByRole('button', { name: 'Start the import' }).click();
    await page.waitForURL((u) => /^\/import\/\d+$/.test(u.pathname));
    const bar = page.getByRole('progressbar', { name: 'Import progress' });
    await bar.waitFor();
    await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 30_000 });
    assert((await bar.getAttribute('aria-valuenow')) === '100', 'the progress bar did not reach 100%');
    assert(/100%/.test(await page.locator('.progress-text').innerText()), 'the percentage does not say 100%');
    assert((await page.getByTestId('imported').innerText()) === '2', 'not 2 imported');
    assert((await page.getByTestId('rejected').innerText()) === '1', 'not 1 rejected');
    const link = page.getByRole('link', { name: 'Download the rejected rows (1)' });
    const href = await link.getAttribute('href');
    assert(/^\/api\/v1\/imports\/\d+\/rejected\.csv$/.test(href ?? ''), `unexpected rejected rows link: ${href}`);
    const rejected = await page.evaluate(async (h) => (await fetch(h)).text(), href);
    assert(rejected.includes('Mario') && /email/i.test(rejected), `the rejected rows file lacks Mario: ${rejected}`);
    await screenshot('import-done');
  });

  await scenario('find a person with global search (Ctrl+K), move with the arrows, open with Enter', async () => {
    assert(await page.locator('.topbar').getByRole('button', { name: 'Search' }).isVisible(), 'no search button');
    await page.keyboard.press('Control+K');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.waitFor();
    const box = dialog.getByRole('combobox');
    assert(await box.evaluate((el) => el === document.activeElement), 'the search box does not have the focus');
    await box.fill(`${person.first} ${person.last}`);
    const target = dialog.getByRole('option', { name: new RegExp(`${person.first} ${person.last}`) });
    await target.first().waitFor();
    await dialog.getByRole('group', { name: 'People' }).waitFor();
    await screenshot('search-results');
    const options = dialog.getByRole('option');
    const ids = await options.evaluateAll((els) => els.map((e) => e.id));
    const want = await target.first().getAttribute('id');
    const steps = ids.indexOf(want);
    assert(steps >= 0, 'the person is not among the options');
    for (let i = 0; i < steps; i += 1) await box.press('ArrowDown');
    assert((await box.getAttribute('aria-activedescendant')) === want, 'the arrows did not reach the person');
    assert((await target.first().getAttribute('aria-selected')) === 'true', 'the person is not marked as selected');
    await box.press('Enter');
    await waitForPath(person.path);
    await heading(`${person.first} ${person.last}`).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await screenshot('search-opened-person');
  });

  await scenario('a swapped pair of letters still finds a person; one group alone shows more of it', async () => {
    // A surname of the demo's, letters only, with two neighbouring letters swapped.
    const { last, typo } = await page.evaluate(async () => {
      const res = await fetch('/api/v1/people?limit=50');
      for (const item of (await res.json()).items) {
        const last = String(item.fields?.last_name ?? item.last_name ?? '');
        if (!/^[A-Za-z]{6,}$/.test(last)) continue;
        const i = [...last].findIndex((c, k) => k >= 2 && k + 1 < last.length && c !== last[k + 1]);
        if (i < 0) continue;
        return { last, typo: last.slice(0, i) + last[i + 1] + last[i] + last.slice(i + 2) };
      }
      return { last: '', typo: '' };
    });
    assert(last, 'no surname of six letters in the demo data');
    await page.keyboard.press('Control+K');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.waitFor();
    await dialog.getByRole('combobox').fill(typo);
    await dialog
      .getByRole('option', { name: new RegExp(last) })
      .first()
      .waitFor();
    const scoped = page.waitForResponse((r) => r.url().includes('/api/v1/search') && r.url().includes('type=person'));
    await dialog.getByRole('radio', { name: 'People' }).click();
    assert((await scoped).ok(), 'the search within people failed');
    assert(
      (await dialog.getByRole('radio', { name: 'People' }).getAttribute('aria-checked')) === 'true',
      'People is not the chosen group',
    );
    await dialog
      .getByRole('option', { name: new RegExp(last) })
      .first()
      .waitFor();
    assert((await dialog.getByRole('group', { name: 'Companies' }).count()) === 0, 'companies shown in a search of people');
    await screenshot('search-typo-people');
    // (Escape in a search box first empties it; the close button closes at once.)
    await dialog.getByRole('button', { name: 'Close the search' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  const segmentName = `E2E Imola ${stamp}`;
  await scenario("build a segment with the filter builder; the live count is the API's count", async () => {
    await nav().getByRole('link', { name: 'Segments' }).click();
    await waitForPath('/segments');
    await heading('Segments').waitFor();
    await screenshot('segments-before');
    await page.getByRole('link', { name: 'New segment' }).click();
    await waitForPath('/segments/new');
    await heading('New segment').waitFor();
    await page.getByLabel(/^Name/).fill(segmentName);
    await page.getByLabel(/^Kind/).selectOption('b2c');
    await page.getByLabel(/^Holds/).selectOption('person');
    await page.getByLabel(/^Membership/).selectOption('dynamic');
    // City is Imola <stamp> AND tag e2e.
    await page.getByRole('button', { name: 'Add a condition' }).click();
    const c1 = page.getByRole('group', { name: 'Condition 1', exact: true });
    await c1.getByLabel('Field').selectOption('city');
    await c1.getByLabel('Condition').selectOption('eq');
    await c1.getByLabel('Value').fill(city);
    await page.getByRole('button', { name: 'Add a condition' }).click();
    const c2 = page.getByRole('group', { name: 'Condition 2', exact: true });
    await c2.getByLabel('Field').selectOption('tags');
    await c2.getByLabel('Condition').selectOption('has_tag');
    await c2.getByLabel('Value').fill('e2e');
    await page.locator('.live-count[data-count="2"]').waitFor();
    const both = {
      and: [
        { field: 'city', op: 'eq', value: city },
        { field: 'tags', op: 'has_tag', value: 'e2e' },
      ],
    };
    const api2 = await apiCount('people', both);
    assert(api2 === (await liveCount()) && api2 === 2, `live count ${await liveCount()}, API count ${api2}`);
    // ...and NOT (email contains luca.<stamp>): a negated group.
    await page.getByRole('button', { name: 'Add a group' }).click();
    await page.getByLabel('How the conditions of Group 3 combine').selectOption('none');
    const c3 = page.getByRole('group', { name: 'Condition 3.1', exact: true });
    await c3.getByLabel('Field').selectOption('email');
    await c3.getByLabel('Condition').selectOption('contains');
    await c3.getByLabel('Value').fill(`luca.${stamp}`);
    await page.locator('.live-count[data-count="1"]').waitFor();
    const api1 = await apiCount('people', {
      and: [...both.and, { not: { field: 'email', op: 'contains', value: `luca.${stamp}` } }],
    });
    assert(api1 === (await liveCount()) && api1 === 1, `live count ${await liveCount()}, API count ${api1}`);
    await screenshot('segment-builder');
    await page.getByRole('button', { name: 'Create segment' }).click();
    await page.waitForURL((u) => /^\/segments\/\d+$/.test(u.pathname));
    const segmentPath = path();
    await heading(segmentName).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `The segment ${segmentName} was created.` })
      .waitFor();
    assert((await page.locator('.segment-count').getAttribute('data-count')) === '1', 'the segment does not count 1 member');
    const rows = page.locator('.record-table tbody tr[data-index]');
    await rows.first().waitFor();
    assert((await rows.count()) === 1 && /Anna/.test(await rows.first().innerText()), 'the members are not Anna alone');
    const csv = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    assert(csv === `/api/v1${segmentPath}/export?format=csv`, `unexpected CSV export link ${csv}`);
    const exported = await page.evaluate(async (h) => (await fetch(h)).text(), csv);
    assert(exported.includes(`anna.${stamp}@example.it`), 'the CSV export lacks the member');
    const json = await page.getByRole('link', { name: 'Export JSON' }).getAttribute('href');
    const records = await page.evaluate(async (h) => (await fetch(h)).json(), json);
    assert(Array.isArray(records) && records.length === 1, 'the JSON export is not one record');
    await page.getByRole('button', { name: "Take today's figure" }).click();
    await page.locator('.history-bar').first().waitFor();
    await screenshot('segment-page');
    // The edit page reads the saved filter back into the builder.
    await page.getByRole('link', { name: 'Edit' }).click();
    await heading('Edit segment').waitFor();
    await page.getByRole('group', { name: 'Condition 3.1', exact: true }).waitFor();
    await page.locator('.live-count[data-count="1"]').waitFor();
    await screenshot('segment-edit');
    // Phone width: the builder and the segment page fit.
    await page.setViewportSize({ width: 360, height: 740 });
    for (const [where, name] of [
      [`${segmentPath}/edit`, 'phone-segment-edit'],
      [segmentPath, 'phone-segment'],
      ['/import', 'phone-import'],
    ]) {
      await page.goto(`${base}${where}`);
      await page.locator('h1').waitFor();
      await page.waitForLoadState('networkidle');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert(width <= 362, `${where} scrolls sideways at 360 px (${width} px wide)`);
      await screenshot(name);
    }
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.goto(`${base}/segments`);
    const row = page.locator('tr', { hasText: segmentName });
    await row.locator('[data-count="1"]').waitFor();
    await screenshot('segments-list');
  });

  await scenario('filter the people list with the filter builder; the filter stays in the saved view', async () => {
    await nav().getByRole('link', { name: 'People' }).click();
    await waitForPath('/people');
    await page.locator('.record-table tbody tr[data-index]').first().waitFor();
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    const panel = page.locator('.filter-panel');
    await panel.getByRole('heading', { name: 'Filter' }).waitFor();
    await panel.getByRole('button', { name: 'Add a condition' }).click();
    const c1 = panel.getByRole('group', { name: 'Condition 1', exact: true });
    await c1.getByLabel('Field').selectOption('city');
    await c1.getByLabel('Condition').selectOption('eq');
    await c1.getByLabel('Value').fill(city);
    await panel.locator('.live-count[data-count="2"]').waitFor();
    assert((await apiCount('people', { field: 'city', op: 'eq', value: city })) === 2, 'the API does not count 2');
    await screenshot('people-filter-panel');
    await panel.getByRole('button', { name: 'Apply' }).click();
    const rows = page.locator('.record-table tbody tr[data-index]');
    await page.getByText('All 2 shown.').waitFor();
    const text = await page.locator('.record-table tbody').innerText();
    assert((await rows.count()) === 2 && /Anna/.test(text) && /Luca/.test(text), `unexpected rows: ${text}`);
    await page.getByRole('button', { name: 'Filter (1)' }).waitFor();
    await screenshot('people-filtered', { fullPage: false });
    const saved = await page.evaluate(() => localStorage.getItem('rapport.view.person'));
    assert(saved && saved.includes(city), `the filter is not in the saved view: ${saved}`);
    await page.reload();
    await page.getByText('All 2 shown.').waitFor();
    await page.locator('.filter-summary').getByRole('button', { name: 'Clear all' }).click();
    await page.getByText(/loaded; scroll down for more/).waitFor();
    await page.getByRole('button', { name: 'Filter', exact: true }).waitFor();
  });
}
