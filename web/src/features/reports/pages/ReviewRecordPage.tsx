// A person's (or partner company's) record page (奖惩档案, issue 13): the name, the totals and every record,
// newest first, with links to the cases. The person reads their own; their manager and the GM theirs.
// The name and totals come with the page of records: the server's sums over what the filters (kind,
// month) leave.
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { fmtFen } from '../../../app/format';
import { flatParams, ListPage } from '../../../components/ListPage';
import { listReviews, type Review, type Reviews } from '../api';
import { reviewColumns, reviewFilters } from '../components/reviewColumns';

export default function ReviewRecordPage() {
  const { t } = useI18n();
  const { kind = 'user', id = '' } = useParams();
  const subject = kind === 'partner' ? { partnerId: id } : { userId: id };
  const summary = (reply: Reviews | undefined, loading: boolean) => (
    <>
      <Card size="small">
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="review-record-name">
          {t('reviews.recordPage', { name: reply?.subject?.name ?? '' })}
        </Typography.Title>
      </Card>
      <Row gutter={[16, 16]} data-testid="review-totals">
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('reviews.count')} value={reply?.total ?? 0} loading={loading} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('reviews.totalPoints')} value={reply?.totals.points ?? 0} loading={loading} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('reviews.totalRewards')} value={fmtFen(reply?.totals.rewardsFen ?? 0)} valueStyle={{ color: '#389e0d' }} loading={loading} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('reviews.totalPenalties')} value={fmtFen(reply?.totals.penaltiesFen ?? 0)} valueStyle={{ color: '#cf1322' }} loading={loading} /></Card></Col>
      </Row>
    </>
  );
  return (
    <ListPage<Review>
      name={`review-record-${kind}-${id}`}
      fetch={(p) => listReviews({ ...flatParams(p), ...subject })}
      summary={(reply, loading) => summary(reply as Reviews | undefined, loading)}
      tableTestId="review-record"
      size="small"
      filters={reviewFilters(t, { kind: 'review-record-kind', month: 'review-record-month' })}
      columns={reviewColumns(t)}
    />
  );
}
