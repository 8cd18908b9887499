// A person's (or partner company's) record page (奖惩档案, issue 13): the name, the totals and every record,
// newest first, with links to the cases. The person reads their own; their manager and the GM theirs.
// The totals are the server's sums over the records the filters (kind, month) leave.
import { Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n';
import { fmtFen } from '../../../app/format';
import { flatParams, ListPage } from '../../../components/ListPage';
import { listReviews, type Review } from '../api';
import { reviewColumns } from '../components/reviewColumns';

export default function ReviewRecordPage() {
  const { t } = useI18n();
  const { kind = 'user', id = '' } = useParams();
  const [sp] = useSearchParams();
  const subject = kind === 'partner' ? { partnerId: id } : { userId: id };
  const filters = { kind: sp.get('kind') ?? undefined, month: sp.get('month') ?? undefined };
  const summary = useQuery({ queryKey: ['list', 'review-record', 'summary', kind, id, filters], queryFn: () => listReviews({ ...subject, ...filters, pageSize: 1 }) });
  const totals = summary.data?.totals;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card size="small">
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="review-record-name">
          {t('reviews.recordPage', { name: summary.data?.subject?.name ?? '' })}
        </Typography.Title>
      </Card>
      <Row gutter={[16, 16]} data-testid="review-totals">
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('reviews.count')} value={summary.data?.total ?? 0} loading={summary.isLoading} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('reviews.totalPoints')} value={totals?.points ?? 0} loading={summary.isLoading} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('reviews.totalRewards')} value={fmtFen(totals?.rewardsFen ?? 0)} valueStyle={{ color: '#389e0d' }} loading={summary.isLoading} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('reviews.totalPenalties')} value={fmtFen(totals?.penaltiesFen ?? 0)} valueStyle={{ color: '#cf1322' }} loading={summary.isLoading} /></Card></Col>
      </Row>
      <ListPage<Review>
        name={`review-record-${kind}-${id}`}
        fetch={(p) => listReviews({ ...flatParams(p), ...subject })}
        tableTestId="review-record"
        size="small"
        filters={[
          { kind: 'select', key: 'kind', placeholder: t('reviews.allKinds'), width: 120, testId: 'review-record-kind', options: [{ value: 'reward', label: t('reviews.kind.reward') }, { value: 'penalty', label: t('reviews.kind.penalty') }] },
          { kind: 'month', key: 'month', placeholder: t('reviews.allMonths'), testId: 'review-record-month' },
        ]}
        columns={reviewColumns(t)}
      />
    </Space>
  );
}
