// End-to-end scenarios of the desk and the task list, in English and in Italian. Called once
// from e2e/run.mjs with run.mjs's page (signed in as the demo owner) and helpers.
//
// For each language the owner creates, through the API, a fresh member user, a person they own
// and a task on that person due now and assigned to them (a fresh user, so the demo data's own
// tasks cannot push it off the first page). That user signs in in a separate browser context,
// sees the task on the desk and on the Tasks page, gets the in-app reminder (banner and badge),
// dismisses it (it stays dismissed after a reload), marks the task done, and edits a timeline
// entry inline. Leaves the users, people and entries behind (named with the run's stamp).
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
export async function deskTasksScenarios({ browser, page, base, stamp, scenario, screenshot, assert }) {
  const ownerApi = sessionApi(page);
  const screenshotOf = async (other, name) => {
    const file = await screenshot(name, { fullPage: false });
    await other.screenshot({ path: file, fullPage: true });
    return file;
  };

  const texts = {
    en: {
      welcome: 'Welcome',
      myTasks: 'My tasks',
      tasksNav: 'Tasks',
      tasksTitle: 'Tasks',
      teamTab: 'Team tasks',
      due: (s) => `Task “${s}” is due`,
      dismiss: 'Dismiss',
      done: (s) => `Done: ${s}`,
      emptyMine: 'No tasks here.',
      edit: 'Edit',
      subjectLabel: 'What to do',
      save: 'Save changes',
      signIn: 'Sign in',
      email: 'Email',
      password: 'Password',
    },
    it: {
      welcome: 'Benvenuto',
      myTasks: 'Le mie attività',
      tasksNav: 'Attività',
      tasksTitle: 'Attività',
      teamTab: 'Attività del team',
      due: (s) => `L'attività “${s}” è scaduta`,
      dismiss: 'Chiudi',
      done: (s) => `Fatta: ${s}`,
      emptyMine: 'Nessuna attività qui.',
      edit: 'Modifica',
      subjectLabel: 'Cosa fare',
      save: 'Salva le modifiche',
    },
  };

  for (const lang of ['en', 'it']) {
    const x = texts[lang];
    const email = `e2e-desk-${lang}-${stamp}@rapport.test`;
    const userPassword = 'e2e-desk-password-1';
    const subject = `E2E call back ${lang} ${stamp}`;
    const personName = `Desk${lang.toUpperCase()} E2E${stamp}`;

    await scenario(`desk and tasks (${lang}): a task due now is on the desk, reminded, done; an entry is edited`, async () => {
      const user = await ownerApi('POST', '/users', {
        email,
        display_name: `E2E Desk ${lang} ${stamp}`,
        role: 'member',
        password: userPassword,
        language: lang,
      });
      assert(user.status === 201, `creating the user answered ${user.status}: ${JSON.stringify(user.body)}`);
      const person = await ownerApi('POST', '/people', {
        fields: { first_name: `Desk${lang.toUpperCase()}`, last_name: `E2E${stamp}` },
        owner_user_id: user.body.id,
      });
      assert(person.status === 201, `creating the person answered ${person.status}`);
      const task = await ownerApi('POST', '/interactions', {
        kind: 'task',
        person_id: person.body.id,
        subject,
        due_at: Date.now() - 1000,
        assignee_user_id: user.body.id,
      });
      assert(task.status === 201, `creating the task answered ${task.status}`);

      const context = await browser.newContext({
        viewport: { width: 1280, height: 860 },
        locale: lang === 'it' ? 'it-IT' : 'en-GB',
        reducedMotion: 'reduce',
      });
      const other = await context.newPage();
      other.setDefaultTimeout(15_000);
      try {
        await other.goto(`${base}/sign-in`);
        // The sign-in page follows the browser's language until the profile's is known.
        await other.locator('input[type="email"]').fill(email);
        await other.locator('input[type="password"]').fill(userPassword);
        await other.locator('form button[type="submit"]').click();
        await other.waitForURL((u) => u.pathname === '/');
        await other.locator('h1').filter({ hasText: x.welcome }).waitFor();

        // The desk: the task in "My tasks", linked to its customer.
        const tasksCard = other.locator('.desk-card').filter({ has: other.getByRole('heading', { name: x.myTasks }) });
        await tasksCard.getByText(subject).waitFor();
        await tasksCard.getByRole('link', { name: personName }).waitFor();
        // The reminder: a banner and a badge on the Tasks entry.
        const banner = other.locator('.task-reminders');
        await banner.getByText(x.due(subject)).waitFor();
        const badge = other.locator('#main-nav a[href="/tasks"] .nav-badge');
        await badge.waitFor();
        assert((await badge.innerText()).trim() === '1', `the badge says ${await badge.innerText()}`);
        await screenshotOf(other, `desk-${lang}`);
        // Dismissed, it stays dismissed after a reload.
        await banner
          .getByRole('button', { name: new RegExp(`^${x.dismiss}`) })
          .first()
          .click();
        await banner.waitFor({ state: 'detached' });
        await other.reload();
        await tasksCard.getByText(subject).waitFor();
        assert((await other.locator('.task-reminders').count()) === 0, 'a dismissed reminder came back after a reload');

        // The Tasks page: overdue, then done.
        await other.locator('#main-nav').getByRole('link', { name: x.tasksNav }).click();
        await other.getByRole('heading', { level: 1, name: x.tasksTitle }).waitFor();
        await other.getByRole('tab', { name: x.teamTab }).waitFor();
        const row = other.locator('tr', { hasText: subject });
        await row.waitFor();
        assert(await row.evaluate((el) => el.classList.contains('is-overdue')), 'the due task is not highlighted');
        await screenshotOf(other, `tasks-${lang}`);
        const doneCall = other.waitForResponse((r) => r.url().endsWith(`/tasks/${task.body.id}/done`));
        // Clicked, not check()ed: the ticked row then leaves the list of open tasks.
        await row.getByRole('checkbox', { name: x.done(subject) }).click();
        assert((await doneCall).ok(), 'marking the task done failed');
        await other.getByText(x.emptyMine).waitFor();
        await badge.waitFor({ state: 'detached' });

        // The timeline: edit the task's subject inline.
        await other.goto(`${base}/people/${person.body.id}`);
        const item = other.locator('.timeline-item', { hasText: subject });
        await item.getByRole('button', { name: new RegExp(`^${x.edit}`) }).click();
        const edited = `${subject} (edited)`;
        await item.getByLabel(x.subjectLabel).fill(edited);
        const patch = other.waitForResponse(
          (r) => r.url().endsWith(`/interactions/${task.body.id}`) && r.request().method() === 'PATCH',
        );
        await item.getByRole('button', { name: x.save }).click();
        assert((await patch).ok(), 'saving the edit failed');
        await other.locator('.timeline-item', { hasText: edited }).waitFor();
        await screenshotOf(other, `timeline-edit-${lang}`);
      } catch (e) {
        await screenshotOf(other, `FAILED-desk-${lang}`);
        throw e;
      } finally {
        await context.close();
      }
      // The edit is in the audit log, with the old and new subject.
      const audit = await ownerApi('GET', '/audit?action=interaction.updated&limit=20');
      const entry = audit.body.items.find((e) => e.target_id === task.body.id && e.detail?.changes?.subject);
      assert(entry && entry.detail.changes.subject.old === subject, 'the edit is not in the audit log');
    });
  }
}
