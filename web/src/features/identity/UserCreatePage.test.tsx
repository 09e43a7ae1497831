import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderPage, demoMe } from '../../test/render';
import { UserCreatePage } from './UserCreatePage';

afterEach(() => vi.unstubAllGlobals());

describe('UserCreatePage', () => {
  it("shows the server's messages beside the fields and keeps what was typed", async () => {
    const fetchMock = vi.fn(
      async () =>
        new Response(
          JSON.stringify({
            type: '/problems/validation',
            title: 'The request is not valid',
            status: 422,
            detail: 'the user cannot be created',
            errors: [{ pointer: '/email', detail: 'not a valid email address' }],
          }),
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
        ),
    );
    vi.stubGlobal('fetch', fetchMock);
    await renderPage(<UserCreatePage />, { path: '/settings/users/new' });

    const email = screen.getByLabelText(/Email/) as HTMLInputElement;
    const name = screen.getByLabelText(/^Name/) as HTMLInputElement;
    fireEvent.change(email, { target: { value: 'not-an-email' } });
    fireEvent.change(name, { target: { value: 'Ada Lovelace' } });
    fireEvent.change(screen.getByLabelText(/^Password/), { target: { value: 'long-enough-secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add user' }));

    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    const described = (email.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('Not a valid email address.');
    expect(screen.getByRole('alert').textContent).toContain('The user cannot be created.');
    // Nothing typed is lost.
    expect(email.value).toBe('not-an-email');
    expect(name.value).toBe('Ada Lovelace');

    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/users');
    expect((init.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined(); // no token set in this test
    expect(JSON.parse(String(init.body))).toEqual({
      email: 'not-an-email',
      display_name: 'Ada Lovelace',
      role: 'member',
      password: 'long-enough-secret',
    });
  });

  it('offers the owner role only to owners', async () => {
    await renderPage(<UserCreatePage />, { path: '/settings/users/new', me: { ...demoMe, role: 'admin' } });
    const options = [...(screen.getByLabelText(/^Role/) as HTMLSelectElement).options].map((o) => o.value);
    expect(options).toEqual(['admin', 'manager', 'member', 'viewer']);
  });

  it('disables saving for roles that cannot add users', async () => {
    await renderPage(<UserCreatePage />, { path: '/settings/users/new', me: { ...demoMe, role: 'member' } });
    expect((screen.getByRole('button', { name: 'Add user' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Only administrators and owners can add users.')).toBeTruthy();
  });
});
