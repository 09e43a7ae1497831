// One user's portfolio, as a manager reads it from the manager's view.
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/Page';
import { useUser } from '../identity/api';
import { PortfolioList } from './PortfolioList';

export function UserPortfolioPage() {
  const { t } = useTranslation();
  const { userId = '' } = useParams();
  const user = useUser(userId);
  const name = user.data?.display_name ?? '';
  return (
    <section>
      <PageHeader
        title={name ? t('portfolios.userTitle', { name }) : t('portfolios.mineTitle')}
        actions={
          <Link className="button" to="/portfolios">
            {t('portfolios.backToOverview')}
          </Link>
        }
      />
      <PortfolioList owner={userId} emptyKey="portfolios.emptyUser" />
    </section>
  );
}
