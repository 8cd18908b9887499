// The columns a reward or penalty shows wherever records are listed (the list, a person's record page).
import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { Translate } from '../../../app/i18n';
import { fmtDateTime, fmtFen } from '../../../app/format';
import type { ListColumn, ListFilter } from '../../../components/ListPage';
import type { Review } from '../api';

/** a person's or partner company's record page */
export const recordPagePath = (s: { userId: string | null; partnerId: string | null }) =>
  (s.userId ? `/reviews/user/${encodeURIComponent(s.userId)}` : `/reviews/partner/${encodeURIComponent(s.partnerId ?? '')}`);

export const reviewColumns = (t: Translate): ListColumn<Review>[] => [
  { key: 'kind', title: t('reviews.kind'), dataIndex: 'kind', render: (k: Review['kind']) => <Tag color={k === 'reward' ? 'green' : 'red'}>{t(`reviews.kind.${k}`)}</Tag> },
  { key: 'points', title: t('reviews.points'), dataIndex: 'points', render: (v: number | null) => v ?? '—' },
  { key: 'amount', title: t('reviews.amount'), dataIndex: 'amountFen', render: (v: number | null) => fmtFen(v) },
  { key: 'reason', title: t('mgmt.reason'), dataIndex: 'reason', ellipsis: true },
  { key: 'case', title: t('reviews.case'), render: (_, r) => (r.caseId ? <Link to={`/cases/${encodeURIComponent(r.caseId)}`}>{r.caseNumber ?? t('reviews.openCase')}</Link> : '—') },
  { key: 'author', title: t('reviews.author'), dataIndex: 'authorName', render: (v: string | null) => v ?? '—' },
  { key: 'at', title: t('reviews.at'), dataIndex: 'createdAt', render: (v: string) => fmtDateTime(v) },
];

/** the kind and month filters every list of records has */
export const reviewFilters = (t: Translate, testIds: { kind: string; month: string }): ListFilter[] => [
  { kind: 'select', key: 'kind', placeholder: t('reviews.allKinds'), width: 120, testId: testIds.kind, options: [{ value: 'reward', label: t('reviews.kind.reward') }, { value: 'penalty', label: t('reviews.kind.penalty') }] },
  { kind: 'month', key: 'month', placeholder: t('reviews.allMonths'), testId: testIds.month },
];
