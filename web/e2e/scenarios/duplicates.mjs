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
    const phone = page.getByRole('radio', { name: /^Phone: \+390511234567$/ });
    assert(await phone.isChecked(), "the kept record's empty phone is not filled from the other by default");
    await screenshot('duplicates-merge');
    await page.getByRole('button', { name: /^Merge into/ }).click();
    await page.waitForURL((u) => u.pathname === `/people/${keptId}`);
    await heading(`Chiara Maria ${last}`).waitFor();
    await screenshot('duplicates-merged-record');

    // The merged record's address answers with the survivor.
    await page.goto(`${base}/people/${mergedId}`);
    await heading(`Chiara Maria ${last}`).waitFor();
    const shown = await page.evaluate(async (id) => (await (await fetch(`/api/v1/people/${id}`)).json()).id, mergedId);
    assert(shown === keptId, `the merged id answers ${shown}, not the survivor ${keptId}`);
  });
}
