// End-to-end scenarios of satisfaction, in English and in Spanish. Called once from e2e/run.mjs
// with run.mjs's page (signed in as the demo owner) and helpers.
//
// For each language the owner posts a customer message through the API, resolves its
// conversation with a topic, and reads the CSAT request's signed link (the link the survey mail
// carries). A browser without a session, in that language, opens the public page, writes a
// comment and clicks 5; the thank-you page shows, and opening the link again says it was
// answered. The owner's Reports page (in that language) then lists the comment as feedback.
import { sessionApi, setProfileLanguage } from '../session.mjs';

/**
 * @param {object} t
 * @param {import('playwright-core').Browser} t.browser
 * @param {import('playwright-core').Page} t.page        signed in as the demo owner
 * @param {string} t.base                                the server's base URL
 * @param {string} t.stamp                               this run's unique suffix
 * @param {(name: string, fn: () => Promise<void>) => Promise<void>} t.scenario
 * @param {(name: string, options?: { fullPage?: boolean }) => Promise<string>} t.screenshot  of `page`; returns the file
 * @param {(cond: unknown, message: string) => void} t.assert
 */
export async function satisfactionScenarios({ browser, page, base, stamp, scenario, screenshot, assert }) {
  const ownerApi = sessionApi(page);
  const texts = {
    en: {
      locale: 'en-GB',
      title: 'How did we do?',
      comment: 'Anything you would like to add? (optional)',
      thanks: 'Thank you for your answer.',
      reports: 'Reports',
      feedback: 'Feedback',
      sendNps: 'Send an NPS survey',
      sent: /^Sent to [\d,]+ (person|people)\.$/,
    },
    es: {
      locale: 'es-ES',
      title: '¿Qué tal lo hicimos?',
      comment: '¿Quieres añadir algo? (opcional)',
      thanks: 'Gracias por tu respuesta.',
      reports: 'Informes',
      feedback: 'Comentarios',
      sendNps: 'Enviar una encuesta NPS',
      sent: /^Enviada a [\d.]+ personas?\.$/,
    },
  };

  for (const lang of ['en', 'es']) {
    const x = texts[lang];
    const subject = `E2E CSAT ${lang} ${stamp}`;
    const remark = `Fast and friendly ${lang} ${stamp}`;

    await scenario(`satisfaction (${lang}): a resolved conversation's CSAT page is answered once`, async () => {
      const posted = await ownerApi('POST', '/conversations', {
        channel: 'chat',
        subject,
        body: `Hello, ${subject}`,
        sender: { name: `Csat ${lang}`, email: `e2e-csat-${lang}-${stamp}@example.com` },
      });
      assert(posted.status === 201, `posting the message answered ${posted.status}: ${JSON.stringify(posted.body)}`);
      const id = posted.body.conversation_id;
      const got = await ownerApi('GET', `/conversations/${id}`);
      const resolved = await ownerApi('PATCH', `/conversations/${id}`, {
        status: 'resolved',
        topic: 'service',
        version: got.body.version,
      });
      assert(resolved.status === 200, `resolving answered ${resolved.status}: ${JSON.stringify(resolved.body)}`);
      let link = '';
      for (let attempt = 0; attempt < 100 && !link; attempt++) {
        const requests = await ownerApi('GET', `/satisfaction/csat-requests?conversation_id=${id}`);
        link = requests.body?.items?.[0]?.link ?? '';
        if (!link) await page.waitForTimeout(100);
      }
      assert(link, 'no CSAT request was made for the resolved conversation');

      const context = await browser.newContext({ locale: x.locale, reducedMotion: 'reduce' });
      const customer = await context.newPage();
      customer.setDefaultTimeout(15_000);
      try {
        await customer.goto(`${base}${link}`);
        await customer.getByRole('heading', { name: x.title }).waitFor();
        await customer.getByText(subject).waitFor();
        const shot = await screenshot(`csat-page-${lang}`, { fullPage: false });
        await customer.screenshot({ path: shot, fullPage: true });
        await customer.getByLabel(x.comment).fill(remark);
        await customer.getByRole('button', { name: '5', exact: true }).click();
        await customer.getByText(x.thanks).waitFor();
        // Answered once: the link now only thanks.
        await customer.goto(`${base}${link}`);
        await customer.getByText(x.thanks).waitFor();
        assert(
          (await customer.getByRole('button', { name: '5', exact: true }).count()) === 0,
          'the answered page still offers ratings',
        );
      } finally {
        await context.close();
      }

      const status = await setProfileLanguage(page, lang);
      assert(status === 200, `setting the language answered ${status}`);
      try {
        await page.goto(`${base}/reports`);
        await page.getByRole('heading', { level: 1, name: x.reports }).waitFor();
        const feedback = page.locator('section.report-section', {
          has: page.getByRole('heading', { level: 2, name: x.feedback }),
        });
        await feedback.getByText(remark).waitFor();
        // An NPS survey to the first segment of people: the answer says to how many it went.
        await page.getByRole('button', { name: x.sendNps }).click();
        await page.getByRole('status').filter({ hasText: x.sent }).waitFor();
        await screenshot(`reports-${lang}`);
      } finally {
        await setProfileLanguage(page, 'en');
      }
    });
  }
}
