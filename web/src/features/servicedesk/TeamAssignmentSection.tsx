// "Inbox assignment" on a team's page (Settings → Teams → a team; managers and above): how the
// service desk gives the team's new conversations an agent (by hand, round robin, by load), and
// the last automatic assignment. Its own form beside the team's, saved on its own. Shown for
// service teams, and for any other team whose mode is not manual (see showsAssignment).
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { Alert, Loading, ProblemAlert } from '../../ui/Alert';
import { FieldError } from '../../ui/fields';
import { fieldError } from '../../ui/errors';
import { useAllUsers } from '../identity/api';
import { ASSIGNMENT_MODES, nobodyToAssign, showsAssignment, type AssignmentMode, type TeamAssignment } from './assignment';
import { useSaveTeamAssignment, useTeamAssignment } from './settingsApi';
import './settings.css';

export function TeamAssignmentSection({ team }: { team: Team }) {
  const { t } = useTranslation();
  const assignment = useTeamAssignment(team.id);
  if (!showsAssignment(team.kind, assignment.data?.mode)) return null;
  return (
    <section className="card sd-assignment" aria-labelledby="sd-assignment-title">
      <h2 id="sd-assignment-title">{t('servicedesk.assignment.title')}</h2>
      <p className="muted">{t('servicedesk.assignment.description')}</p>
      {assignment.isPending ? <Loading /> : null}
      {assignment.isError ? <ProblemAlert error={assignment.error} /> : null}
      {assignment.isSuccess ? <AssignmentForm team={team} assignment={assignment.data} /> : null}
    </section>
  );
}

function AssignmentForm({ team, assignment }: { team: Team; assignment: TeamAssignment }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const users = useAllUsers();
  const save = useSaveTeamAssignment(team.id);
  const [mode, setMode] = useState<AssignmentMode>(assignment.mode);
  const [saved, setSaved] = useState(false);
  const modeError = fieldError(save.error, 'mode');
  const lastName = assignment.last_assigned_user_id
    ? (users.data?.find((u) => u.id === assignment.last_assigned_user_id)?.display_name ?? t('teams.unknownUser'))
    : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(mode, { onSuccess: () => setSaved(true) });
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <fieldset className="fieldset">
        <legend>{t('servicedesk.assignment.mode')}</legend>
        <ul className="sd-modes">
          {ASSIGNMENT_MODES.map((m) => (
            <li key={m} className="sd-mode">
              <input
                id={`sd-mode-${m}`}
                type="radio"
                name="assignment_mode"
                value={m}
                checked={mode === m}
                aria-invalid={modeError ? true : undefined}
                aria-describedby={`sd-mode-${m}-hint${modeError ? ' sd-mode-error' : ''}`}
                onChange={() => {
                  setSaved(false);
                  setMode(m);
                }}
              />
              <label htmlFor={`sd-mode-${m}`}>{t(`servicedesk.assignment.modes.${m}`)}</label>
              <p id={`sd-mode-${m}-hint`} className="field-hint">
                {t(`servicedesk.assignment.hints.${m}`)}
              </p>
            </li>
          ))}
        </ul>
        <FieldError id="sd-mode-error" message={modeError} />
      </fieldset>
      {nobodyToAssign(
        mode,
        team.members.map((m) => m.user_id),
        users.data,
      ) ? (
        <Alert tone="warning">{t('servicedesk.assignment.nobody')}</Alert>
      ) : null}
      <p className="muted">
        {assignment.last_assigned_at && lastName ? (
          <>
            {t('servicedesk.assignment.last', { name: lastName, when: fmt.dateTime(assignment.last_assigned_at) })}{' '}
            {assignment.last_conversation_id ? (
              <Link to={`/inbox/${encodeURIComponent(assignment.last_conversation_id)}`}>
                {t('servicedesk.assignment.openLast')}
              </Link>
            ) : null}
          </>
        ) : (
          t('servicedesk.assignment.noneYet')
        )}
      </p>
      <div aria-live="polite">
        {save.isError ? <ProblemAlert error={save.error} fields={['mode']} /> : null}
        {saved && !save.isError ? <Alert tone="success">{t('servicedesk.assignment.saved')}</Alert> : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('servicedesk.assignment.save')}
        </button>
      </div>
    </form>
  );
}
