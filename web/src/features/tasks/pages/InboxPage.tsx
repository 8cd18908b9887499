import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { compareIso, fmtDateTime, fmtHours, shortId } from '../../../app/format';
import { ALL_STEPS, casePath, fetchMyOpenTasks, type Task, type TaskQuery } from '../api';

const REFRESH_MS = 60_000;

export default function InboxPage() {
  const { t, tk } = useI18n();
  const navigate = useNavigate();
  const [tasks, setTasks] = useState<Task[]>([]);
  const [total, setTotal] = useState<number | undefined>();
  const [loading, setLoading] = useState(true);
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [step, setStep] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [sort, setSort] = useState<TaskQuery['sort']>('due_asc');

  const load = useCallback(() => {
    setLoading(true);
    fetchMyOpenTasks({ page, pageSize, step, q: search || undefined, sort })
      .then((r) => {
        setTasks(Array.isArray(r?.items) ? r.items : []);
        setTotal(typeof r?.total === 'number' ? r.total : undefined);
      })
      .catch(() => undefined)
      .finally(() => setLoading(false));
  }, [page, pageSize, step, search, sort]);

  useEffect(() => {
    load();
    const timer = window.setInterval(load, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  // the server pages when it answers with `total`; otherwise all items came and we filter here
  const remote = total !== undefined;
  const shown = useMemo(() => {
    if (remote) return tasks;
    const needle = search.trim().toLowerCase();
    const rows = tasks.filter((task) => {
      if (step && task.step !== step) return false;
      if (!needle) return true;
      const hay = [task.customerName, task.caseNumber, task.caseId, tk('step', task.step)].filter(Boolean).join(' ').toLowerCase();
      return hay.includes(needle);
    });
    return rows.sort((a, b) => (sort === 'due_desc' ? -1 : 1) * compareIso(a.dueAt, b.dueAt));
  }, [remote, tasks, search, step, sort, tk]);

  const stepOptions = ALL_STEPS.map((s) => ({ value: s, label: tk('step', s) }));

  const columns: ColumnsType<Task> = [
    {
      title: t('inbox.step'),
      dataIndex: 'step',
      key: 'step',
      render: (s: string) => <Typography.Text strong>{tk('step', s)}</Typography.Text>,
    },
    {
      title: t('inbox.case'),
      key: 'case',
      render: (_, task) => (
        <Space size={4}>
          <Tag>{tk('caseType', task.caseType)}</Tag>
          <Link to={casePath(task.caseType, task.caseId)} onClick={(e) => e.stopPropagation()}>
            {task.caseNumber ?? shortId(task.caseId)}
          </Link>
        </Space>
      ),
    },
    {
      title: t('inbox.customer'),
      dataIndex: 'customerName',
      key: 'customerName',
      render: (v: string | null | undefined) => v ?? '—',
    },
    {
      title: t('inbox.assignee'),
      dataIndex: 'assigneeRole',
      key: 'assigneeRole',
      responsive: ['lg'],
      render: (r: string) => tk('role', r),
    },
    {
      title: t('inbox.dueAt'),
      dataIndex: 'dueAt',
      key: 'dueAt',
      sortOrder: sort === 'due_desc' ? 'descend' : sort === 'due_asc' ? 'ascend' : null,
      sorter: true,
      sortDirections: ['ascend', 'descend'],
      render: (_, task) => (
        <Space size={4}>
          <span data-testid="task-due">{fmtDateTime(task.dueAt)}</span>
          {task.overdue && <Tag color="red">{t('inbox.overdue')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('inbox.remaining'),
      dataIndex: 'remainingWorkingHours',
      key: 'remaining',
      render: (h: number | null | undefined, task) =>
        typeof h === 'number' ? (
          <Typography.Text type={task.overdue || h <= 0 ? 'danger' : h < 4 ? 'warning' : undefined}>
            {h < 0 ? t('inbox.overdueBy', { h: fmtHours(-h) }) : t('inbox.remainingValue', { h: fmtHours(h) })}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      title: t('inbox.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      responsive: ['xl'],
      render: (v: string) => fmtDateTime(v),
    },
  ];

  return (
    <Card
      title={t('inbox.title')}
      extra={
        <Button icon={<ReloadOutlined />} onClick={load}>
          {t('common.refresh')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('inbox.searchPlaceholder')}
          style={{ width: 280 }}
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            if (!e.target.value) {
              setSearch('');
              setPage(1);
            }
          }}
          onSearch={(v) => {
            setSearch(v.trim());
            setPage(1);
          }}
          data-testid="inbox-search"
        />
        <Select
          allowClear
          placeholder={t('common.filterStep')}
          style={{ width: 200 }}
          value={step}
          onChange={(v) => {
            setStep(v);
            setPage(1);
          }}
          options={stepOptions}
          data-testid="inbox-step-filter"
        />
      </Space>
      <Table<Task>
        data-testid="inbox-table"
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={shown}
        locale={{ emptyText: t('inbox.empty') }}
        rowClassName={(task) => (task.overdue ? 'fy-row-overdue' : '')}
        onRow={(task) => ({
          onClick: () => navigate(casePath(task.caseType, task.caseId)),
          style: { cursor: 'pointer' },
        })}
        onChange={(pg, _filters, sorter) => {
          const sr = Array.isArray(sorter) ? sorter[0] : sorter;
          if (sr && sr.columnKey === 'dueAt') setSort(sr.order === 'descend' ? 'due_desc' : 'due_asc');
          if (remote) {
            setPage(pg.current ?? 1);
            setPageSize(pg.pageSize ?? 10);
          }
        }}
        pagination={
          remote
            ? { current: page, pageSize, total, showSizeChanger: true, showTotal: (n) => t('common.total', { n }) }
            : { defaultPageSize: 10, showSizeChanger: true, showTotal: (n) => t('common.total', { n }) }
        }
      />
    </Card>
  );
}
