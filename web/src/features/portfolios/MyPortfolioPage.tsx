// "My portfolio": the account manager's daily tool, the customers I own, the most neglected first.
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/Page';
import { PortfolioList } from './PortfolioList';

export function MyPortfolioPage() {
  const { t } = useTranslation();
  return (
    <section>
      <PageHeader title={t('portfolios.mineTitle')} description={t('portfolios.mineSubtitle')} />
      <PortfolioList emptyKey="portfolios.emptyMine" />
    </section>
  );
}
