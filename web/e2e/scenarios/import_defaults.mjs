// End-to-end scenario of the import wizard's values for every row: a Spanish people file with
// no country column and national phone numbers ("612 34 56 78") is rejected row by row until a
// default country is chosen; with Spain as the default and a tag as a constant value, every row
// is imported, the phones stored in E.164 (+34...) and every person tagged. Called once from
// e2e/run.mjs with run.mjs's page and helpers (signed in as the demo owner).
//
// Leaves behind: three imported people (last name "Default<stamp>", tag "feria-<stamp>").

/**
 * @param {object} t
 * @param {import('playwright-core').Page} t.page
 * @param {string} t.stamp         this run's unique stamp
 * @param {(name: string, fn: () => Promise<void>) => Promise<void>} t.scenario
 * @param {(name: string, options?: { fullPage?: boolean }) => Promise<string>} t.screenshot
 * @param {(cond: unknown, message: string) => void} t.assert
 */
export async function importDefaultsScenarios({ page, stamp, scenario, screenshot, assert }) {
  const waitForPath = (p) => page.waitForURL((u) => u.pathname === p);
  const nav = () => page.locator('#main-nav');
  const lastName = `Default${stamp}`;
  const tag = `feria-${stamp}`;
  // Spanish mobile numbers (6 and eight digits) made from the clock, so runs share none.
  const digits = String(Date.now() % 1e8).padStart(8, '0');
  const phones = [0, 1, 2].map((i) => {
    const n = String((Number(digits) + i) % 1e8).padStart(8, '0');
    return `6${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4, 6)} ${n.slice(6)}`;
  });
  const people = ['Lucía', 'Javier', 'Carmen'].map((first, i) => ({
    first,
    email: `${first
      .normalize('NFD')
      .replace(/[^a-z]/gi, '')
      .toLowerCase()}.${stamp}@example.es`,
    phone: phones[i],
  }));

  await scenario('import Spanish people without a country: a default country and a tag for every row', async () => {
    await nav().getByRole('link', { name: 'Import' }).click();
    await waitForPath('/import');
    const csv =
      'First name,Last name,Email,Phone\n' + people.map((p) => `${p.first},${lastName},${p.email},${p.phone}\n`).join('');
    await page.getByLabel('The file holds').selectOption('person');
    await page.getByLabel(/^CSV file/).setInputFiles({
      name: `e2e-defaults-${stamp}.csv`,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByRole('button', { name: 'Upload and read' }).click();
    await page.getByRole('heading', { name: 'Check what was read and map the columns' }).waitFor();
    const phoneTarget = await page.getByLabel('Column "Phone"', { exact: true }).inputValue();
    assert(phoneTarget === 'phone', `Column "Phone" is mapped to "${phoneTarget}"`);

    // Without a country the national numbers cannot be read: every row would be rejected.
    await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
    await page.getByRole('heading', { name: 'Dry run: what the import would do' }).waitFor();
    assert((await page.getByTestId('would-reject').innerText()) === '3', 'the national phones are not rejected');
    await page.getByRole('button', { name: 'Change the mapping' }).click();

    const country = page.getByLabel(/^Default country/);
    assert((await country.inputValue()) === '', 'a default country is chosen before the user chose one');
    await country.selectOption('ES');
    await page.getByRole('button', { name: 'Add a value for every row' }).click();
    await page.getByLabel('Field', { exact: true }).selectOption('tags');
    await page.getByLabel(/^Value for every row/).fill(tag);
    await screenshot('import-defaults-mapping');
    await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
    await page.getByRole('heading', { name: 'Dry run: what the import would do' }).waitFor();
    assert((await page.getByTestId('would-create').innerText()) === '3', 'the dry run does not create 3');
    assert((await page.getByTestId('would-reject').innerText()) === '0', 'the dry run still rejects rows');
    await page.getByRole('button', { name: 'Start the import' }).click();
    await page.waitForURL((u) => /^\/import\/\d+$/.test(u.pathname));
    await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 30_000 });
    assert((await page.getByTestId('imported').innerText()) === '3', 'not 3 imported');
    assert((await page.getByTestId('rejected').innerText()) === '0', 'not 0 rejected');
    await screenshot('import-defaults-done');

    // Stored: the country, the phone in E.164 and the constant tag on every row.
    const filter = { field: 'tags', op: 'has_tag', value: tag };
    const items = await page.evaluate(async (filter) => {
      const res = await fetch(`/api/v1/people?filter=${encodeURIComponent(JSON.stringify(filter))}`);
      if (!res.ok) throw new Error(`GET /api/v1/people answered ${res.status}`);
      return (await res.json()).items;
    }, filter);
    assert(items.length === 3, `${items.length} people carry the tag ${tag}, not 3`);
    for (const p of people) {
      const item = items.find((x) => x.fields.email === p.email);
      assert(item, `${p.email} was not imported with the tag`);
      const e164 = `+34${p.phone.replace(/ /g, '')}`;
      assert(item.fields.phone === e164, `${p.email}: phone ${item.fields.phone}, not ${e164}`);
      assert(item.fields.country === 'ES', `${p.email}: country ${item.fields.country}, not ES`);
    }
  });
}
