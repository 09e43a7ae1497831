// Settings → Canned replies: ready answers with placeholders (filled for each conversation by
// the server), one per name and language; the reply editor offers them.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Loading, ProblemAlert } from '../../ui/Alert';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { fieldError } from '../../ui/errors';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { PageHeader } from '../../ui/Page';
import { LANGUAGES } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useCannedReplies, useDeleteCanned, useSaveCanned } from './api';
import type { CannedReply, CannedReplyInput } from './types';
import './servicedesk.css';

const EMPTY: CannedReplyInput = { name: '', language: 'en', body: '' };

export function CannedRepliesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useCannedReplies();
  const save = useSaveCanned();
  const remove = useDeleteCanned();
  const [editing, setEditing] = useState<CannedReply | null>(null);
  const [form, setForm] = useState<CannedReplyInput>(EMPTY);
  const [removing, setRemoving] = useState<CannedReply | null>(null);
  const [flash, setFlash] = useState('');

  const start = (c: CannedReply | null) => {
    setEditing(c);
    setForm(c ? { name: c.name, language: c.language, body: c.body } : EMPTY);
    save.reset();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { id: editing?.id, input: form },
      {
        onSuccess: (saved) => {
          setFlash(t('servicedesk.canned.saved', { name: saved.name }));
          start(null);
        },
      },
    );
  };

  return (
    <section>
      <PageHeader title={t('servicedesk.canned.title')} description={t('servicedesk.canned.description')} />
      {flash ? <Alert tone="success">{flash}</Alert> : null}
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ProblemAlert error={list.error} /> : null}
      {list.isSuccess && list.data.length === 0 ? <p className="muted">{t('servicedesk.canned.empty')}</p> : null}
      {list.isSuccess && list.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('servicedesk.canned.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('servicedesk.canned.name')}</th>
                <th scope="col">{t('servicedesk.canned.language')}</th>
                <th scope="col">{t('servicedesk.canned.body')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('servicedesk.canned.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  <td>{fmt.languageName(c.language)}</td>
                  <td className="prewrap sd-canned-body">{c.body}</td>
                  <td className="actions-cell">
                    <button type="button" className="button button-small" onClick={() => start(c)}>
                      {t('servicedesk.canned.edit', { name: c.name })}
                    </button>{' '}
                    <button type="button" className="button button-small button-danger" onClick={() => setRemoving(c)}>
                      {t('servicedesk.canned.remove', { name: c.name })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <form className="form card sd-canned-form" onSubmit={onSubmit} noValidate>
        <h2 className="section-title">
          {editing ? t('servicedesk.canned.editTitle', { name: editing.name }) : t('servicedesk.canned.addTitle')}
        </h2>
        <div className="form-grid">
          <TextField
            label={t('servicedesk.canned.name')}
            name="name"
            required
            value={form.name}
            error={fieldError(save.error, 'name')}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
          <SelectField
            label={t('servicedesk.canned.language')}
            name="language"
            value={form.language}
            onChange={(e) => setForm({ ...form, language: e.target.value })}
            options={LANGUAGES.map((l) => ({ value: l, label: fmt.languageName(l) }))}
          />
        </div>
        <TextAreaField
          label={t('servicedesk.canned.body')}
          name="body"
          required
          rows={6}
          hint={t('servicedesk.canned.placeholders')}
          value={form.body}
          error={fieldError(save.error, 'body')}
          onChange={(e) => setForm({ ...form, body: e.target.value })}
        />
        {save.isError ? <ProblemAlert error={save.error} fields={['name', 'body']} /> : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {editing ? t('servicedesk.canned.save') : t('servicedesk.canned.add')}
          </button>
          {editing ? (
            <button type="button" className="button" onClick={() => start(null)}>
              {t('common.cancel')}
            </button>
          ) : null}
        </div>
      </form>
      <ConfirmDialog
        open={removing !== null}
        danger
        title={t('servicedesk.canned.removeTitle', { name: removing?.name ?? '' })}
        confirmLabel={t('servicedesk.canned.removeConfirm')}
        busy={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              setFlash(t('servicedesk.canned.removed', { name: removing.name }));
              setRemoving(null);
            },
            onError: () => setRemoving(null),
          })
        }
      />
      {remove.isError ? <ProblemAlert error={remove.error} /> : null}
    </section>
  );
}
