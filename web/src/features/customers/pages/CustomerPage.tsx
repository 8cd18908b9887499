import { useState } from 'react';
import { Button, Card, Descriptions, Space, Spin, Table, Tabs, Tag } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/auth';
import { useCapabilities } from '../../../app/access';
import { useQueryClient } from '@tanstack/react-query';
import { fmtDate, fmtDateTime } from '../../../app/format';
import { NotFoundState } from '../../../components/EmptyState';
import { DocumentList } from '../../documents/components/DocumentList';
import { TaskPanel } from '../../tasks/components/TaskPanel';
import { useCaseTasks } from '../../tasks/queries';
import { customerKey, useCustomer } from '../queries';
import { type Asset, type CaseSummary, type CustomerDetail } from '../api';
import { CustomerFormModal } from '../components/CustomerFormModal';
import { TierTag } from '../components/TierTag';
import { revisitTicketExtras } from '../components/RevisitTicket';
import { useProcess } from '../../process/queries';
import { CaseActivity } from '../../chatter/components/CaseActivity';
import { CaseFiles } from '../../chatter/components/CaseFiles';

export default function CustomerPage() {
  const { id = '' } = useParams();
  const { t, tk, ts } = useI18n();
  const user = useUser();
  const can = useCapabilities();
  const def = useProcess().data;
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const queryClient = useQueryClient();
  const customer = useCustomer(id);
  // a customer's own tasks (periodic revisits) come from my task list
  const tasks = useCaseTasks(id);

  if (customer.isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (!customer.data) return <NotFoundState />;
  const c: CustomerDetail = customer.data;
  const openTasks = (tasks.data?.items ?? []).filter((x) => x.caseId === id && x.status === 'open');

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span data-testid="customer-name">{c.name}</span>
            <TierTag tier={c.serviceTier} />
          </Space>
        }
        extra={
          <Space>
            {can.createDeal && (
              <Button icon={<PlusOutlined />} onClick={() => navigate(`/deals/new?customerId=${c.id}`)}>
                {t('customer.newDeal')}
              </Button>
            )}
            {can.createTicket && (
              <Button icon={<PlusOutlined />} onClick={() => navigate(`/tickets/new?customerId=${c.id}`)}>
                {t('customer.openTicket')}
              </Button>
            )}
            {can.editCustomer && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="customer-edit">
                {t('common.edit')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('customer.contactPerson')}>{c.contactPerson}</Descriptions.Item>
          <Descriptions.Item label={t('customer.phone')}>{c.phone}</Descriptions.Item>
          <Descriptions.Item label={t('customer.address')}>{c.address}</Descriptions.Item>
          <Descriptions.Item label={t('customer.serviceTier')}>
            <TierTag tier={c.serviceTier} />
          </Descriptions.Item>
          <Descriptions.Item label={t('customer.inServiceSince')}>{fmtDate(c.inServiceSince)}</Descriptions.Item>
          <Descriptions.Item label={t('customer.nextRevisitAt')}>{fmtDate(c.nextRevisitAt)}</Descriptions.Item>
        </Descriptions>
      </Card>

      {openTasks.map((task) => (
        <TaskPanel
          key={task.id}
          task={task}
          caseData={c}
          extras={def?.steps[task.step]?.kind === 'revisit' ? revisitTicketExtras : undefined}
          caseKey={customerKey(id)}
        />
      ))}

      <Card>
        <Tabs
          items={[
            {
              key: 'deals',
              label: `${t('customer.deals')} (${c.deals?.length ?? 0})`,
              children: (
                <Table<CaseSummary>
                  size="small"
                  rowKey="id"
                  dataSource={c.deals ?? []}
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  columns={[
                    { title: t('deal.number'), dataIndex: 'number', render: (v: string, d) => <Link to={`/deals/${d.id}`}>{v ?? d.id}</Link> },
                    { title: t('common.state'), dataIndex: 'state', render: (v: string) => <Tag>{ts(v)}</Tag> },
                    { title: t('common.createdAt'), dataIndex: 'createdAt', render: (v: string) => fmtDateTime(v) },
                  ]}
                />
              ),
            },
            {
              key: 'tickets',
              label: `${t('customer.tickets')} (${c.tickets?.length ?? 0})`,
              children: (
                <Table<CaseSummary>
                  size="small"
                  rowKey="id"
                  dataSource={c.tickets ?? []}
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  columns={[
                    { title: t('ticket.number'), dataIndex: 'number', render: (v: string, d) => <Link to={`/tickets/${d.id}`}>{v ?? d.id}</Link> },
                    { title: t('ticket.kind'), dataIndex: 'kind', render: (v: string) => tk('ticket.kind', v) },
                    { title: t('ticket.problem'), dataIndex: 'problem', ellipsis: true },
                    { title: t('common.state'), dataIndex: 'state', render: (v: string) => <Tag>{ts(v)}</Tag> },
                    { title: t('common.createdAt'), dataIndex: 'createdAt', render: (v: string) => fmtDateTime(v) },
                  ]}
                />
              ),
            },
            {
              key: 'documents',
              label: `${t('customer.documents')} (${c.documents?.length ?? 0})`,
              children: <DocumentList documents={c.documents ?? []} />,
            },
            {
              key: 'assets',
              label: `${t('customer.assets')} (${c.assets?.length ?? 0})`,
              children: (
                <Table<Asset>
                  size="small"
                  rowKey={(a) => a.id ?? `${a.serialNumber}-${a.installedAt}`}
                  dataSource={c.assets ?? []}
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  data-testid="asset-table"
                  columns={[
                    { title: t('customer.asset.brandModel'), dataIndex: 'brandModel' },
                    { title: t('customer.asset.serialNumber'), dataIndex: 'serialNumber' },
                    { title: t('customer.asset.configDocNumber'), dataIndex: 'configDocNumber' },
                    { title: t('customer.asset.installedAt'), dataIndex: 'installedAt', render: (v: string) => fmtDate(v) },
                    {
                      title: t('customer.asset.replacedAt'),
                      dataIndex: 'replacedAt',
                      render: (v?: string | null) => (v ? <Tag color="default">{`${t('customer.asset.replaced')} ${fmtDate(v)}`}</Tag> : <Tag color="green">{t('customer.asset.active')}</Tag>),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'comments',
              label: t('chatter.title'),
              children: <CaseActivity caseId={c.id} />,
            },
            {
              key: 'files',
              label: t('files.title'),
              children: <CaseFiles caseId={c.id} />,
            },
          ]}
        />
      </Card>

      <CustomerFormModal
        open={editing}
        customer={c}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void queryClient.invalidateQueries({ queryKey: customerKey(id) });
        }}
      />
    </Space>
  );
}
