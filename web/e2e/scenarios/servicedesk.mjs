// End-to-end scenario of the service desk's inbox, in English and in Italian. Called once from
// e2e/run.mjs with run.mjs's page (signed in as the demo owner) and helpers.
//
// For each language the owner creates a fresh admin user speaking it, who signs in in a separate
// browser context and opens the Inbox. A WhatsApp message is then posted through the API
// (POST /conversations, as a chat bridge would): it appears in the open Unanswered view without
// a reload (server-sent events). The agent opens it, replies, and the conversation leaves
// Unanswered. Leaves the users, people and conversations behind (named with the run's stamp).
import { sessionApi } from '../session.mjs';

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
export async function servicedeskScenarios({ browser, page, base, stamp, scenario, screenshot, assert }) {
  const ownerApi = sessionApi(page);
  const screenshotOf = async (other, name) => {
    const file = await screenshot(name, { fullPage: false });
    await other.screenshot({ path: file, fullPage: true });
    return file;
  };

  const texts = {
    en: {
      welcome: 'Welcome',
      nav: 'Inbox',
      title: 'Inbox',
      views: 'Views',
      unanswered: 'Unanswered',
      more: 'Show more conversations',
      replyLabel: 'Your reply',
      send: 'Send reply',
      queued: 'Your reply is on its way.',
      body: (s) => `Hello, my order ${s} has not arrived yet. Can you help?`,
      reply: 'It ships today, you will have it tomorrow.',
    },
    it: {
      welcome: 'Benvenuto',
      nav: 'Posta in arrivo',
      title: 'Posta in arrivo',
      views: 'Viste',
      unanswered: 'Senza risposta',
      more: 'Mostra altre conversazioni',
      replyLabel: 'La tua risposta',
      send: 'Invia risposta',
      queued: 'La tua risposta è in partenza.',
      body: (s) => `Buongiorno, il mio ordine ${s} non è ancora arrivato. Mi aiutate?`,
      reply: 'Parte oggi, lo riceverà domani.',
    },
  };

  /** Waits for the inbox row of `name`, loading further pages while there are some. */
  async function findRow(other, x, name) {
    const row = other.locator('.sd-row', { hasText: name });
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if ((await row.count()) > 0) return row.first();
      const more = other.getByRole('button', { name: x.more });
      if ((await more.count()) > 0 && (await more.isEnabled())) await more.click();
      await other.waitForTimeout(250);
    }
    throw new Error(`no inbox row for ${name}`);
  }

  for (const lang of ['en', 'it']) {
    const x = texts[lang];
    const email = `e2e-inbox-${lang}-${stamp}@rapport.test`;
    const userPassword = 'e2e-inbox-password-1';
    const senderName = `Inbox${lang.toUpperCase()} Sender${stamp}`;
    const senderEmail = `inbox-${lang}-${stamp}@example.it`;

    await scenario(`service desk (${lang}): a WhatsApp message shows in Unanswered live, is answered and leaves it`, async () => {
      const user = await ownerApi('POST', '/users', {
        email,
        display_name: `E2E Agent ${lang} ${stamp}`,
        role: 'admin',
        password: userPassword,
        language: lang,
      });
      assert(user.status === 201, `creating the user answered ${user.status}: ${JSON.stringify(user.body)}`);

      const context = await browser.newContext({
        viewport: { width: 1280, height: 860 },
        locale: lang === 'it' ? 'it-IT' : 'en-GB',
        reducedMotion: 'reduce',
      });
      const other = await context.newPage();
      other.setDefaultTimeout(15_000);
      const errors = [];
      other.on('pageerror', (e) => errors.push(String(e)));
      try {
        await other.goto(`${base}/sign-in`);
        await other.locator('input[type="email"]').fill(email);
        await other.locator('input[type="password"]').fill(userPassword);
        await other.locator('form button[type="submit"]').click();
        await other.waitForURL((u) => u.pathname === '/');
        await other.locator('h1').filter({ hasText: x.welcome }).waitFor();

        // The inbox, open on Unanswered (the first view) before the message arrives.
        // The event stream answers at once (an "event: ready"), so its response means it is open.
        const stream = other.waitForResponse((r) => r.url().includes('/api/v1/conversations/events'));
        await other.locator('#main-nav').getByRole('link', { name: x.nav }).click();
        await other.waitForURL((u) => u.pathname === '/inbox');
        await other.getByRole('heading', { level: 1, name: x.title }).waitFor();
        const views = other.getByRole('navigation', { name: x.views });
        const unansweredView = views.getByRole('button', { name: new RegExp(`^${x.unanswered}`) });
        assert((await unansweredView.getAttribute('aria-current')) === 'page', 'the inbox does not open on Unanswered');
        await other.locator('.sd-list .loading').waitFor({ state: 'detached' });
        const streamResponse = await stream;
        assert(streamResponse.ok(), `the event stream answered ${streamResponse.status()}`);

        const posted = await ownerApi('POST', '/conversations', {
          channel: 'whatsapp',
          sender: { name: senderName, email: senderEmail },
          body: x.body(stamp),
        });
        assert(posted.status === 201, `posting the message answered ${posted.status}: ${JSON.stringify(posted.body)}`);
        const conversationId = String(posted.body.id ?? posted.body.conversation_id);

        // It appears without a reload.
        const row = await findRow(other, x, senderName);
        assert((await row.innerText()).includes(x.body(stamp).slice(0, 40)), 'the row lacks the preview');
        await screenshotOf(other, `inbox-unanswered-${lang}`);

        // Open it: the thread has the message; answer it.
        await row.getByRole('link').click();
        await other.waitForURL((u) => u.pathname === `/inbox/${conversationId}`);
        await other.locator('.sd-message-inbound', { hasText: x.body(stamp) }).waitFor();
        await other.getByLabel(x.replyLabel).fill(x.reply);
        const sent = other.waitForResponse(
          (r) => r.url().endsWith(`/conversations/${conversationId}/replies`) && r.request().method() === 'POST',
        );
        await other.getByRole('button', { name: x.send }).click();
        const res = await sent;
        assert(res.status() === 201, `sending the reply answered ${res.status()}: ${await res.text()}`);
        await other.getByRole('status').filter({ hasText: x.queued }).waitFor();
        await other.locator('.sd-message-reply', { hasText: x.reply }).waitFor();
        await screenshotOf(other, `conversation-replied-${lang}`);

        // Answered: no longer waiting, and gone from Unanswered.
        const after = await ownerApi('GET', `/conversations/${conversationId}`);
        assert(after.body.awaiting_since === null, `the conversation still awaits an answer: ${after.body.awaiting_since}`);
        const listed = other.waitForResponse((r) => /\/api\/v1\/conversations\?view=unanswered/.test(r.url()));
        await other.goto(`${base}/inbox?view=unanswered`);
        assert((await listed).ok(), 'reading Unanswered failed');
        await other.locator('.sd-list .loading').waitFor({ state: 'detached' });
        assert(
          (await other.locator('.sd-row', { hasText: senderName }).count()) === 0,
          'the answered conversation is still in Unanswered',
        );
        await screenshotOf(other, `inbox-after-reply-${lang}`);
        assert(errors.length === 0, `errors in the page: ${errors.join(' | ')}`);
      } catch (e) {
        await screenshotOf(other, `FAILED-inbox-${lang}`);
        throw e;
      } finally {
        await context.close();
      }
    });
  }
}
