// For a buyer's partner user (GET /me has partner_company_id): one line at the top of every page
// saying whom they work for and what they see. The buyer's record shares the record page's cache.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Trans, useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { CustomerRecord } from '../features/customers/types';
import { Icon } from '../ui/icons';

type BuyerRecord = Pick<CustomerRecord, 'id' | 'fields'>;

export function PartnerBanner({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const buyer = useQuery({
    queryKey: ['records', 'company', 'one', companyId],
    queryFn: ({ signal }) => api.get<BuyerRecord>(`/companies/${encodeURIComponent(companyId)}`, { signal }),
    staleTime: 5 * 60_000,
  });
  const f = buyer.data?.fields ?? {};
  const legal = typeof f.legal_name === 'string' ? f.legal_name : '';
  const trade = typeof f.trade_name === 'string' ? f.trade_name : '';
  // As recordName() writes a company's name (not imported: the shell stays small).
  const name = legal && trade && trade !== legal ? `${trade} (${legal})` : legal || trade || `#${companyId}`;
  return (
    <aside className="partner-banner" aria-label={t('partner.bannerLabel')} data-buyer-id={companyId}>
      <Icon name="building" size={18} />
      <p>
        <Trans
          i18nKey="partner.banner"
          values={{ name }}
          components={{ buyer: <Link to={`/companies/${encodeURIComponent(companyId)}`} /> }}
        />
      </p>
    </aside>
  );
}
