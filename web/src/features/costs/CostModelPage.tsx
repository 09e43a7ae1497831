// The cost model (Settings → Costs): what an hour of each team's or role's time costs, the
// fixed monthly costs (software, tools, training, certifications: the ones companies forget)
// with their allocation to relationship types, the cost of a message per channel, and the day
// the version applies from. Earlier versions stay, listed below, so past periods keep the
// costs that applied then. Members read it; admins and owners change it.
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../api/types';
import { atLeast } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { useFormat } from '../../i18n/format';
import { Alert, Loading, ProblemAlert } from '../../ui/Alert';
import { DataTable } from '../../ui/DataTable';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { PageHeader } from '../../ui/Page';
import { useAllTeams } from '../teams/api';
import { useCostModel, useDeleteCostVersion, useSaveCostModel } from './api';
import { allocationTotal, draftFrom, fromCents, inputOf, percentText, type ModelDraft } from './costs';
import { CURRENCIES, FIXED_CATEGORIES, RELATIONSHIP_TYPES, type CostModel } from './types';
import './costs.css';

const DIGITS: Record<string, number> = { JPY: 0, CLP: 0, KRW: 0 };

export function CostModelPage() {
  const { t } = useTranslation();
  const model = useCostModel();
  const today = new Date().toISOString().slice(0, 10);
  if (model.isPending) return <Loading />;
  if (model.isError) return <ProblemAlert error={model.error} />;
  return (
    <section className="costs-model">
      <PageHeader title={t('costs.model.title')} description={t('costs.model.subtitle')} />
      <ModelForm current={model.data.in_effect} today={today} />
      <History versions={model.data.versions} />
    </section>
  );
}

function ModelForm({ current, today }: { current: CostModel | null; today: string }) {
  const { t } = useTranslation();
  const me = useSession();
  const teams = useAllTeams();
  const save = useSaveCostModel();
  const canWrite = atLeast(me.role, 'admin');
  const [draft, setDraft] = useState<ModelDraft>(() => draftFrom(current, today));
  const [invalid, setInvalid] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const digits = DIGITS[draft.currency.toUpperCase()] ?? 2;
  const teamOptions = useMemo(() => (teams.data ?? []).map((team) => ({ value: team.id, label: team.name })), [teams.data]);
  const update = (change: Partial<ModelDraft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...change }));
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const { body, invalid: bad } = inputOf(draft, digits);
    setInvalid(bad);
    if (bad.length > 0) return;
    save.mutate(body, { onSuccess: () => setSaved(true) });
  };
  const amountError = (pointer: string) => (invalid.includes(pointer) ? t('costs.model.amountInvalid') : undefined);
  const typeLabel = (type: string) => t(`costs.types.${type}`);

  return (
    <form className="costs-form" onSubmit={onSubmit} noValidate>
      <fieldset disabled={!canWrite || save.isPending}>
        {!canWrite ? <Alert>{t('costs.model.readOnly')}</Alert> : null}
        <div className="form-grid">
          <TextField
            label={t('costs.model.effectiveFrom')}
            name="effective_from"
            type="date"
            required
            value={draft.effective_from}
            onChange={(e) => update({ effective_from: e.target.value })}
            hint={t('costs.model.effectiveHint')}
          />
          <SelectField
            label={t('costs.model.currency')}
            name="currency"
            value={draft.currency}
            onChange={(e) => update({ currency: e.target.value })}
            options={[...new Set([draft.currency, ...CURRENCIES])].map((c) => ({ value: c, label: c }))}
          />
        </div>

        <h2>{t('costs.model.hourly')}</h2>
        <p className="muted">{t('costs.model.hourlyRule')}</p>
        <h3>{t('costs.model.teamRates')}</h3>
        {draft.team_rates.map((r, i) => (
          <div className="form-grid cost-row" key={`team-${i}`}>
            <SelectField
              label={t('costs.model.team')}
              name={`team_rates.${i}.team_id`}
              value={r.team_id}
              onChange={(e) =>
                update({ team_rates: draft.team_rates.map((x, j) => (j === i ? { ...x, team_id: e.target.value } : x)) })
              }
              options={[{ value: '', label: t('costs.model.chooseTeam') }, ...teamOptions]}
            />
            <TextField
              label={t('costs.model.perHour', { currency: draft.currency })}
              name={`team_rates.${i}.amount`}
              inputMode="decimal"
              value={r.amount}
              error={amountError(`/team_rates/${i}/cents_per_hour`)}
              onChange={(e) =>
                update({ team_rates: draft.team_rates.map((x, j) => (j === i ? { ...x, amount: e.target.value } : x)) })
              }
            />
            <RemoveButton onClick={() => update({ team_rates: draft.team_rates.filter((_, j) => j !== i) })} />
          </div>
        ))}
        <button
          type="button"
          className="button"
          onClick={() => update({ team_rates: [...draft.team_rates, { team_id: teamOptions[0]?.value ?? '', amount: '' }] })}
        >
          {t('costs.model.addTeamRate')}
        </button>

        <h3>{t('costs.model.roleRates')}</h3>
        {draft.role_rates.map((r, i) => (
          <div className="form-grid cost-row" key={`role-${i}`}>
            <SelectField
              label={t('costs.model.role')}
              name={`role_rates.${i}.role`}
              value={r.role}
              onChange={(e) =>
                update({ role_rates: draft.role_rates.map((x, j) => (j === i ? { ...x, role: e.target.value } : x)) })
              }
              options={ROLES.map((role) => ({ value: role, label: t(`costs.roles.${role}`) }))}
            />
            <TextField
              label={t('costs.model.perHour', { currency: draft.currency })}
              name={`role_rates.${i}.amount`}
              inputMode="decimal"
              value={r.amount}
              error={amountError(`/role_rates/${i}/cents_per_hour`)}
              onChange={(e) =>
                update({ role_rates: draft.role_rates.map((x, j) => (j === i ? { ...x, amount: e.target.value } : x)) })
              }
            />
            <RemoveButton onClick={() => update({ role_rates: draft.role_rates.filter((_, j) => j !== i) })} />
          </div>
        ))}
        <button
          type="button"
          className="button"
          onClick={() => update({ role_rates: [...draft.role_rates, { role: 'member', amount: '' }] })}
        >
          {t('costs.model.addRoleRate')}
        </button>

        <h2>{t('costs.model.fixed')}</h2>
        <p className="muted">{t('costs.model.fixedHint')}</p>
        {draft.fixed_costs.map((f, i) => {
          const setFixed = (change: Partial<(typeof draft.fixed_costs)[number]>) =>
            update({ fixed_costs: draft.fixed_costs.map((x, j) => (j === i ? { ...x, ...change } : x)) });
          const total = allocationTotal(f.allocation);
          return (
            <fieldset className="cost-fixed" key={`fixed-${i}`}>
              <legend>{f.name || t('costs.model.fixedCost', { n: i + 1 })}</legend>
              <div className="form-grid cost-row">
                <TextField
                  label={t('costs.model.name')}
                  name={`fixed_costs.${i}.name`}
                  value={f.name}
                  onChange={(e) => setFixed({ name: e.target.value })}
                />
                <SelectField
                  label={t('costs.model.category')}
                  name={`fixed_costs.${i}.category`}
                  value={f.category}
                  onChange={(e) => setFixed({ category: e.target.value as (typeof FIXED_CATEGORIES)[number] })}
                  options={FIXED_CATEGORIES.map((c) => ({ value: c, label: t(`costs.categories.${c}`) }))}
                />
                <TextField
                  label={t('costs.model.perMonth', { currency: draft.currency })}
                  name={`fixed_costs.${i}.amount`}
                  inputMode="decimal"
                  value={f.amount}
                  error={amountError(`/fixed_costs/${i}/monthly_cents`)}
                  onChange={(e) => setFixed({ amount: e.target.value })}
                />
                <RemoveButton onClick={() => update({ fixed_costs: draft.fixed_costs.filter((_, j) => j !== i) })} />
              </div>
              {f.allocation.length === 0 ? <p className="muted">{t('costs.model.unallocated')}</p> : null}
              {f.allocation.map((a, j) => (
                <div className="form-grid cost-row" key={`share-${j}`}>
                  <SelectField
                    label={t('costs.model.type')}
                    name={`fixed_costs.${i}.allocation.${j}.relationship_type`}
                    value={a.relationship_type}
                    onChange={(e) =>
                      setFixed({
                        allocation: f.allocation.map((x, k) =>
                          k === j ? { ...x, relationship_type: e.target.value as (typeof RELATIONSHIP_TYPES)[number] } : x,
                        ),
                      })
                    }
                    options={RELATIONSHIP_TYPES.map((type) => ({ value: type, label: typeLabel(type) }))}
                  />
                  <TextField
                    label={t('costs.model.share')}
                    name={`fixed_costs.${i}.allocation.${j}.percent`}
                    inputMode="decimal"
                    value={a.percent}
                    error={
                      invalid.includes(`/fixed_costs/${i}/allocation/${j}/basis_points`)
                        ? t('costs.model.shareInvalid')
                        : undefined
                    }
                    onChange={(e) =>
                      setFixed({ allocation: f.allocation.map((x, k) => (k === j ? { ...x, percent: e.target.value } : x)) })
                    }
                  />
                  <RemoveButton onClick={() => setFixed({ allocation: f.allocation.filter((_, k) => k !== j) })} />
                </div>
              ))}
              {f.allocation.length > 0 ? (
                <p className={total === 10000 ? 'muted' : 'cost-warning'} role="status">
                  {t('costs.model.allocated', { percent: percentText(total) })}
                </p>
              ) : null}
              <button
                type="button"
                className="button"
                onClick={() =>
                  setFixed({
                    allocation: [
                      ...f.allocation,
                      {
                        relationship_type:
                          RELATIONSHIP_TYPES.find((type) => !f.allocation.some((x) => x.relationship_type === type)) ??
                          'personal_assistance',
                        percent: percentText(Math.max(0, 10000 - total)),
                      },
                    ],
                  })
                }
              >
                {t('costs.model.addShare')}
              </button>
            </fieldset>
          );
        })}
        <button
          type="button"
          className="button"
          onClick={() =>
            update({
              fixed_costs: [...draft.fixed_costs, { name: '', category: 'software', amount: '', allocation: [] }],
            })
          }
        >
          {t('costs.model.addFixed')}
        </button>

        <h2>{t('costs.model.channels')}</h2>
        <p className="muted">{t('costs.model.channelsHint')}</p>
        {draft.channel_rates.map((c, i) => (
          <div className="form-grid cost-row" key={`channel-${i}`}>
            <TextField
              label={t('costs.model.channel')}
              name={`channel_rates.${i}.channel`}
              value={c.channel}
              onChange={(e) =>
                update({
                  channel_rates: draft.channel_rates.map((x, j) => (j === i ? { ...x, channel: e.target.value } : x)),
                })
              }
            />
            <TextField
              label={t('costs.model.perMessage', { currency: draft.currency })}
              name={`channel_rates.${i}.amount`}
              inputMode="decimal"
              value={c.amount}
              error={amountError(`/channel_rates/${i}/cents_per_message`)}
              onChange={(e) =>
                update({
                  channel_rates: draft.channel_rates.map((x, j) => (j === i ? { ...x, amount: e.target.value } : x)),
                })
              }
            />
            <RemoveButton onClick={() => update({ channel_rates: draft.channel_rates.filter((_, j) => j !== i) })} />
          </div>
        ))}
        <button
          type="button"
          className="button"
          onClick={() => update({ channel_rates: [...draft.channel_rates, { channel: '', amount: '' }] })}
        >
          {t('costs.model.addChannel')}
        </button>

        <TextAreaField
          label={t('costs.model.note')}
          name="note"
          value={draft.note}
          onChange={(e) => update({ note: e.target.value })}
        />
        <ProblemAlert error={save.error} />
        {saved ? <Alert tone="success">{t('costs.model.saved')}</Alert> : null}
        {invalid.length > 0 ? <Alert tone="error">{t('costs.model.fixAmounts')}</Alert> : null}
        {canWrite ? (
          <button type="submit" className="button button-primary">
            {t('costs.model.save')}
          </button>
        ) : null}
      </fieldset>
    </form>
  );
}

function RemoveButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button cost-remove" onClick={onClick}>
      {t('costs.model.remove')}
    </button>
  );
}

function History({ versions }: { versions: CostModel[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useSession();
  const remove = useDeleteCostVersion();
  const canWrite = atLeast(me.role, 'admin');
  const monthly = (m: CostModel) => m.fixed_costs.reduce((sum, x) => sum + x.monthly_cents, 0);
  return (
    <section aria-labelledby="cost-history">
      <h2 id="cost-history">{t('costs.model.history')}</h2>
      {versions.length === 0 ? (
        <p className="muted">{t('costs.model.noVersions')}</p>
      ) : (
        <DataTable
          caption={t('costs.model.history')}
          columns={[t('costs.model.effectiveFrom'), t('costs.model.fixedMonthly'), t('costs.model.note')]}
          actionsColumn={canWrite}
        >
          {versions.map((v) => (
            <tr key={v.version_id}>
              <td>{f.isoDate(v.effective_from)}</td>
              <td>{f.money(fromCents(monthly(v), v.minor_digits), v.currency)}</td>
              <td>{v.note}</td>
              {canWrite ? (
                <td>
                  <button
                    type="button"
                    className="button"
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(v.version_id)}
                    aria-label={t('costs.model.removeVersion', { day: f.isoDate(v.effective_from) })}
                  >
                    {t('costs.model.remove')}
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      )}
      <ProblemAlert error={remove.error} />
    </section>
  );
}
