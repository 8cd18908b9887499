// 奖惩记录 (issue 13): every reward and penalty the reader may read — search by person, filter by kind and
// month, paged here (the API answers every readable record); managers record new ones (登记奖惩).
import { useMemo, useState } from 'react';
import { Card, DatePicker, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n';
import { useCapabilities } from '../../../app/access';
import { listReviews, type Review } from '../api';
import { RecordReviewButton } from '../components/RecordReviewButton';
import { reviewColumns, recordPagePath } from '../components/reviewColumns';

export default function ReviewsPage() {
  const { t } = useI18n();
  const can = useCapabilities();
  const qc = useQueryClient();
  const [month, setMonth] = useState<Dayjs | null>(null);
  const [kind, setKind] = useState<'reward' | 'penalty' | undefined>();
  const [person, setPerson] = useState('');
  const monthKey = month?.format('YYYY-MM');
  const reviews = useQuery({ queryKey: ['reviews', 'all', monthKey ?? 'any'], queryFn: () => listReviews({ month: monthKey }) });
  const rows = useMemo(() => {
    const q = person.trim().toLowerCase();
    return (reviews.data?.items ?? []).filter((r) => (!kind || r.kind === kind) && (!q || r.subjectName.toLowerCase().includes(q)));
  }, [reviews.data, kind, person]);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>{t('reviews.title')}</Typography.Title>
          <Input.Search allowClear placeholder={t('reviews.searchPerson')} value={person} onChange={(e) => setPerson(e.target.value)} style={{ width: 200 }} data-testid="reviews-search" />
          <Select allowClear placeholder={t('reviews.allKinds')} value={kind} onChange={setKind} style={{ width: 120 }} data-testid="reviews-kind"
            options={[{ value: 'reward', label: t('reviews.kind.reward') }, { value: 'penalty', label: t('reviews.kind.penalty') }]} />
          <DatePicker picker="month" allowClear placeholder={t('reviews.allMonths')} value={month} onChange={setMonth} data-testid="reviews-month" />
          {can.recordReview && <RecordReviewButton onSaved={() => qc.invalidateQueries({ queryKey: ['reviews'] })} />}
        </Space>
      </Card>
      <Table<Review>
        size="small" data-testid="reviews-table" rowKey="id" loading={reviews.isLoading} dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('reviews.total', { n }) }}
        columns={[
          {
            title: t('reviews.subject'),
            render: (_, r) => <Space><Link to={recordPagePath(r)} data-testid="review-subject-link">{r.subjectName}</Link>{r.partnerId && <Tag>{t('mgmt.partner')}</Tag>}</Space>,
          },
          ...reviewColumns(t),
        ]}
      />
    </Space>
  );
}
