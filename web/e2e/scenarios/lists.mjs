// End-to-end scenarios of the people list as people use it (issue 14). Called once from
// e2e/run.mjs (signed in as the demo owner, in English) with its page and helpers.
//
// In English and then in Spanish (the profile language, put back to English at the end): three
// people are created through the API; on the people list the quick search narrows the list to
// them and the count says so; a click on the Name header sorts ascending, another descending
// (aria-sort follows); a filter and quick search in the address survive a reload and are
// summarised above the list; "Save as segment" creates a dynamic segment and opens it; back on
// the list two rows are selected and tagged (the dialog names the count), then deleted after a
// confirmation and brought back with Undo. Leaves the people and segments it creates behind
// (their names carry the run's stamp).
import { sessionApi, setProfileLanguage } from '../session.mjs';

const TEXT = {
  en: {
    title: 'People',
    quickSearch: 'Quick search',
    count: (n) => `${n} ${n === 1 ? 'person' : 'people'}`,
    name: 'Name',
    summary: (city) => `City is ${city}`,
    saveAsSegment: 'Save as segment',
    segmentName: 'Segment name',
    createSegment: 'Create the segment',
    select: (name) => `Select ${name}`,
    addTag: 'Add tag',
    addTagTitle: 'Add a tag to 2 records',
    tag: 'Tag',
    apply: 'Apply',
    changed: '2 records changed.',
    del: 'Delete',
    deleteTitle: 'Delete 2 records?',
    deleted: '2 records deleted.',
    undo: 'Undo',
    restored: '2 records restored.',
    bulk: 'Actions on the selected records',
  },
  es: {
    title: 'Personas',
    quickSearch: 'Búsqueda rápida',
    count: (n) => `${n} ${n === 1 ? 'persona' : 'personas'}`,
    name: 'Nombre',
    summary: (city) => `Ciudad es ${city}`,
    saveAsSegment: 'Guardar como segmento',
    segmentName: 'Nombre del segmento',
    createSegment: 'Crear el segmento',
    select: (name) => `Seleccionar ${name}`,
    addTag: 'Añadir etiqueta',
    addTagTitle: 'Añadir una etiqueta a 2 registros',
    tag: 'Etiqueta',
    apply: 'Aplicar',
    changed: '2 registros modificados.',
    del: 'Eliminar',
    deleteTitle: '¿Eliminar 2 registros?',
    deleted: '2 registros eliminados.',
    undo: 'Deshacer',
    restored: '2 registros restaurados.',
    bulk: 'Acciones sobre los registros seleccionados',
  },
};

/**
 * @param {object} t
 * @param {import('playwright-core').Page} t.page   signed in as the demo owner, in English
 * @param {string} t.base
 * @param {string} t.stamp
 * @param {(name: string, fn: () => Promise<void>) => Promise<void>} t.scenario
 * @param {(name: string, options?: { fullPage?: boolean }) => Promise<string>} t.screenshot
 * @param {(cond: unknown, message: string) => void} t.assert
 */
export async function listScenarios({ page, base, stamp, scenario, screenshot, assert }) {
  const heading = (name) => page.getByRole('heading', { level: 1, name });
  const apiCall = sessionApi(page);
  const setLanguage = async (lang) => {
    const status = await setProfileLanguage(page, lang);
    assert(status === 200, `setting the profile language answered ${status}`);
  };
  const table = () => page.locator('table.record-table');
  const firstRowName = async () =>
    (await table().locator('tbody tr:not(.virtual-spacer) th[scope=row] a').first().innerText()).trim();

  try {
    for (const lang of ['en', 'es']) {
      const x = TEXT[lang];
      const last = `Lst${lang}${stamp}`;
      const city = `Listacity${lang}${stamp}`;
      const people = ['Ana', 'Bruno', 'Carla'].map((first, i) => ({ first, last: `${last}${'abc'[i]}` }));
      await scenario(`[${lang}] sort, quick search, filter in the address, save as segment, tag, delete and undo`, async () => {
        const ids = [];
        for (const p of people) {
          const res = await apiCall('POST', '/people', { fields: { first_name: p.first, last_name: p.last, city } });
          assert(res.status === 201, `creating a person answered ${res.status}`);
          ids.push(res.body.id);
        }
        await setLanguage(lang);
        // A filter saved by an earlier scenario would narrow the list: start from none.
        await page.evaluate(() => localStorage.removeItem('rapport.view.person'));
        await page.goto(`${base}/people`);
        await heading(x.title).waitFor();

        // Quick search: the three people and their count.
        await page.getByRole('searchbox', { name: x.quickSearch }).fill(last.toLowerCase());
        await page.waitForURL((u) => u.searchParams.get('q') === last.toLowerCase());
        await page
          .getByRole('status')
          .filter({ hasText: x.count(3) })
          .waitFor();
        await table()
          .getByRole('link', { name: `Carla ${people[2].last}` })
          .waitFor();

        // Sort by the name column: ascending, then descending.
        const nameHeader = table().getByRole('columnheader', { name: x.name });
        await nameHeader.getByRole('button').click();
        await page.waitForURL((u) => u.searchParams.get('sort') === 'last_name' && !u.searchParams.get('order'));
        // The address changes before the table re-renders: wait for the header to say so.
        await page
          .locator('th[aria-sort="ascending"]')
          .filter({ hasText: x.name })
          .waitFor({ timeout: 5000 })
          .catch(() => undefined);
        assert((await nameHeader.getAttribute('aria-sort')) === 'ascending', 'the name header is not sorted ascending');
        await table()
          .getByRole('link', { name: `Ana ${people[0].last}` })
          .waitFor();
        assert((await firstRowName()) === `Ana ${people[0].last}`, `ascending starts with ${await firstRowName()}`);
        await nameHeader.getByRole('button').click();
        await page.waitForURL((u) => u.searchParams.get('order') === 'desc');
        await page
          .locator('th[aria-sort="descending"]')
          .filter({ hasText: x.name })
          .waitFor({ timeout: 5000 })
          .catch(() => undefined);
        assert((await nameHeader.getAttribute('aria-sort')) === 'descending', 'the name header is not sorted descending');
        await page.waitForFunction(
          (name) => document.querySelector('table.record-table tbody th[scope=row] a')?.textContent?.trim() === name,
          `Carla ${people[2].last}`,
        );
        await screenshot(`list-sorted-${lang}`);

        // A filter in the address survives a reload and is said in words.
        const filter = JSON.stringify({ and: [{ field: 'city', op: 'eq', value: city }] });
        await page.goto(`${base}/people?filter=${encodeURIComponent(filter)}&q=${last.toLowerCase()}&sort=last_name`);
        await page.reload();
        await page.getByText(x.summary(city)).waitFor();
        await page
          .getByRole('status')
          .filter({ hasText: x.count(3) })
          .waitFor();
        assert(
          (await page.getByRole('searchbox', { name: x.quickSearch }).inputValue()) === last.toLowerCase(),
          'the quick search box lost its text on reload',
        );
        await screenshot(`list-filtered-${lang}`);

        // Save as segment, then back to the list.
        const listUrl = page.url();
        await page.getByRole('button', { name: x.saveAsSegment }).click();
        await page.getByLabel(x.segmentName).fill(`Segment ${last}`);
        await page.getByRole('button', { name: x.createSegment }).click();
        await page.waitForURL((u) => /^\/segments\/\d+$/.test(u.pathname));
        await heading(`Segment ${last}`).waitFor();
        await page.goto(listUrl);
        await page
          .getByRole('status')
          .filter({ hasText: x.count(3) })
          .waitFor();

        // Select two rows and tag them.
        await page.getByRole('checkbox', { name: x.select(`Ana ${people[0].last}`) }).click();
        await page.getByRole('checkbox', { name: x.select(`Bruno ${people[1].last}`) }).click();
        const bar = page.getByRole('region', { name: x.bulk });
        await bar.getByRole('button', { name: x.addTag, exact: true }).click();
        const dialog = page.getByRole('dialog', { name: x.addTagTitle });
        await dialog.waitFor();
        await dialog.getByLabel(x.tag).fill(`tag${stamp}`);
        await dialog.getByRole('button', { name: x.apply }).click();
        await page.getByText(x.changed).waitFor();
        for (const id of ids.slice(0, 2)) {
          const p = await apiCall('GET', `/people/${id}`);
          assert(p.body.tags.includes(`tag${stamp}`), `person ${id} was not tagged: ${JSON.stringify(p.body.tags)}`);
        }
        const untouched = await apiCall('GET', `/people/${ids[2]}`);
        assert(untouched.body.tags.length === 0, 'the third person was tagged too');

        // Delete them after a confirmation, then undo.
        await bar.getByRole('button', { name: x.del, exact: true }).click();
        const confirm = page.getByRole('dialog', { name: x.deleteTitle });
        await confirm.waitFor();
        await screenshot(`list-delete-confirm-${lang}`);
        await confirm.getByRole('button', { name: x.del }).click();
        await page.getByText(x.deleted).waitFor();
        await page
          .getByRole('status')
          .filter({ hasText: x.count(1) })
          .waitFor();
        assert((await apiCall('GET', `/people/${ids[0]}`)).status === 404, 'the deleted person is still there');
        await page.getByRole('button', { name: x.undo }).click();
        await page.getByText(x.restored).waitFor();
        await page
          .getByRole('status')
          .filter({ hasText: x.count(3) })
          .waitFor();
        const back = await apiCall('GET', `/people/${ids[0]}`);
        assert(back.status === 200 && back.body.tags.includes(`tag${stamp}`), 'the restored person lost its tag');
        await screenshot(`list-restored-${lang}`);
      });
    }
  } finally {
    await setLanguage('en').catch(() => undefined);
  }
}
