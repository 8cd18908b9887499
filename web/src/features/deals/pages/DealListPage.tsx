import { useState } from 'react';
import { Badge, Button, Card, Input, Segmented, Select, Space, Spin, Table, Typography } from 'antd';
import { AppstoreOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/auth';
import { access } from '../../../app/access';
import { useRemote } from '../../../app/useRemote';
import { fmtDate, fmtDateTime, fmtFen } from '../../../app/format';
import { StateTag } from '../../../components/StateTag';
import { useUserNames } from '../../users/useUserNames';
import { DEAL_STEPS } from '../../tasks/api';
import { DEAL_END_STATES, listDeals, type DealSummary } from '../api';

const ALL_DEAL_STATES: readonly string[] = [...DEAL_STEPS, ...DEAL_END_STATES];
const KANBAN_PAGE = 20;

export default function DealListPage() {
  const { t } = useI18n();
  const user = useUser();
  const can = access(user.roles);
  const navigate = useNavigate();
  const [view, setView] = useState<'list' | 'kanban'>(can.dealsKanbanByDefault ? 'kanban' : 'list');

  return (
    <Card
      title={t('deal.list')}
      extra={
        <Space>
          <Segmented
            value={view}
            onChange={(v) => setView(v as 'list' | 'kanban')}
            options={[
              { value: 'list', label: t('common.listView'), icon: <UnorderedListOutlined /> },
              { value: 'kanban', label: t('common.kanbanView'), icon: <AppstoreOutlined /> },
            ]}
            data-testid="deal-view"
          />
          {can.createDeal && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/deals/new')} data-testid="deal-new">
              {t('deal.new')}
            </Button>
          )}
        </Space>
      }
    >
      {view === 'list' ? <DealTable /> : <DealKanban />}
    </Card>
  );
}

function DealTable() {
  const { t, ts } = useI18n();
  const navigate = useNavigate();
  const nameOf = useUserNames();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [state, setState] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const list = useRemote(() => listDeals({ q: search || undefined, state, page, pageSize }), [search, state, page, pageSize]);

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('deal.searchPlaceholder')}
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
        />
        <Select
          allowClear
          placeholder={t('common.filterState')}
          style={{ width: 200 }}
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          options={ALL_DEAL_STATES.map((s) => ({ value: s, label: ts(s) }))}
        />
      </Space>
      <Table<DealSummary>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        onRow={(d) => ({ onClick: () => navigate(`/deals/${d.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? list.data?.items.length ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={[
          {
            title: t('deal.number'),
            dataIndex: 'number',
            render: (v: string | null, d) => (
              <Link to={`/deals/${d.id}`} onClick={(e) => e.stopPropagation()}>
                {v ?? d.id}
              </Link>
            ),
          },
          { title: t('common.customer'), dataIndex: 'customerName', render: (v?: string | null) => v ?? '—' },
          { title: t('common.state'), dataIndex: 'state', render: (v: string) => <StateTag state={v} /> },
          { title: t('deal.owner'), dataIndex: 'ownerId', render: (v?: string | null) => nameOf(v) },
          { title: t('nego.amountFen'), dataIndex: 'amountFen', responsive: ['lg'], render: (v?: number | null) => (v == null ? '—' : fmtFen(v)) },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: (v: string) => fmtDateTime(v) },
        ]}
      />
    </>
  );
}

function KanbanColumn({ state }: { state: string }) {
  const { t, ts } = useI18n();
  const navigate = useNavigate();
  const list = useRemote(() => listDeals({ state, pageSize: KANBAN_PAGE }), [state]);
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? items.length;
  return (
    <div style={{ minWidth: 220, width: 220, background: '#f5f5f5', borderRadius: 8, padding: 8 }} data-testid={`kanban-${state}`}>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Text strong>{ts(state)}</Typography.Text>
        <Badge count={total} showZero color={total ? '#1677ff' : '#bfbfbf'} />
      </div>
      {list.loading && <Spin size="small" />}
      {items.map((d) => (
        <Card key={d.id} size="small" hoverable style={{ marginBottom: 8 }} onClick={() => navigate(`/deals/${d.id}`)}>
          <div style={{ fontWeight: 500 }}>{d.customerName ?? '—'}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {d.number ?? d.id} · {fmtDate(d.createdAt)}
          </Typography.Text>
        </Card>
      ))}
      {total > items.length && <Typography.Text type="secondary">{t('deal.kanbanMore', { n: total - items.length })}</Typography.Text>}
    </div>
  );
}

function DealKanban() {
  return (
    <div style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBottom: 8 }} data-testid="deal-kanban">
      {ALL_DEAL_STATES.map((s) => (
        <KanbanColumn key={s} state={s} />
      ))}
    </div>
  );
}
