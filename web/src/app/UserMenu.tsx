import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { User } from '../api/types';
import { updateMeUser, useSession, useSignOut } from '../auth/session';
import { applyLanguage, type Language } from '../i18n';
import { LanguageSelect } from '../i18n/LanguageSelect';
import { ProblemAlert } from '../ui/Alert';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? parts[parts.length - 1][0] : '')).toUpperCase();
}

/** Switch the interface now, remember it here, and save it in the profile. */
export function useChangeLanguage() {
  const me = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (lang: Language) => {
      await applyLanguage(lang, true);
      if (me.user) {
        const user = await api.patch<User>(`/users/${encodeURIComponent(me.user.id)}`, { language: lang });
        updateMeUser(queryClient, user);
        queryClient.invalidateQueries({ queryKey: ['users'] });
      }
    },
  });
}

export function UserMenu() {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const changeLanguage = useChangeLanguage();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const name = me.user?.display_name ?? t('userMenu.apiKey');

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu-button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="avatar" aria-hidden="true">
          {initials(name)}
        </span>
        <span className="user-menu-name">{name}</span>
        <span className="visually-hidden">{t('userMenu.open')}</span>
      </button>
      {open ? (
        <div id={panelId} className="user-menu-panel">
          <div className="user-menu-who">
            <strong>{name}</strong>
            {me.user ? <span className="muted small">{me.user.email}</span> : null}
            <span className="badge">{t(`roles.${me.role}`)}</span>
          </div>
          <LanguageSelect onChange={(lang) => changeLanguage.mutate(lang)} disabled={changeLanguage.isPending} />
          {changeLanguage.isError ? <ProblemAlert error={changeLanguage.error} /> : null}
          {signOut.isError ? <ProblemAlert error={signOut.error} /> : null}
          <button
            type="button"
            className="button button-block"
            disabled={signOut.isPending}
            onClick={() =>
              signOut.mutate(undefined, {
                onSuccess: () => navigate('/sign-in', { replace: true }),
              })
            }
          >
            {t('userMenu.signOut')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
