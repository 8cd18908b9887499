import { Button, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/auth';
import { useCapabilities } from '../../../app/access';
import { fmtDateTime } from '../../../app/format';
import { flatParams, ListPage, type ListColumn } from '../../../components/ListPage';
import { StateTag } from '../../../components/StateTag';
import { endStatesOf, stepsOf, useProcess } from '../../process/queries';
import { listTickets, type TicketSummary } from '../api';

export default function TicketListPage() {
  const { t, ts, tk } = useI18n();
  const user = useUser();
  const can = useCapabilities();
  const navigate = useNavigate();
  const def = useProcess().data;
  const states = [...stepsOf(def, 'ticket'), ...endStatesOf(def, 'ticket')];
  const columns: ListColumn<TicketSummary>[] = [
    {
      key: 'number',
      title: t('ticket.number'),
      dataIndex: 'number',
      render: (v: string | null, x) => (
        <Link to={`/tickets/${x.id}`} onClick={(e) => e.stopPropagation()}>
          {v ?? x.id}
        </Link>
      ),
    },
    { key: 'customer', title: t('common.customer'), dataIndex: 'customerName', render: (v?: string | null) => v ?? '—' },
    { key: 'kind', title: t('ticket.kind'), dataIndex: 'kind', render: (v: string) => <Tag color={v === 'complaint' ? 'volcano' : 'blue'}>{tk('ticket.kind', v)}</Tag> },
    { key: 'problem', title: t('ticket.problem'), dataIndex: 'problem', ellipsis: true, responsive: ['lg'] },
    { key: 'state', title: t('common.state'), dataIndex: 'state', render: (v: string) => <StateTag state={v} /> },
    {
      key: 'dueAt',
      title: t('ticket.dueAt'),
      dataIndex: 'dueAt',
      sort: { ascend: 'due_asc' },
      render: (v: string | null, x) => (
        <Space size={4}>
          {fmtDateTime(v)}
          {x.overdue && x.state !== 'closed' && <Tag color="red">{t('inbox.overdue')}</Tag>}
        </Space>
      ),
    },
    { key: 'createdAt', title: t('common.createdAt'), dataIndex: 'createdAt', responsive: ['xl'], sort: { descend: 'created_desc' }, render: (v: string) => fmtDateTime(v) },
  ];

  return (
    <ListPage<TicketSummary>
      name="tickets"
      title={t('ticket.list')}
      extra={
        can.createTicket && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/tickets/new')} data-testid="ticket-new">
            {t('ticket.console')}
          </Button>
        )
      }
      fetch={(p) => listTickets(flatParams(p))}
      columns={columns}
      defaultSort="created_desc"
      filters={[
        { kind: 'search', key: 'q', placeholder: t('ticket.searchPlaceholder') },
        { kind: 'select', key: 'state', placeholder: t('common.filterState'), options: states.map((s) => ({ value: s, label: ts(s) })) },
        { kind: 'select', key: 'kind', placeholder: t('ticket.kind'), width: 140, options: ['inquiry', 'complaint'].map((k) => ({ value: k, label: tk('ticket.kind', k) })) },
      ]}
      rowHref={(x) => `/tickets/${x.id}`}
    />
  );
}
