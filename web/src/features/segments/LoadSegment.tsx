// One segment, read by id, for the pages that show or edit it: a spinner while it loads; if it
// cannot be read, the page's heading, the server's message and the way back to the list.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading, ProblemAlert } from '../../ui/Alert';
import { PageHeader } from '../../ui/Page';
import { useSegment, type Segment } from './api';

export function LoadSegment({ id, title, children }: { id: string; title: string; children: (segment: Segment) => ReactNode }) {
  const { t } = useTranslation();
  const segment = useSegment(id);
  if (segment.isPending) return <Loading />;
  if (segment.isError)
    return (
      <section>
        <PageHeader title={title} />
        <ProblemAlert error={segment.error} />
        <Link to="/segments" className="button">
          {t('segments.backToList')}
        </Link>
      </section>
    );
  return children(segment.data);
}
