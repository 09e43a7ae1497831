// People and companies linked on the record pages. A person's "Companies" panel: each company
// (linked to its page) with the job title and the primary marker; add one (search-as-you-type),
// edit the title, make it primary, remove it, each only if you may write the person. A
// company's "Contacts" panel: its people with their job titles, and "Add contact" (an existing
// person, or a new one created with this company and then back here).
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { useFormat } from '../../i18n/format';
import { Alert, Loading, ProblemAlert } from '../../ui/Alert';
import { fieldError } from '../../ui/errors';
import { TextField } from '../../ui/fields';
import { Icon } from '../../ui/icons';
import { LoadMoreButton } from '../../ui/PagedTable';
import { canCreateRecords, canWriteRecord } from './access';
import { addAffiliation, makePrimary, removeAffiliation, setJobTitle, type Affiliation } from './affiliations';
import { useAddContact, useAffiliations, useContacts, useRecord, useSaveAffiliations } from './api';
import { RecordPicker, type PickedRecord } from './RecordPicker';
import { recordName } from './schema';
import type { CompanyContact, CustomerRecord } from './types';

/** A company's name, or "#id" while it loads or when you may not read it. */
function useCompanyName(id: string) {
  const company = useRecord('company', id);
  return company.data ? recordName(company.data) : `#${id}`;
}

export function CompaniesPanel({ person }: { person: CustomerRecord }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useSession();
  const canWrite = canWriteRecord(me, person);
  const affiliations = useAffiliations(person.id);
  const save = useSaveAffiliations();
  const [done, setDone] = useState('');
  const list = affiliations.data ?? [];
  const titleId = useId();

  const change = (items: Affiliation[], message: string, onSuccess?: () => void) => {
    setDone('');
    save.mutate(
      { personId: person.id, items },
      {
        onSuccess: () => {
          setDone(message);
          onSuccess?.();
        },
      },
    );
  };

  return (
    <section className="card affiliations-card" aria-labelledby={titleId} data-testid="person-companies">
      <div className="card-header">
        <h2 id={titleId}>{t('affiliations.companiesTitle')}</h2>
        {affiliations.data ? <span className="badge">{t('affiliations.companyCount', fmt.count(list.length))}</span> : null}
      </div>
      {affiliations.isPending ? <Loading /> : null}
      {affiliations.isError ? <ProblemAlert error={affiliations.error} /> : null}
      <div aria-live="polite">{done ? <Alert tone="success">{done}</Alert> : null}</div>
      {save.isError ? <ProblemAlert error={save.error} /> : null}
      {affiliations.data && list.length === 0 ? <p className="muted">{t('affiliations.noCompanies')}</p> : null}
      {list.length > 0 ? (
        <ul className="access-list" aria-label={t('affiliations.companiesTitle')}>
          {list.map((a) => (
            <CompanyRow
              key={a.company_id}
              affiliation={a}
              many={list.length > 1}
              canWrite={canWrite}
              busy={save.isPending}
              onTitle={(title, name, close) =>
                change(setJobTitle(list, a.company_id, title), t('affiliations.titleSaved', { name }), close)
              }
              onPrimary={(name) => change(makePrimary(list, a.company_id), t('affiliations.primarySaved', { name }))}
              onRemove={(name) => change(removeAffiliation(list, a.company_id), t('affiliations.removed', { name }))}
            />
          ))}
        </ul>
      ) : null}
      {canWrite && affiliations.data ? (
        <AddCompanyForm
          exclude={list.map((a) => a.company_id)}
          busy={save.isPending}
          error={save.error}
          onAdd={(company, title, reset) =>
            change(addAffiliation(list, company.id, title), t('affiliations.added', { name: company.name }), reset)
          }
        />
      ) : null}
    </section>
  );
}

function CompanyRow({
  affiliation: a,
  many,
  canWrite,
  busy,
  onTitle,
  onPrimary,
  onRemove,
}: {
  affiliation: Affiliation;
  many: boolean;
  canWrite: boolean;
  busy: boolean;
  onTitle: (title: string, name: string, close: () => void) => void;
  onPrimary: (name: string) => void;
  onRemove: (name: string) => void;
}) {
  const { t } = useTranslation();
  const name = useCompanyName(a.company_id);
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(a.job_title ?? '');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    onTitle(title, name, () => setEditing(false));
  };
  return (
    <li className="access-row affiliation-row">
      <span className="access-who">
        <Link to={`/companies/${encodeURIComponent(a.company_id)}`}>{name}</Link>
        {a.job_title ? <span className="muted"> · {a.job_title}</span> : null}
        {a.is_primary && many ? <span className="badge badge-quiet">{t('affiliations.primary')}</span> : null}
      </span>
      {canWrite && !editing ? (
        <span className="form-actions">
          <button
            type="button"
            className="button button-small"
            aria-label={t('affiliations.editTitleOf', { name })}
            onClick={() => {
              setTitle(a.job_title ?? '');
              setEditing(true);
            }}
          >
            <Icon name="edit" size={16} />
            {t('affiliations.editTitle')}
          </button>
          {many && !a.is_primary ? (
            <button
              type="button"
              className="button button-small"
              disabled={busy}
              aria-label={t('affiliations.makePrimaryOf', { name })}
              onClick={() => onPrimary(name)}
            >
              {t('affiliations.makePrimary')}
            </button>
          ) : null}
          <button
            type="button"
            className="button button-small button-danger"
            disabled={busy}
            aria-label={t('affiliations.removeOf', { name })}
            onClick={() => onRemove(name)}
          >
            <Icon name="trash" size={16} />
            {t('affiliations.remove')}
          </button>
        </span>
      ) : null}
      {editing ? (
        <form className="picker-row span-all" onSubmit={onSubmit} aria-label={t('affiliations.editTitleOf', { name })}>
          <TextField
            label={t('affiliations.jobTitle')}
            value={title}
            maxLength={200}
            autoFocus
            onChange={(e) => setTitle(e.target.value)}
          />
          <span className="form-actions">
            <button type="submit" className="button button-small button-primary" disabled={busy}>
              {t('common.save')}
            </button>
            <button type="button" className="button button-small" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </span>
        </form>
      ) : null}
    </li>
  );
}

function AddCompanyForm({
  exclude,
  busy,
  error,
  onAdd,
}: {
  exclude: string[];
  busy: boolean;
  error: unknown;
  onAdd: (company: PickedRecord, title: string, reset: () => void) => void;
}) {
  const { t } = useTranslation();
  const [company, setCompany] = useState<PickedRecord | null>(null);
  const [title, setTitle] = useState('');
  const [missing, setMissing] = useState(false);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!company) {
      setMissing(true);
      return;
    }
    onAdd(company, title, () => {
      setCompany(null);
      setTitle('');
    });
  };
  return (
    <form className="picker-form affiliation-add" onSubmit={onSubmit} aria-label={t('affiliations.addCompany')}>
      <h3 className="field-group-title">{t('affiliations.addCompany')}</h3>
      <div className="form-grid">
        <RecordPicker
          entity="company"
          label={t('affiliations.company')}
          value={company}
          exclude={exclude}
          error={missing && !company ? t('affiliations.pickCompany') : fieldError(error, 'items')}
          onChange={(c) => {
            setMissing(false);
            setCompany(c);
          }}
        />
        <TextField label={t('affiliations.jobTitle')} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-small button-primary" disabled={busy}>
          <Icon name="plus" size={16} />
          {t('affiliations.add')}
        </button>
      </div>
    </form>
  );
}

export function ContactsPanel({ company }: { company: CustomerRecord }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useSession();
  const contacts = useContacts(company.id);
  const add = useAddContact(company.id);
  const [adding, setAdding] = useState(false);
  const [person, setPerson] = useState<PickedRecord | null>(null);
  const [title, setTitle] = useState('');
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState('');
  const titleId = useId();
  const canAdd = canCreateRecords(me);
  const companyPath = `/companies/${encodeURIComponent(company.id)}`;
  const newPersonPath = `/people/new?${new URLSearchParams({ company: company.id, return: companyPath }).toString()}`;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!person) {
      setMissing(true);
      return;
    }
    setDone('');
    add.mutate(
      { personId: person.id, jobTitle: title },
      {
        onSuccess: () => {
          setDone(t('affiliations.contactAdded', { name: person.name }));
          setPerson(null);
          setTitle('');
          setAdding(false);
        },
      },
    );
  };

  return (
    <section className="card contacts-card" aria-labelledby={titleId} data-testid="company-contacts">
      <div className="card-header">
        <h2 id={titleId}>{t('affiliations.contactsTitle')}</h2>
        {canAdd && !adding ? (
          <button type="button" className="button button-small" onClick={() => setAdding(true)}>
            <Icon name="plus" size={16} />
            {t('affiliations.addContact')}
          </button>
        ) : null}
      </div>
      <div aria-live="polite">{done ? <Alert tone="success">{done}</Alert> : null}</div>
      {adding ? (
        <form className="picker-form" onSubmit={onSubmit} aria-label={t('affiliations.addContact')}>
          {add.isError ? <ProblemAlert error={add.error} /> : null}
          <div className="form-grid">
            <RecordPicker
              entity="person"
              label={t('affiliations.person')}
              value={person}
              exclude={contacts.items.map((c) => c.id)}
              error={missing && !person ? t('affiliations.pickPerson') : undefined}
              onChange={(p) => {
                setMissing(false);
                setPerson(p);
              }}
            />
            <TextField
              label={t('affiliations.jobTitle')}
              value={title}
              maxLength={200}
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-small button-primary" disabled={add.isPending}>
              {t('affiliations.add')}
            </button>
            <Link to={newPersonPath} className="button button-small">
              {t('affiliations.createPerson')}
            </Link>
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                setAdding(false);
                add.reset();
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {contacts.isPending ? <Loading /> : null}
      {contacts.isError ? <ProblemAlert error={contacts.error} /> : null}
      {contacts.isSuccess && contacts.items.length === 0 ? <p className="muted">{t('affiliations.noContacts')}</p> : null}
      {contacts.items.length > 0 ? (
        <>
          <ul className="access-list" aria-label={t('affiliations.contactsTitle')}>
            {contacts.items.map((c) => (
              <ContactRow key={c.id} person={c} />
            ))}
          </ul>
          <p className="muted small" aria-live="polite">
            {t('affiliations.contactsShown', fmt.count(contacts.items.length))}
          </p>
          <LoadMoreButton list={contacts} className="button button-small" />
        </>
      ) : null}
    </section>
  );
}

/** A contact as the company's contacts list gives it: the person's record with its job title there. */
function ContactRow({ person }: { person: CompanyContact }) {
  return (
    <li className="access-row contact-row">
      <span className="access-who">
        <Link to={`/people/${encodeURIComponent(person.id)}`}>{recordName(person)}</Link>
        {person.job_title ? <span className="muted"> · {person.job_title}</span> : null}
      </span>
      {person.fields.email ? <span className="muted small">{String(person.fields.email)}</span> : null}
    </li>
  );
}
