import { useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/auth';
import { access } from '../../../app/access';
import { useRemote } from '../../../app/useRemote';
import { fmtDateTime } from '../../../app/format';
import { StateTag } from '../../../components/StateTag';
import { TICKET_STEPS } from '../../tasks/api';
import { listTickets, type TicketSummary } from '../api';

const TICKET_STATES: readonly string[] = [...TICKET_STEPS, 'closed'];

export default function TicketListPage() {
  const { t, ts, tk } = useI18n();
  const user = useUser();
  const can = access(user.roles);
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [state, setState] = useState<string | undefined>();
  const [kind, setKind] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const list = useRemote(() => listTickets({ q: search || undefined, state, kind, page, pageSize }), [search, state, kind, page, pageSize]);

  return (
    <Card
      title={t('ticket.list')}
      extra={
        can.createTicket && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/tickets/new')} data-testid="ticket-new">
            {t('ticket.console')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('ticket.searchPlaceholder')}
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
          options={TICKET_STATES.map((s) => ({ value: s, label: ts(s) }))}
        />
        <Select
          allowClear
          placeholder={t('ticket.kind')}
          style={{ width: 140 }}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          options={['inquiry', 'complaint'].map((k) => ({ value: k, label: tk('ticket.kind', k) }))}
        />
      </Space>
      <Table<TicketSummary>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        onRow={(x) => ({ onClick: () => navigate(`/tickets/${x.id}`), style: { cursor: 'pointer' } })}
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
            title: t('ticket.number'),
            dataIndex: 'number',
            render: (v: string | null, x) => (
              <Link to={`/tickets/${x.id}`} onClick={(e) => e.stopPropagation()}>
                {v ?? x.id}
              </Link>
            ),
          },
          { title: t('common.customer'), dataIndex: 'customerName', render: (v?: string | null) => v ?? '—' },
          { title: t('ticket.kind'), dataIndex: 'kind', render: (v: string) => <Tag color={v === 'complaint' ? 'volcano' : 'blue'}>{tk('ticket.kind', v)}</Tag> },
          { title: t('ticket.problem'), dataIndex: 'problem', ellipsis: true, responsive: ['lg'] },
          { title: t('common.state'), dataIndex: 'state', render: (v: string) => <StateTag state={v} /> },
          {
            title: t('ticket.dueAt'),
            dataIndex: 'dueAt',
            render: (v: string | null, x) => (
              <Space size={4}>
                {fmtDateTime(v)}
                {x.overdue && x.state !== 'closed' && <Tag color="red">{t('inbox.overdue')}</Tag>}
              </Space>
            ),
          },
          { title: t('common.createdAt'), dataIndex: 'createdAt', responsive: ['xl'], render: (v: string) => fmtDateTime(v) },
        ]}
      />
    </Card>
  );
}
