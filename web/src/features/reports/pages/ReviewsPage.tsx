// 奖惩记录 (issue 13): every reward and penalty the reader may read — searched by person, reason or
// case number, filtered by kind and month and paged by the server; managers record new ones (登记奖惩).
import { Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n';
import { useCapabilities } from '../../../app/access';
import { flatParams, ListPage } from '../../../components/ListPage';
import { listReviews, type Review } from '../api';
import { RecordReviewButton } from '../components/RecordReviewButton';
import { reviewColumns, reviewFilters, recordPagePath } from '../components/reviewColumns';

export default function ReviewsPage() {
  const { t } = useI18n();
  const can = useCapabilities();
  const qc = useQueryClient();
  return (
    <ListPage<Review>
      name="reviews"
      title={t('reviews.title')}
      extra={can.recordReview && <RecordReviewButton onSaved={() => qc.invalidateQueries({ queryKey: ['list', 'reviews'] })} />}
      fetch={(p) => listReviews(flatParams(p))}
      tableTestId="reviews-table"
      size="small"
      filters={[
        { kind: 'search', key: 'q', placeholder: t('reviews.searchPerson'), testId: 'reviews-search' },
        ...reviewFilters(t, { kind: 'reviews-kind', month: 'reviews-month' }),
      ]}
      columns={[
        {
          key: 'subject',
          title: t('reviews.subject'),
          render: (_, r) => <Space><Link to={recordPagePath(r)} data-testid="review-subject-link">{r.subjectName}</Link>{r.partnerId && <Tag>{t('mgmt.partner')}</Tag>}</Space>,
        },
        ...reviewColumns(t),
      ]}
    />
  );
}
