// What the e2e scenarios (and the screenshots) do through the signed-in page's own session:
// JSON requests to the API, with the CSRF token the server gave that session, and the
// profile language (which the web app prefers to the browser's).

/**
 * A request through the page's session: `{ status, body }` (body null when there is none).
 * @param {import('playwright-core').Page} page
 * @returns {(method: string, path: string, body?: unknown) => Promise<{ status: number, body: any }>}
 */
export function sessionApi(page) {
  return (method, path, body) =>
    page.evaluate(
      async ({ method, path, body }) => {
        const me = await (await fetch('/api/v1/me')).json();
        const res = await fetch(`/api/v1${path}`, {
          method,
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token ?? '' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: res.status, body: res.status === 204 ? null : await res.json().catch(() => null) };
      },
      { method, path, body },
    );
}

/**
 * Sets the signed-in user's profile language (and the browser's remembered one); the next
 * page load shows it. Returns the HTTP status of the change.
 * @param {import('playwright-core').Page} page
 * @param {string} language
 */
export async function setProfileLanguage(page, language) {
  const api = sessionApi(page);
  const me = await api('GET', '/me');
  const res = await api('PATCH', `/users/${me.body.user.id}`, { language });
  await page.evaluate((l) => localStorage.setItem('rapport.language', l), language);
  return res.status;
}
