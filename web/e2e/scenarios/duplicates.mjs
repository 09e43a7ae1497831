// E2E: merge two duplicates. Two people with the same email are created through the API (the
// second create reports the first as a likely duplicate); the pair is reviewed in the queue,
// merged on the side-by-side screen choosing one value from each record, and the merged
// record's address then leads to the survivor.
// Called from run.mjs with its helpers: await duplicatesScenarios({ page, base, scenario, ... }).
export async function duplicatesScenarios({ page, base, scenario, screenshot, assert, heading, nav, stamp }) {
  const email = `dup.${stamp}@example.it`;
  const last = `Doppio ${stamp}`;
  let keptId = '';
  let mergedId = '';

  await scenario('merge two duplicates', async () => {
    const created = await page.evaluate(
      async ({ email, last }) => {
        const me = await (await fetch('/api/v1/me')).json();
        const post = async (fields) => {
          const res = await fetch('/api/v1/people', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
            body: JSON.stringify({ fields }),
          });
          return res.json();
        };
        const first = await post({ first_name: 'Chiara', last_name: last, email, city: 'Bologna' });
        const second = await post({ first_name: 'Chiara Maria', last_name: last, email, phone: '+39 051 123 4567' });
        return { first: first.id, second: second.id, duplicates: second.duplicates ?? [] };
      },
      { email, last },
    );
    keptId = created.first;
    mergedId = created.second;
    assert(
      created.duplicates.some((d) => d.record.id === keptId),
      'the second create did not report the first as a duplicate',
    );

    await nav().getByRole('link', { name: 'Duplicates' }).click();
    await page.waitForURL((u) => u.pathname === '/duplicates');
    await heading('Duplicates').waitFor();
    const row = page.locator('tr', { hasText: `Chiara Maria ${last}` });
    await row.waitFor();
    assert((await row.innerText()).includes('Same email'), 'the reason is not shown');
    await screenshot('duplicates-queue');

    await row.getByRole('link', { name: /Review and merge/ }).click();
    await heading('Merge duplicates').waitFor();
    // Keep the first record, but take the second one's first name; the phone fills the gap.
    await page.getByRole('radio', { name: /^First name: Chiara Maria$/ }).check();
    // Phones read as people write them: +39 is not the English interface's country (GB).
    const phone = page.getByRole('radio', { name: /^Phone: \+39 051 123 4567$/ });
    assert(await phone.isChecked(), "the kept record's empty phone is not filled from the other by default");
    await screenshot('duplicates-merge');
    const candidateId = new URL(page.url()).pathname.split('/')[2];
    // From the merge on: no 404, and no request at all for the pair or the record merged away.
    const failures = [];
    const afterMerge = [];
    let merged = false;
    const onResponse = (r) => {
      const url = new URL(r.url());
      if (!url.pathname.startsWith('/api/')) return;
      if (r.status() === 404) failures.push(`${r.request().method()} ${url.pathname} → 404`);
      if (merged) afterMerge.push(url.pathname);
    };
    page.on('response', onResponse);
    try {
      const mergeResponse = page.waitForResponse((r) => /\/api\/v1\/people\/\d+\/merge$/.test(r.url()));
      await page.getByRole('button', { name: /^Merge into/ }).click();
      assert((await mergeResponse).ok(), 'the merge failed');
      merged = true;
      await page.waitForURL((u) => u.pathname === `/people/${keptId}`);
      await heading(`Chiara Maria ${last}`).waitFor();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
    } finally {
      page.off('response', onResponse);
    }
    assert(failures.length === 0, `requests failed after the merge: ${failures.join(', ')}`);
    const refetched = afterMerge.filter((p) => p === `/api/v1/duplicates/${candidateId}` || p === `/api/v1/people/${mergedId}`);
    assert(refetched.length === 0, `the merged pair was fetched again: ${refetched.join(', ')}`);
    // The survivor's phone, international (with spaces) in English.
    const tel = await page.locator('a[href="tel:+390511234567"]').first().innerText();
    assert(tel === '+39 051 123 4567', `the phone is not in the international format: ${tel}`);
    await screenshot('duplicates-merged-record');

    // The merged record's address answers with the survivor.
    await page.goto(`${base}/people/${mergedId}`);
    await heading(`Chiara Maria ${last}`).waitFor();
    const shown = await page.evaluate(async (id) => (await (await fetch(`/api/v1/people/${id}`)).json()).id, mergedId);
    assert(shown === keptId, `the merged id answers ${shown}, not the survivor ${keptId}`);
  });

  await scenario('scan for duplicates: the count of people has a thousands separator', async () => {
    await nav().getByRole('link', { name: 'Duplicates' }).click();
    await heading('Duplicates').waitFor();
    const scan = page.waitForResponse((r) => r.url().endsWith('/api/v1/duplicates/scan'), { timeout: 60_000 });
    await page.getByRole('button', { name: 'Scan for duplicates' }).click();
    const records = (await (await scan).json()).records;
    const english = new Intl.NumberFormat('en-GB', { useGrouping: 'always' }).format(records);
    assert(records >= 1000 && english.includes(','), `too few people to see a separator: ${records}`);
    const status = page.getByText(/^Scanned [\d,]+ records\./);
    await status.waitFor();
    const text = await status.innerText();
    assert(text.startsWith(`Scanned ${english} records.`), `the count is not written the English way: ${text}`);
    await screenshot('duplicates-scanned');
  });
}
