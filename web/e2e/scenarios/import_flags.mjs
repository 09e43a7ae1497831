// End-to-end scenarios of importing invalid values flagged instead of rejected (the import
// wizard's "flag invalid values" option, admins and owners only): the dry run and the progress
// count the flagged rows, the people list's filter builder finds the flagged records, the record
// page shows a warning badge with the reason beside the value kept as written, and the API's
// filter field "flags" counts them. Called once from e2e/run.mjs, after the import scenario, with
// run.mjs's page and helpers (signed in as the demo owner).
//
// Leaves behind: three imported people (city "Faenza <stamp>", last name "Flag<stamp>"), two
// of them flagged.

/**
 * @param {object} t
 * @param {import('playwright-core').Page} t.page
 * @param {string} t.stamp         this run's unique stamp
 * @param {(name: string, fn: () => Promise<void>) => Promise<void>} t.scenario
 * @param {(name: string, options?: { fullPage?: boolean }) => Promise<string>} t.screenshot
 * @param {(cond: unknown, message: string) => void} t.assert
 */
export async function importFlagsScenarios({ page, stamp, scenario, screenshot, assert }) {
  const waitForPath = (p) => page.waitForURL((u) => u.pathname === p);
  const heading = (name) => page.getByRole('heading', { level: 1, name });
  const nav = () => page.locator('#main-nav');
  const city = `Faenza ${stamp}`;
  const lastName = `Flag${stamp}`;
  // Row 2's email and row 3's phone fail validation; row 1 is good. Emails carry the stamp and no
  // valid phone is shared, so the people of another run are neither updated nor paired as duplicates.
  const good = { first: 'Elena', email: `elena.${stamp}@example.com` };
  const badEmail = { first: 'Marta', email: `Marta.Bianchi.${stamp}(at)Example` };
  const badPhone = { first: 'Piero', email: `piero.${stamp}@example.com`, phone: '+39 12' };
  const apiCount = (filter) =>
    page.evaluate(async (filter) => {
      const res = await fetch(`/api/v1/people/count?filter=${encodeURIComponent(JSON.stringify(filter))}`);
      if (!res.ok) throw new Error(`GET /api/v1/people/count answered ${res.status}`);
      return (await res.json()).count;
    }, filter);
  const text = async (locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();

  await scenario('import people flagging an invalid email and phone: the dry run and the progress count them', async () => {
    await nav().getByRole('link', { name: 'Import' }).click();
    await waitForPath('/import');
    await heading('Import a CSV file').waitFor();
    const csv =
      'First name,Last name,Email,Phone,City\n' +
      `${good.first},${lastName},${good.email},,${city}\n` +
      `${badEmail.first},${lastName},${badEmail.email},,${city}\n` +
      `${badPhone.first},${lastName},${badPhone.email},${badPhone.phone},${city}\n`;
    await page.getByLabel('The file holds').selectOption('person');
    await page.getByLabel(/^CSV file/).setInputFiles({
      name: `e2e-flags-${stamp}.csv`,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByRole('button', { name: 'Upload and read' }).click();
    await page.getByRole('heading', { name: 'Check what was read and map the columns' }).waitFor();
    for (const [label, field] of Object.entries({ 'Column "Email"': 'email', 'Column "Phone"': 'phone' })) {
      const value = await page.getByLabel(label, { exact: true }).inputValue();
      assert(value === field, `${label} is mapped to "${value}", not ${field}`);
    }
    await page.getByLabel(/^Source name/).fill(`E2E flags ${stamp}`);
    const flag = page.getByRole('checkbox', { name: /flag them for review/ });
    assert(!(await flag.isChecked()), 'flagging invalid values is on before it was chosen');
    await flag.check();
    await screenshot('import-flags-mapping');
    await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
    await page.getByRole('heading', { name: 'Dry run: what the import would do' }).waitFor();
    assert((await page.getByTestId('would-create').innerText()) === '3', 'the dry run does not create 3');
    assert((await page.getByTestId('would-reject').innerText()) === '0', 'the dry run rejects rows');
    assert((await page.getByTestId('would-flag').innerText()) === '2', 'the dry run does not flag 2');
    await page.getByText('2 rows will be imported with flagged values.').waitFor();
    const flagged = page.getByTestId('flagged-rows').locator('tbody tr');
    assert((await flagged.count()) === 2, `${await flagged.count()} flagged rows listed`);
    const first = await text(flagged.nth(0));
    assert(/Row 2 \(line 3\)/.test(first) && /Email: not a valid email address/.test(first), `flagged row: ${first}`);
    const second = await text(flagged.nth(1));
    assert(/Row 3 \(line 4\)/.test(second) && /Phone: .*phone number/.test(second), `flagged row: ${second}`);
    await screenshot('import-flags-dry-run');
    await page.getByRole('button', { name: 'Start the import' }).click();
    await page.waitForURL((u) => /^\/import\/\d+$/.test(u.pathname));
    await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 30_000 });
    assert((await page.getByTestId('imported').innerText()) === '3', 'not 3 imported');
    assert((await page.getByTestId('flagged').innerText()) === '2', 'not 2 flagged');
    assert((await page.getByTestId('rejected').innerText()) === '0', 'not 0 rejected');
    assert((await page.getByRole('link', { name: /Download the rejected rows/ }).count()) === 0, 'rejected rows offered');
    await screenshot('import-flags-done');
  });

  await scenario(
    'find the flagged people with the filter builder; the record page shows the reason by the raw value',
    async () => {
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
      await panel.locator('.live-count[data-count="3"]').waitFor();
      await panel.getByRole('button', { name: 'Add a condition' }).click();
      const c2 = panel.getByRole('group', { name: 'Condition 2', exact: true });
      await c2.getByLabel('Field').selectOption({ label: 'Flagged values' });
      await c2.getByLabel('Condition').selectOption({ label: 'has some (to review)' });
      await panel.locator('.live-count[data-count="2"]').waitFor();
      await screenshot('people-flags-filter-panel');
      await panel.getByRole('button', { name: 'Apply' }).click();
      await page.getByText('All 2 shown.').waitFor();
      const rows = await page.locator('.record-table tbody').innerText();
      assert(rows.includes(badEmail.first) && rows.includes(badPhone.first) && !rows.includes(good.first), `rows: ${rows}`);
      await screenshot('people-flagged', { fullPage: false });

      // The invalid email: kept as written (not lower-cased), with the reason beside it.
      await page.getByRole('link', { name: `${badEmail.first} ${lastName}` }).click();
      await page.waitForURL((u) => /^\/people\/\d+$/.test(u.pathname));
      await heading(`${badEmail.first} ${lastName}`).waitFor();
      const emailBadge = page.getByTestId('flag-email');
      await emailBadge.waitFor();
      assert(/not a valid email address/.test(await emailBadge.innerText()), `badge: ${await emailBadge.innerText()}`);
      const emailRow = page.locator('.fact-row').filter({ has: emailBadge });
      assert((await text(emailRow.locator('dt'))) === 'Email', `the badge is beside ${await emailRow.locator('dt').innerText()}`);
      const shown = await emailRow.locator('.fact-value').innerText();
      assert(shown === badEmail.email, `the email is shown as "${shown}", not as written "${badEmail.email}"`);
      assert((await emailRow.locator('.fact-value a').count()) === 0, 'the invalid email is a mailto: link');
      assert((await page.getByTestId('flag-phone').count()) === 0, 'the empty phone is flagged too');
      await screenshot('person-flagged-email');

      // The invalid phone, on the other record.
      await page.goBack();
      await page.getByText('All 2 shown.').waitFor();
      await page.getByRole('link', { name: `${badPhone.first} ${lastName}` }).click();
      await heading(`${badPhone.first} ${lastName}`).waitFor();
      const phoneBadge = page.getByTestId('flag-phone');
      await phoneBadge.waitFor();
      assert(/phone number/.test(await phoneBadge.innerText()), `badge: ${await phoneBadge.innerText()}`);
      const phoneRow = page.locator('.fact-row').filter({ has: phoneBadge });
      assert((await text(phoneRow.locator('dt'))) === 'Phone', `the badge is beside ${await phoneRow.locator('dt').innerText()}`);
      const phone = await phoneRow.locator('.fact-value').innerText();
      assert(phone === badPhone.phone, `the phone is shown as "${phone}", not as written "${badPhone.phone}"`);
      assert((await phoneRow.locator('.fact-value a').count()) === 0, 'the invalid phone is a tel: link');
      assert((await page.getByTestId('flag-email').count()) === 0, 'the valid email is flagged too');
      await screenshot('person-flagged-phone');

      // Leave the people list unfiltered for the scenarios after this one.
      await page.goto(new URL('/people', page.url()).href);
      await page.getByText('All 2 shown.').waitFor();
      await page.locator('.filter-summary').getByRole('button', { name: 'Clear all' }).click();
      await page.getByRole('button', { name: 'Filter', exact: true }).waitFor();
    },
  );

  await scenario('the API\'s "flags" filter counts the flagged people of this run', async () => {
    const mine = [
      { field: 'city', op: 'eq', value: city },
      { field: 'last_name', op: 'eq', value: lastName },
    ];
    const count = (extra) => apiCount({ and: [...mine, extra] });
    const flagged = await count({ field: 'flags', op: 'is_not_empty' });
    assert(flagged === 2, `the API counts ${flagged} flagged people, not 2`);
    const clean = await count({ field: 'flags', op: 'is_empty' });
    assert(clean === 1, `the API counts ${clean} unflagged people, not 1`);
    const emails = await count({ field: 'flags', op: 'has_tag', value: 'email' });
    const phones = await count({ field: 'flags', op: 'has_tag', value: 'phone' });
    assert(emails === 1 && phones === 1, `flagged emails ${emails}, flagged phones ${phones}; not 1 and 1`);
  });
}
