import { Button, Space, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { fmtDateTime, fmtHours, shortId } from '../../../app/format';
import { flatParams, ListPage, type ListColumn } from '../../../components/ListPage';
import { stepsOf, useProcessText } from '../../process/queries';
import { casePath, fetchMyOpenTasks, type Task, type TaskQuery } from '../api';

const REFRESH_MS = 60_000;

export default function InboxPage() {
  const { t, tk } = useI18n();
  const queryClient = useQueryClient();
  const text = useProcessText();

  const columns: ListColumn<Task>[] = [
    { key: 'step', title: t('inbox.step'), dataIndex: 'step', render: (s: string) => <Typography.Text strong>{text.step(s)}</Typography.Text> },
    {
      key: 'case',
      title: t('inbox.case'),
      render: (_, task) => (
        <Space size={4}>
          <Tag>{tk('caseType', task.caseType)}</Tag>
          <Link to={casePath(task.caseType, task.caseId)} onClick={(e) => e.stopPropagation()}>
            {task.caseNumber ?? shortId(task.caseId)}
          </Link>
        </Space>
      ),
    },
    { key: 'customerName', title: t('inbox.customer'), dataIndex: 'customerName', render: (v: string | null | undefined) => v ?? '—' },
    { key: 'assigneeRole', title: t('inbox.assignee'), dataIndex: 'assigneeRole', responsive: ['lg'], render: (r: string) => text.role(r) },
    {
      key: 'dueAt',
      title: t('inbox.dueAt'),
      dataIndex: 'dueAt',
      sort: { ascend: 'due_asc', descend: 'due_desc' },
      render: (_, task) => (
        <Space size={4}>
          <span data-testid="task-due">{fmtDateTime(task.dueAt)}</span>
          {task.overdue && <Tag color="red">{t('inbox.overdue')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'remaining',
      title: t('inbox.remaining'),
      dataIndex: 'remainingWorkingHours',
      render: (h: number | null | undefined, task) =>
        typeof h === 'number' ? (
          <Typography.Text type={task.overdue || h <= 0 ? 'danger' : h < 4 ? 'warning' : undefined}>
            {h < 0 ? t('inbox.overdueBy', { h: fmtHours(-h) }) : t('inbox.remainingValue', { h: fmtHours(h) })}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    { key: 'createdAt', title: t('inbox.createdAt'), dataIndex: 'createdAt', responsive: ['xl'], sort: { descend: 'created_desc' }, render: (v: string) => fmtDateTime(v) },
  ];

  return (
    <ListPage<Task>
      name="inbox"
      title={t('inbox.title')}
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => queryClient.invalidateQueries({ queryKey: ['list', 'inbox'] })}>
          {t('common.refresh')}
        </Button>
      }
      fetch={(p) => fetchMyOpenTasks({ ...flatParams(p), sort: p.sort as TaskQuery['sort'] })}
      columns={columns}
      defaultSort="due_asc"
      filters={[
        { kind: 'search', key: 'q', placeholder: t('inbox.searchPlaceholder'), testId: 'inbox-search' },
        { kind: 'select', key: 'step', placeholder: t('common.filterStep'), options: stepsOf(text.def).map((s) => ({ value: s, label: text.step(s) })), testId: 'inbox-step-filter' },
      ]}
      rowHref={(task) => casePath(task.caseType, task.caseId)}
      rowClassName={(task) => (task.overdue ? 'fy-row-overdue' : '')}
      tableTestId="inbox-table"
      emptyText={t('inbox.empty')}
      refetchInterval={REFRESH_MS}
    />
  );
}
