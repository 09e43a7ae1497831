// End-to-end scenarios of the Customer Relationships block (/canvas/relationships), in English
// and in Italian. Called once from e2e/run.mjs with run.mjs's page (signed in as the demo owner).
//
// For each language the owner opens the block from the CRM Model Canvas: one card per segment
// shows each relationship type with the status the API gives, a missing figure reads as its
// reason (never 0), the workspace's gaps are listed in the API's order as sentences in the
// language, and the first gap opens the list of its records with the gap's filter. Then the
// block is compared with the period before, and (for a segment whose plan has two versions)
// two plan versions side by side.
import { sessionApi, setProfileLanguage } from '../session.mjs';

/**
 * @param {object} t
 * @param {import('playwright-core').Page} t.page        signed in as the demo owner
 * @param {string} t.base                                the server's base URL
 * @param {(name: string, fn: () => Promise<void>) => Promise<void>} t.scenario
 * @param {(name: string, options?: { fullPage?: boolean }) => Promise<string>} t.screenshot
 * @param {(cond: unknown, message: string) => void} t.assert
 */
export async function canvasRelationshipsScenarios({ page, base, scenario, screenshot, assert }) {
  const texts = {
    en: {
      locale: 'en-GB',
      open: 'Customer Relationships block',
      title: 'Customer relationships',
      gaps: 'Gaps in the workspace',
      compare: 'Compare with',
      periods: 'another period',
      versions: 'another plan version',
      segment: 'Segment',
      caption: 'Differences from A to B',
      none: 'No differences between the two.',
      status: {
        expected_established: 'Expected and established',
        expected_not_established: 'Expected, not established',
        established_not_planned: 'Established, not planned',
        not_used: 'Not used',
      },
      reasons: {
        no_customers: 'no customers',
        no_data: 'no data yet',
        not_yet_measured: 'not yet measured',
        no_snapshot: 'no snapshot before the period',
        not_visible: 'beyond what you may read',
      },
    },
    it: {
      locale: 'it-IT',
      open: 'Blocco Relazioni con i clienti',
      title: 'Relazioni con i clienti',
      gaps: 'Scostamenti nello spazio di lavoro',
      compare: 'Confronta con',
      periods: 'un altro periodo',
      versions: "un'altra versione del piano",
      segment: 'Segmento',
      caption: 'Differenze da A a B',
      none: 'Nessuna differenza tra i due.',
      status: {
        expected_established: 'Previsto e consolidato',
        expected_not_established: 'Previsto, non consolidato',
        established_not_planned: 'Consolidato, non previsto',
        not_used: 'Non usato',
      },
      reasons: {
        no_customers: 'nessun cliente',
        no_data: 'ancora nessun dato',
        not_yet_measured: 'non ancora misurato',
        no_snapshot: 'nessuna istantanea prima del periodo',
        not_visible: 'oltre ciò che puoi leggere',
      },
    },
  };
  const api = sessionApi(page);
  const isBlock = (r) => r.request().method() === 'GET' && new URL(r.url()).pathname === '/api/v1/canvas/relationships';

  for (const lang of ['en', 'it']) {
    const x = texts[lang];
    await scenario(
      `canvas relationships (${lang}): a card per segment, statuses, ranked gaps opening their records, comparison`,
      async () => {
        const status = await setProfileLanguage(page, lang);
        assert(status === 200, `setting the language answered ${status}`);
        try {
          await page.goto(`${base}/canvas`);
          const answered = page.waitForResponse(isBlock);
          await page.getByRole('link', { name: x.open, exact: true }).click();
          await page.waitForURL(/\/canvas\/relationships$/);
          await page.getByRole('heading', { level: 1, name: x.title }).waitFor();
          const response = await answered;
          assert(response.status() === 200, `GET /canvas/relationships answered ${response.status()}`);
          const block = await response.json();
          assert(block.segments.length > 0, 'the demo workspace has segments');

          // One card per segment, each type with the API's status, in words.
          const cards = page.getByTestId('rel-cards').locator('article.rel-card');
          await cards.first().waitFor();
          assert(
            (await cards.count()) === block.segments.length,
            `${await cards.count()} cards for ${block.segments.length} segments`,
          );
          for (const s of block.segments) {
            const card = page.locator(`article[data-segment="${s.segment.id}"]`);
            await card.getByRole('heading', { level: 2, name: s.segment.name, exact: true }).waitFor();
            const rows = card.locator('tbody tr');
            assert((await rows.count()) === 6, `${s.segment.name} shows ${await rows.count()} relationship types`);
            for (const type of s.types) {
              const row = card.locator(`tr[data-type="${type.type}"]`);
              assert((await row.getAttribute('data-status')) === type.status, `${s.segment.name} ${type.type} status`);
              await row.getByText(x.status[type.status], { exact: true }).waitFor();
              // A cost the API could not measure shows its reason, not a zero.
              const cost = type.cost.total_cents;
              if (cost.value === null && x.reasons[cost.reason]) {
                const shown = (await row.locator('td[data-cost]').innerText()).trim();
                assert(
                  shown === x.reasons[cost.reason],
                  `${s.segment.name} ${type.type} cost shows "${shown}" for ${cost.reason}`,
                );
              }
            }
          }

          // The gaps, ranked as the API ranks them, one sentence each in the language.
          await page.getByRole('heading', { level: 2, name: x.gaps }).waitFor();
          assert(block.gaps.length > 0, 'the demo data shows gaps');
          const gapItems = page.locator('.rel-gap-section .rel-gap');
          assert((await gapItems.count()) === block.gaps.length, `${await gapItems.count()} gaps listed of ${block.gaps.length}`);
          const number = new Intl.NumberFormat(x.locale, { useGrouping: 'always' });
          for (let i = 0; i < Math.min(block.gaps.length, 5); i++) {
            const gap = block.gaps[i];
            const text = await gapItems.nth(i).innerText();
            assert(text.includes(gap.segment.name), `gap ${i} names its segment: ${text}`);
            assert(text.includes(number.format(gap.customers)), `gap ${i} counts ${gap.customers} customers: ${text}`);
            assert(!text.includes('{{') && !text.includes('canvas.'), `gap ${i} is a translated sentence: ${text}`);
            assert((await gapItems.nth(i).getAttribute('data-gap')) === gap.kind, `gap ${i} is a ${gap.kind}`);
          }
          await screenshot(`canvas-relationships-${lang}`, { fullPage: true });

          // The first gap with a link opens its records, filtered as the API says.
          const linked = block.gaps.findIndex((g) => g.link?.route);
          if (linked >= 0) {
            const gap = block.gaps[linked];
            await gapItems.nth(linked).getByRole('link').click();
            await page.waitForURL((u) => u.pathname === gap.link.route);
            const url = new URL(page.url());
            if (gap.link.filter) {
              const filter = JSON.parse(url.searchParams.get('filter') ?? 'null');
              assert(JSON.stringify(filter) === JSON.stringify(gap.link.filter), `the gap's filter is ${url.search}`);
            }
            await page.goBack();
            await page.getByRole('heading', { level: 1, name: x.title }).waitFor();
          }

          // Against the period before: the comparison lists the changes (or says there are none).
          await page.getByLabel(x.compare, { exact: true }).selectOption('periods');
          const comparison = page.getByTestId('rel-comparison');
          await comparison.waitFor();
          await comparison
            .getByText(new RegExp(`${x.caption}|${x.none}`))
            .first()
            .waitFor();

          // Two plan versions of one segment, when the demo keeps more than one.
          let withVersions = null;
          for (const s of block.segments) {
            const versions = await api('GET', `/relationship-plans/${s.segment.id}/versions`);
            if (versions.status === 200 && versions.body.items.length >= 2) {
              withVersions = s;
              break;
            }
          }
          if (withVersions) {
            await page.getByLabel(x.segment, { exact: true }).selectOption(withVersions.segment.id);
            const twoVersions = page.waitForResponse((r) => isBlock(r) && new URL(r.url()).searchParams.has('plan_version'));
            await page.getByLabel(x.compare, { exact: true }).selectOption('versions');
            assert((await twoVersions).status() === 200, 'a plan version of the block answered');
            await comparison.waitFor();
            await comparison
              .getByText(new RegExp(`${x.caption}|${x.none}`))
              .first()
              .waitFor();
            assert((await comparison.innerText()).includes('B:'), 'the two versions are named');
          }
        } finally {
          await setProfileLanguage(page, 'en');
        }
      },
    );
  }
}
