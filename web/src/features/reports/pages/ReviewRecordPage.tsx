// A person's (or partner company's) record page (奖惩档案, issue 13): the name, the totals and every record,
// newest first, with links to the cases. The person reads their own; their manager and the GM theirs.
import { Card, Col, Row, Space, Statistic, Table, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n';
import { fmtFen } from '../../../app/format';
import { listReviews, type Review } from '../api';
import { reviewColumns } from '../components/reviewColumns';

export default function ReviewRecordPage() {
  const { t } = useI18n();
  const { kind = 'user', id = '' } = useParams();
  const query = kind === 'partner' ? { partnerId: id } : { userId: id };
  const record = useQuery({ queryKey: ['reviews', kind, id], queryFn: () => listReviews(query) });
  const items = record.data?.items ?? [];
  const sum = (rows: Review[], f: (r: Review) => number | null) => rows.reduce((s, r) => s + (f(r) ?? 0), 0);
  const rewards = items.filter((r) => r.kind === 'reward');
  const penalties = items.filter((r) => r.kind === 'penalty');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card size="small">
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="review-record-name">
          {t('reviews.recordPage', { name: record.data?.subject?.name ?? '' })}
        </Typography.Title>
      </Card>
      <Row gutter={[16, 16]} data-testid="review-totals">
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('reviews.count')} value={items.length} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('reviews.totalPoints')} value={sum(items, (r) => r.points)} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('reviews.totalRewards')} value={fmtFen(sum(rewards, (r) => r.amountFen))} valueStyle={{ color: '#389e0d' }} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('reviews.totalPenalties')} value={fmtFen(sum(penalties, (r) => r.amountFen))} valueStyle={{ color: '#cf1322' }} /></Card></Col>
      </Row>
      <Table<Review>
        size="small" data-testid="review-record" rowKey="id" loading={record.isLoading} dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }} columns={reviewColumns(t)}
      />
    </Space>
  );
}
