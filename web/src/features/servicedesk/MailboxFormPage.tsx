// Settings → Mailboxes → one mailbox: IMAP (reading) and SMTP (sending) settings, polling or
// IDLE, what happens to fetched mail, the attachment size limit; a connection test that shows
// each server's answer, with the settings as they are on the form (unsaved).
import { useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Loading, ProblemAlert } from '../../ui/Alert';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { fieldError } from '../../ui/errors';
import { CheckboxField, SelectField, TextField } from '../../ui/fields';
import { PageHeader } from '../../ui/Page';
import { useAllTeams } from '../teams/api';
import { useDeleteMailbox, useMailbox, useSaveMailbox, useTestMailbox } from './api';
import { emptyMailboxForm, formToInput, mailboxToForm, type MailboxForm, type ServerForm } from './mailboxForm';
import { AFTER_FETCH, SECURITIES, type Mailbox, type MailboxTestResult } from './types';
import './servicedesk.css';

export function MailboxFormPage() {
  const { mailboxId } = useParams();
  const mailbox = useMailbox(mailboxId);
  if (mailboxId && mailbox.isPending) return <Loading />;
  if (mailbox.isError) return <ProblemAlert error={mailbox.error} />;
  return <MailboxEditor key={mailboxId ?? 'new'} mailbox={mailbox.data} />;
}

function MailboxEditor({ mailbox }: { mailbox?: Mailbox }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const teams = useAllTeams();
  const save = useSaveMailbox(mailbox?.id);
  const remove = useDeleteMailbox();
  const test = useTestMailbox();
  const [form, setForm] = useState<MailboxForm>(() => (mailbox ? mailboxToForm(mailbox) : emptyMailboxForm()));
  const [confirmDelete, setConfirmDelete] = useState(false);
  const set = (changes: Partial<MailboxForm>) => setForm((f) => ({ ...f, ...changes }));
  const err = (field: string) => fieldError(save.error, field);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(formToInput(form), {
      onSuccess: (saved) =>
        void navigate('/settings/mailboxes', { state: { flash: t('servicedesk.mailboxes.saved', { name: saved.name }) } }),
    });
  };

  const title = mailbox ? t('servicedesk.mailboxes.edit', { name: mailbox.name }) : t('servicedesk.mailboxes.new');
  return (
    <section>
      <PageHeader title={title} />
      <form className="form sd-mailbox-form" onSubmit={onSubmit} noValidate>
        <div className="form-grid">
          <TextField
            label={t('servicedesk.mailboxes.name')}
            name="name"
            required
            value={form.name}
            error={err('name')}
            onChange={(e) => set({ name: e.target.value })}
          />
          <TextField
            label={t('servicedesk.mailboxes.address')}
            name="address"
            type="email"
            required
            value={form.address}
            error={err('address')}
            onChange={(e) => set({ address: e.target.value })}
          />
          <SelectField
            label={t('servicedesk.mailboxes.team')}
            name="team_id"
            value={form.team_id}
            onChange={(e) => set({ team_id: e.target.value })}
            options={[
              { value: '', label: t('servicedesk.controls.noTeam') },
              ...(teams.data ?? []).map((x) => ({ value: x.id, label: x.name })),
            ]}
          />
        </div>
        <ServerFields
          kind="imap"
          value={form.imap}
          error={(f) => err(`imap.${f}`)}
          onChange={(s) => set({ imap: { ...form.imap, ...s } })}
          extra={
            <TextField
              label={t('servicedesk.mailboxes.folder')}
              name="folder"
              value={form.folder}
              error={err('folder')}
              onChange={(e) => set({ folder: e.target.value })}
            />
          }
        />
        <ServerFields
          kind="smtp"
          value={form.smtp}
          error={(f) => err(`smtp.${f}`)}
          onChange={(s) => set({ smtp: { ...form.smtp, ...s } })}
        />
        <fieldset className="fieldset">
          <legend>{t('servicedesk.mailboxes.fetching')}</legend>
          <div className="form-grid">
            <TextField
              label={t('servicedesk.mailboxes.pollSeconds')}
              name="poll_seconds"
              type="number"
              min={10}
              value={form.poll_seconds}
              error={err('poll_seconds')}
              onChange={(e) => set({ poll_seconds: e.target.value })}
            />
            <SelectField
              label={t('servicedesk.mailboxes.afterFetch')}
              name="after_fetch"
              value={form.after_fetch}
              onChange={(e) => set({ after_fetch: e.target.value as MailboxForm['after_fetch'] })}
              options={AFTER_FETCH.map((a) => ({ value: a, label: t(`servicedesk.mailboxes.after.${a}`) }))}
            />
            {form.after_fetch === 'move' ? (
              <TextField
                label={t('servicedesk.mailboxes.moveTo')}
                name="move_to_folder"
                value={form.move_to_folder}
                error={err('move_to_folder')}
                onChange={(e) => set({ move_to_folder: e.target.value })}
              />
            ) : null}
            <TextField
              label={t('servicedesk.mailboxes.maxAttachment')}
              name="max_attachment_mb"
              inputMode="decimal"
              value={form.max_attachment_mb}
              error={err('max_attachment_bytes')}
              onChange={(e) => set({ max_attachment_mb: e.target.value })}
            />
          </div>
          <CheckboxField
            label={t('servicedesk.mailboxes.useIdle')}
            name="use_idle"
            checked={form.use_idle}
            onChange={(e) => set({ use_idle: e.target.checked })}
          />
          <CheckboxField
            label={t('servicedesk.mailboxes.enabled')}
            name="enabled"
            checked={form.enabled}
            onChange={(e) => set({ enabled: e.target.checked })}
          />
        </fieldset>
        {save.isError ? <ProblemAlert error={save.error} fields={['name', 'address']} /> : null}
        <TestResult result={test.data} />
        {test.isError ? <ProblemAlert error={test.error} /> : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {t('servicedesk.mailboxes.save')}
          </button>
          <button
            type="button"
            className="button"
            disabled={test.isPending}
            onClick={() => {
              const input = formToInput(form);
              // A saved mailbox whose settings are unchanged is tested with its stored passwords.
              const unchanged = mailbox && JSON.stringify(input) === JSON.stringify(formToInput(mailboxToForm(mailbox)));
              test.mutate(unchanged ? { id: mailbox.id } : { input });
            }}
          >
            {test.isPending ? t('servicedesk.mailboxes.testing') : t('servicedesk.mailboxes.test')}
          </button>
          {mailbox ? (
            <button type="button" className="button button-danger push-right" onClick={() => setConfirmDelete(true)}>
              {t('servicedesk.mailboxes.delete')}
            </button>
          ) : null}
        </div>
      </form>
      {mailbox ? (
        <ConfirmDialog
          open={confirmDelete}
          danger
          title={t('servicedesk.mailboxes.deleteTitle', { name: mailbox.name })}
          confirmLabel={t('servicedesk.mailboxes.delete')}
          busy={remove.isPending}
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() =>
            remove.mutate(mailbox.id, {
              onSuccess: () =>
                void navigate('/settings/mailboxes', {
                  state: { flash: t('servicedesk.mailboxes.deleted', { name: mailbox.name }) },
                }),
              onError: () => setConfirmDelete(false),
            })
          }
        >
          <p>{t('servicedesk.mailboxes.deleteBody')}</p>
          {remove.isError ? <ProblemAlert error={remove.error} /> : null}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

function ServerFields({
  kind,
  value,
  onChange,
  error,
  extra,
}: {
  kind: 'imap' | 'smtp';
  value: ServerForm;
  onChange: (changes: Partial<ServerForm>) => void;
  error: (field: string) => string | undefined;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset">
      <legend>{t(`servicedesk.mailboxes.${kind}`)}</legend>
      <div className="form-grid">
        <TextField
          label={t('servicedesk.mailboxes.host')}
          name={`${kind}.host`}
          value={value.host}
          error={error('host')}
          onChange={(e) => onChange({ host: e.target.value })}
        />
        <TextField
          label={t('servicedesk.mailboxes.port')}
          name={`${kind}.port`}
          type="number"
          value={value.port}
          error={error('port')}
          onChange={(e) => onChange({ port: e.target.value })}
        />
        <SelectField
          label={t('servicedesk.mailboxes.security')}
          name={`${kind}.security`}
          value={value.security}
          onChange={(e) => onChange({ security: e.target.value as ServerForm['security'] })}
          options={SECURITIES.map((s) => ({ value: s, label: t(`servicedesk.mailboxes.securities.${s}`) }))}
        />
        <TextField
          label={t('servicedesk.mailboxes.username')}
          name={`${kind}.username`}
          autoComplete="off"
          value={value.username}
          error={error('username')}
          onChange={(e) => onChange({ username: e.target.value })}
        />
        <TextField
          label={t('servicedesk.mailboxes.password')}
          name={`${kind}.password`}
          type="password"
          autoComplete="new-password"
          value={value.password}
          hint={value.has_password ? t('servicedesk.mailboxes.passwordKept') : undefined}
          error={error('password')}
          onChange={(e) => onChange({ password: e.target.value })}
        />
        {extra}
      </div>
      <CheckboxField
        label={t('servicedesk.mailboxes.verify')}
        name={`${kind}.verify_certificate`}
        checked={value.verify_certificate}
        onChange={(e) => onChange({ verify_certificate: e.target.checked })}
      />
    </fieldset>
  );
}

function TestResult({ result }: { result?: MailboxTestResult }) {
  const { t } = useTranslation();
  if (!result) return null;
  return (
    <div className="sd-test-result" role="status">
      {(['imap', 'smtp'] as const).map((k) => (
        <Alert key={k} tone={result[k].ok ? 'success' : 'error'}>
          <strong>{t(`servicedesk.mailboxes.${k}`)}</strong>:{' '}
          {result[k].ok ? t('servicedesk.mailboxes.testOk') : t('servicedesk.mailboxes.testFailed')}
          {result[k].message ? ` — ${result[k].message}` : ''}
        </Alert>
      ))}
    </div>
  );
}
