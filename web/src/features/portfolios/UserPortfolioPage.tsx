// One user's portfolio, as a manager reads it from the manager's view; an admin may choose some
// of its records and give them to another owner.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { atLeast } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { useFormat } from '../../i18n/format';
import { PageHeader } from '../../ui/Page';
import { useAllUsers, useUser } from '../identity/api';
import { PortfolioList, type RecordKey } from './PortfolioList';
import { ReassignDialog, type ReassignSource } from './ReassignDialog';
import type { PortfolioReassignmentResult } from './types';

export function UserPortfolioPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useSession();
  const { userId = '' } = useParams();
  const user = useUser(userId);
  const users = useAllUsers();
  const name = user.data?.display_name ?? '';
  const canReassign = atLeast(me.role, 'admin');
  const [chosen, setChosen] = useState<Map<string, RecordKey>>(new Map());
  const [moving, setMoving] = useState<ReassignSource | null>(null);
  const [done, setDone] = useState<PortfolioReassignmentResult | null>(null);
  const nameOf = (id: string) => users.data?.find((u) => u.id === id)?.display_name ?? id;
  return (
    <section>
      <PageHeader
        title={name ? t('portfolios.userTitle', { name }) : t('portfolios.mineTitle')}
        actions={
          <>
            {canReassign ? (
              <button
                type="button"
                className="button"
                disabled={chosen.size === 0}
                onClick={() => {
                  setDone(null);
                  setMoving({ user_id: userId, display_name: name, count: chosen.size, records: [...chosen.values()] });
                }}
              >
                {t('portfolios.reassignChosen', fmt.count(chosen.size))}
              </button>
            ) : null}
            <Link className="button" to="/portfolios">
              {t('portfolios.backToOverview')}
            </Link>
          </>
        }
      />
      {done ? (
        <p role="status" className="alert alert-success">
          {t('portfolios.reassigned', { ...fmt.count(done.total), from: nameOf(done.from_user_id), to: nameOf(done.to_user_id) })}
        </p>
      ) : null}
      <PortfolioList
        owner={userId}
        emptyKey="portfolios.emptyUser"
        selection={canReassign ? { chosen, onChange: setChosen } : undefined}
      />
      <ReassignDialog
        from={moving}
        users={users.data ?? []}
        onClose={() => setMoving(null)}
        onDone={(result) => {
          setMoving(null);
          setChosen(new Map());
          setDone(result);
        }}
      />
    </section>
  );
}
