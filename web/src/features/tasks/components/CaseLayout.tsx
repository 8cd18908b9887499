// The one case page layout (deals and tickets): a header with number, customer, state and
// owner; the open tasks with their forms; documents; the process timeline; files; the thread
// (comments and the history in one time order).
import type { ReactNode } from 'react';
import { Button, Card, Col, Descriptions, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import type { QueryKey, UseQueryResult } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/auth';
import { useCapabilities } from '../../../app/access';
import { ApiError } from '../../../app/api';
import { fmtDateTime } from '../../../app/format';
import { NotFoundState } from '../../../components/EmptyState';
import { StateTag } from '../../../components/StateTag';
import { DocumentList } from '../../documents/components/DocumentList';
import { useUserNames } from '../../users/useUserNames';
import type { Customer } from '../../customers/api';
import type { CaseView } from '../queries';
import type { Task } from '../api';
import type { HistoryRow } from './HistoryList';
import { CaseActivity } from '../../chatter/components/CaseActivity';
import { CaseFiles } from '../../chatter/components/CaseFiles';
import { TaskPanel, type TaskExtras } from './TaskPanel';
import { TaskTimeline } from './TaskTimeline';

export interface CaseLayoutData extends CaseView {
  number?: string | null;
  customerId: string;
  customerName?: string | null;
  customer?: Customer | null;
  ownerId?: string | null;
  createdAt: string;
  history?: HistoryRow[];
  /** the process version the case runs on (it finishes on it, whatever is published later) */
  definitionVersion?: number | null;
}

export interface CaseDetail {
  label: string;
  value: ReactNode;
}

interface Props<C extends CaseLayoutData> {
  query: UseQueryResult<C>;
  caseKey: QueryKey;
  /** `deal` or `ticket`: names the number's test id and the start of the timeline */
  type: 'deal' | 'ticket';
  /** what the page adds to a task's form (by the step's kind) */
  extras?: (task: Task, c: C) => TaskExtras | undefined;
  /** tags after the number (kind, overdue…) */
  tags?: (c: C) => ReactNode;
  /** header lines after customer, contact and owner */
  details?: (c: C) => (CaseDetail | false | null | undefined)[];
  /** under the header's lines (problem text, alerts…) */
  headerBelow?: (c: C) => ReactNode;
  /** cards between the open tasks and the documents (negotiation log…) */
  panels?: (c: C) => ReactNode;
}

export function CaseLayout<C extends CaseLayoutData>({ query, caseKey, type, extras, tags, details, headerBelow, panels }: Props<C>) {
  const { t } = useI18n();
  const user = useUser();
  const can = useCapabilities();
  const nameOf = useUserNames();

  if (query.isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (!query.data) {
    if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundState />;
    return (
      <Result
        status="error"
        title={t('common.loadFailed')}
        extra={<Button onClick={() => query.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  const c = query.data;
  const tasks = c.tasks ?? [];
  const open = tasks.filter((x) => x.status === 'open');
  const customer = c.customer ? (can.viewCustomer ? <Link to={`/customers/${c.customerId}`}>{c.customer.name}</Link> : c.customer.name) : (c.customerName ?? '—');
  const lines: CaseDetail[] = [
    { label: t('common.customer'), value: customer },
    { label: t('customer.contactPerson'), value: c.customer ? `${c.customer.contactPerson} ${c.customer.phone}` : '—' },
    ...(c.ownerId !== undefined ? [{ label: t('deal.owner'), value: nameOf(c.ownerId) }] : []),
    { label: t('common.createdAt'), value: fmtDateTime(c.createdAt) },
    ...(details?.(c) ?? []).filter((d): d is CaseDetail => !!d),
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="case-page">
      <Card
        title={
          <Space>
            <span data-testid={`${type}-number`}>{c.number ?? c.id}</span>
            {tags?.(c)}
            <StateTag state={c.state} />
            {c.definitionVersion != null && <Tag data-testid="case-version">{t('pe.caseVersion', { version: c.definitionVersion })}</Tag>}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" items={lines.map((d, i) => ({ key: i, label: d.label, children: d.value }))} />
        {headerBelow?.(c)}
      </Card>

      <Row gutter={[24, 24]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            {open.length === 0 ? (
              <Card>
                <Typography.Text type="secondary">{t('deal.finished')}</Typography.Text>
              </Card>
            ) : (
              open.map((task) => <TaskPanel key={task.id} task={task} caseData={c} caseKey={caseKey} extras={extras?.(task, c)} />)
            )}
            {panels?.(c)}
            <Card title={t('deal.documents')}>
              <DocumentList documents={c.documents ?? []} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Card title={t('deal.timeline')}>
              <TaskTimeline tasks={tasks} startLabel={t(`${type}.created`)} startAt={c.createdAt} />
            </Card>
            <Card title={t('files.title')}>
              <CaseFiles caseId={c.id} />
            </Card>
            <Card title={t('chatter.title')}>
              <CaseActivity caseId={c.id} history={c.history ?? []} caseKey={caseKey} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
