// Moving a portfolio (all of it when someone leaves, or the chosen records) from one owner to
// another: pick the new owner among the active users, confirm; the server moves the records in
// one transaction and logs it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { ProblemAlert } from '../../ui/Alert';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { SelectField } from '../../ui/fields';
import { useReassign } from './api';
import type { PortfolioReassignmentResult } from './types';

export interface ReassignSource {
  user_id: string;
  display_name: string;
  /** How many records move. */
  count: number;
  /** Only these records; absent: the whole portfolio. */
  records?: { type: 'company' | 'person'; id: string }[];
}

export function ReassignDialog({
  from,
  users,
  onClose,
  onDone,
}: {
  from: ReassignSource | null;
  users: User[];
  onClose: () => void;
  onDone: (result: PortfolioReassignmentResult) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const reassign = useReassign();
  const [target, setTarget] = useState('');
  const targets = users.filter((u) => u.active && u.id !== from?.user_id);
  const close = () => {
    setTarget('');
    reassign.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={from !== null}
      title={t('portfolios.reassignTitle', { name: from?.display_name ?? '' })}
      confirmLabel={t('portfolios.reassignConfirm', fmt.count(from?.count ?? 0))}
      busy={reassign.isPending}
      confirmDisabled={!target}
      onCancel={close}
      onConfirm={() => {
        if (!from || !target) return;
        reassign.mutate(
          { from_user_id: from.user_id, to_user_id: target, records: from.records },
          {
            onSuccess: (result) => {
              setTarget('');
              onDone(result);
            },
          },
        );
      }}
    >
      <p>{t('portfolios.reassignExplain', fmt.count(from?.count ?? 0))}</p>
      <SelectField
        label={t('portfolios.newOwner')}
        name="to_user_id"
        value={target}
        onChange={(e) => setTarget(e.target.value)}
        options={[
          { value: '', label: t('portfolios.chooseOwner') },
          ...targets.map((u) => ({ value: u.id, label: u.display_name })),
        ]}
      />
      {reassign.isError ? <ProblemAlert error={reassign.error} /> : null}
    </ConfirmDialog>
  );
}
