// Settings → Contact form (admins): the public form a company puts on its site. Whether it takes
// messages, the team whose inbox they land in, the sites allowed to embed it (CORS and the
// frame-ancestors of embed.html), the thank-you text; then the form's addresses and the <iframe>
// snippet to paste, each with a copy button. The server's field errors show beside their fields,
// an origin's beside its row.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { LANGUAGES } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { Alert, Loading, ProblemAlert } from '../../ui/Alert';
import { CopyButton } from '../../ui/CopyButton';
import { fieldError } from '../../ui/errors';
import { CheckboxField, SelectField, TextAreaField, TextField, useFocusFirstInvalid } from '../../ui/fields';
import { PageHeader } from '../../ui/Page';
import { useAllTeams } from '../teams/api';
import {
  draftToInput,
  embedPageUrl,
  embedSnippet,
  originErrorField,
  publicFormUrl,
  settingsToDraft,
  type ContactFormDraft,
  type ContactFormSettings,
} from './contactForm';
import { useContactForm, useSaveContactForm } from './settingsApi';
import './settings.css';

export function ContactFormPage() {
  const { t } = useTranslation();
  const settings = useContactForm();
  return (
    <section>
      <PageHeader title={t('servicedesk.contactForm.title')} description={t('servicedesk.contactForm.description')} />
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? <ProblemAlert error={settings.error} /> : null}
      {settings.isSuccess ? <ContactFormEditor settings={settings.data} /> : null}
      {settings.isSuccess ? <PublicForm settings={settings.data} /> : null}
    </section>
  );
}

function ContactFormEditor({ settings }: { settings: ContactFormSettings }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const teams = useAllTeams();
  const save = useSaveContactForm();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, save.error);
  const [draft, setDraft] = useState<ContactFormDraft>(() => settingsToDraft(settings));
  // The rows of the origins last sent, to put "/allowed_origins/1" beside the right one.
  const [sentRows, setSentRows] = useState<number[]>([]);
  const [saved, setSaved] = useState(false);
  const err = save.error;
  const set = (changes: Partial<ContactFormDraft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...changes }));
  };
  const setOrigin = (row: number, value: string) => set({ origins: draft.origins.map((o, i) => (i === row ? value : o)) });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const { input, originRows } = draftToInput(draft);
    setSentRows(originRows);
    save.mutate(input, {
      onSuccess: (stored) => {
        // The server keeps origins normalised (lower case, no trailing slash): show them so.
        setDraft(settingsToDraft(stored));
        setSentRows([]);
        setSaved(true);
      },
    });
  };

  const shown = ['enabled', 'team_id', 'allowed_origins', 'success_message', ...sentRows.map((_, i) => `allowed_origins.${i}`)];
  return (
    <form ref={formRef} className="form sd-contact-form" onSubmit={onSubmit} noValidate>
      <p className="muted">
        {settings.updated_at
          ? t('servicedesk.contactForm.lastSaved', { when: fmt.dateTime(settings.updated_at) })
          : t('servicedesk.contactForm.neverSaved')}
      </p>
      <CheckboxField
        label={t('servicedesk.contactForm.enabled')}
        name="enabled"
        hint={t('servicedesk.contactForm.enabledHint')}
        checked={draft.enabled}
        error={fieldError(err, 'enabled')}
        onChange={(e) => set({ enabled: e.target.checked })}
      />
      <div className="form-grid">
        <SelectField
          label={t('servicedesk.contactForm.team')}
          name="team_id"
          hint={t('servicedesk.contactForm.teamHint')}
          value={draft.team_id}
          error={fieldError(err, 'team_id')}
          onChange={(e) => set({ team_id: e.target.value })}
          options={[
            { value: '', label: t('servicedesk.controls.noTeam') },
            ...(teams.data ?? []).map((x) => ({ value: x.id, label: x.name })),
          ]}
        />
      </div>
      <fieldset className="fieldset sd-origins" aria-describedby="sd-origins-hint">
        <legend>{t('servicedesk.contactForm.origins')}</legend>
        <p id="sd-origins-hint" className="field-hint">
          {t('servicedesk.contactForm.originsHint')}
        </p>
        {fieldError(err, 'allowed_origins') ? <p className="field-error">{fieldError(err, 'allowed_origins')}</p> : null}
        <ul className="sd-origin-rows">
          {draft.origins.map((origin, row) => {
            const field = originErrorField(sentRows, row);
            const label = t('servicedesk.contactForm.origin', { n: fmt.number(row + 1) });
            return (
              <li key={row} className="sd-origin-row">
                <TextField
                  label={label}
                  name={`allowed_origins.${row}`}
                  type="url"
                  inputMode="url"
                  placeholder="https://www.example.com"
                  value={origin}
                  error={field ? fieldError(err, field) : undefined}
                  onChange={(e) => setOrigin(row, e.target.value)}
                />
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => {
                    setSentRows([]);
                    set({ origins: draft.origins.filter((_, i) => i !== row) });
                  }}
                >
                  {t('servicedesk.contactForm.removeOrigin')}
                  <span className="visually-hidden"> {label}</span>
                </button>
              </li>
            );
          })}
        </ul>
        <button type="button" className="button button-small" onClick={() => set({ origins: [...draft.origins, ''] })}>
          {t('servicedesk.contactForm.addOrigin')}
        </button>
      </fieldset>
      <TextAreaField
        label={t('servicedesk.contactForm.successMessage')}
        name="success_message"
        rows={3}
        hint={t('servicedesk.contactForm.successHint')}
        value={draft.success_message}
        error={fieldError(err, 'success_message')}
        onChange={(e) => set({ success_message: e.target.value })}
      />
      <div aria-live="polite">
        {err ? <ProblemAlert error={err} fields={shown} /> : null}
        {saved && !err ? <Alert tone="success">{t('servicedesk.contactForm.saved')}</Alert> : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}

/** The public side of the saved settings: its addresses and the snippet to embed it. */
function PublicForm({ settings }: { settings: ContactFormSettings }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useSession();
  const [lang, setLang] = useState('');
  const origin = window.location.origin;
  const slug = me.workspace.slug;
  const page = embedPageUrl(origin, slug, lang);
  const snippet = embedSnippet(origin, slug, lang, t('servicedesk.contactForm.frameTitle', { name: me.workspace.name }));
  return (
    <section className="card sd-public-form" aria-labelledby="sd-public-form-title">
      <h2 id="sd-public-form-title">{t('servicedesk.contactForm.onYourSite')}</h2>
      {!settings.enabled ? <Alert tone="info">{t('servicedesk.contactForm.off')}</Alert> : null}
      {settings.enabled && settings.allowed_origins.length === 0 ? (
        <Alert tone="warning">{t('servicedesk.contactForm.noOrigins')}</Alert>
      ) : null}
      <dl className="sd-addresses">
        <dt>{t('servicedesk.contactForm.pageAddress')}</dt>
        <dd>
          <a href={page} target="_blank" rel="noreferrer" className="sd-url">
            {page}
          </a>{' '}
          <CopyButton text={page} label={t('servicedesk.contactForm.copyAddress')} />
        </dd>
        <dt>{t('servicedesk.contactForm.apiAddress')}</dt>
        <dd>
          <code className="sd-url">{publicFormUrl(origin, slug)}</code>{' '}
          <CopyButton text={publicFormUrl(origin, slug)} label={t('servicedesk.contactForm.copyApiAddress')} />
          <p className="field-hint">{t('servicedesk.contactForm.apiHint')}</p>
        </dd>
      </dl>
      <div className="form-grid">
        <SelectField
          label={t('servicedesk.contactForm.embedLanguage')}
          name="embed_language"
          value={lang}
          onChange={(e) => setLang(e.target.value)}
          options={[
            { value: '', label: t('servicedesk.contactForm.visitorLanguage') },
            ...LANGUAGES.map((l) => ({ value: l, label: fmt.languageName(l) })),
          ]}
        />
      </div>
      <TextAreaField
        label={t('servicedesk.contactForm.snippet')}
        name="embed_snippet"
        className="sd-snippet"
        rows={3}
        readOnly
        hint={t('servicedesk.contactForm.snippetHint')}
        value={snippet}
        onFocus={(e) => e.currentTarget.select()}
      />
      <CopyButton text={snippet} label={t('servicedesk.contactForm.copySnippet')} />
    </section>
  );
}
