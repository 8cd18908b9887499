import { useEffect, useState } from 'react';
import { App, Button, Card, Col, Descriptions, Empty, Form, Input, Row, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { applyServerErrors } from '../../../app/formErrors';
import { cleanBody } from '../../../app/wire';
import { fmtDateTime } from '../../../app/format';
import type { ErrorDetail } from '../../../app/api';
import { ServerErrorAlert } from '../../../components/ServerErrorAlert';
import { StateTag } from '../../../components/StateTag';
import { getCustomer, searchCustomers, type Customer, type CustomerDetail } from '../../customers/api';
import { CustomerFormModal } from '../../customers/components/CustomerFormModal';
import { TierTag } from '../../customers/components/TierTag';
import { required } from '../../../app/rules';
import { TicketKindPicker } from '../components/TicketKindPicker';
import { openTicket } from '../api';

interface Values {
  kind: 'inquiry' | 'complaint';
  problem: string;
  contact?: string;
}

/** 客服工作台: find the caller by phone or name, see their history, open a ticket. */
export default function TicketConsolePage() {
  const { t, tk } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Customer[]>([]);
  const [searching, setSearching] = useState(false);
  const [selected, setSelected] = useState<CustomerDetail | null>(null);
  const [saving, setSaving] = useState(false);
  const [unmatched, setUnmatched] = useState<ErrorDetail[]>([]);
  const [creatingCustomer, setCreatingCustomer] = useState(false);

  const select = (id: string) =>
    getCustomer(id)
      .then(setSelected)
      .catch(() => undefined);

  useEffect(() => {
    const id = params.get('customerId');
    if (id) select(id);
  }, [params]);

  const runSearch = async (value: string) => {
    setSearching(true);
    try {
      const r = await searchCustomers({ q: value.trim() || undefined, pageSize: 20 });
      setResults(r?.items ?? []);
      if (r?.items?.length === 1) select(r.items[0].id);
    } catch {
      setResults([]);
    } finally {
      setSearching(false);
    }
  };

  const onFinish = async (v: Values) => {
    if (!selected) return;
    setSaving(true);
    setUnmatched([]);
    try {
      const ticket = await openTicket(cleanBody({ customerId: selected.id, kind: v.kind, problem: v.problem, contact: v.contact }));
      message.success(t('ticket.created'));
      navigate(`/tickets/${ticket.id}`);
    } catch (e) {
      setUnmatched(applyServerErrors(form, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={10}>
        <Card
          title={t('ticket.findCustomer')}
          extra={
            <Button icon={<PlusOutlined />} onClick={() => setCreatingCustomer(true)}>
              {t('customer.new')}
            </Button>
          }
        >
          <Input.Search
            allowClear
            enterButton
            placeholder={t('customer.searchPlaceholder')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={runSearch}
            loading={searching}
            data-testid="console-search"
          />
          <Table<Customer>
            style={{ marginTop: 16 }}
            size="small"
            rowKey="id"
            dataSource={results}
            pagination={{ pageSize: 8, hideOnSinglePage: true }}
            rowClassName={(c) => (c.id === selected?.id ? 'ant-table-row-selected' : '')}
            onRow={(c) => ({ onClick: () => select(c.id), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('customer.name'), dataIndex: 'name' },
              { title: t('customer.contactPerson'), dataIndex: 'contactPerson' },
              { title: t('customer.phone'), dataIndex: 'phone' },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card title={t('ticket.new')}>
          {!selected ? (
            <Empty description={t('ticket.selectCustomerFirst')} />
          ) : (
            <>
              <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }} title={t('ticket.selectedCustomer')}>
                <Descriptions.Item label={t('customer.name')}>
                  <Link to={`/customers/${selected.id}`} data-testid="console-customer">
                    {selected.name}
                  </Link>
                </Descriptions.Item>
                <Descriptions.Item label={t('customer.serviceTier')}>
                  <TierTag tier={selected.serviceTier} />
                </Descriptions.Item>
                <Descriptions.Item label={t('customer.contactPerson')}>{selected.contactPerson}</Descriptions.Item>
                <Descriptions.Item label={t('customer.phone')}>{selected.phone}</Descriptions.Item>
                <Descriptions.Item label={t('customer.address')} span={2}>
                  {selected.address}
                </Descriptions.Item>
              </Descriptions>
              {(selected.tickets?.length ?? 0) > 0 && (
                <Table
                  size="small"
                  rowKey="id"
                  style={{ marginBottom: 16 }}
                  dataSource={(selected.tickets ?? []).slice(0, 5)}
                  pagination={false}
                  columns={[
                    { title: t('ticket.number'), dataIndex: 'number', render: (v: string, x) => <Link to={`/tickets/${x.id}`}>{v ?? x.id}</Link> },
                    { title: t('ticket.kind'), dataIndex: 'kind', render: (v: string) => <Tag>{tk('ticket.kind', v)}</Tag> },
                    { title: t('ticket.problem'), dataIndex: 'problem', ellipsis: true },
                    { title: t('common.state'), dataIndex: 'state', render: (v: string) => <StateTag state={v} /> },
                    { title: t('common.createdAt'), dataIndex: 'createdAt', render: (v: string) => fmtDateTime(v) },
                  ]}
                />
              )}
              <ServerErrorAlert details={unmatched} />
              <Form<Values>
                form={form}
                layout="vertical"
                onFinish={onFinish}
                initialValues={{ kind: 'complaint', contact: selected.contactPerson }}
                validateTrigger={['onChange', 'onBlur']}
                name="new-ticket"
                key={selected.id}
              >
                <Form.Item name="kind" label={t('ticket.kind')} rules={required(t, t('ticket.kind'), { whitespace: false })}>
                  <TicketKindPicker />
                </Form.Item>
                <Form.Item name="contact" label={t('ticket.contact')} rules={[{ max: 200 }]}>
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item name="problem" label={t('ticket.problem')} extra={t('ticket.problemHint')} rules={[...required(t, t('ticket.problem')), { max: 5000 }]}>
                  <Input.TextArea rows={5} maxLength={5000} showCount data-testid="ticket-problem" />
                </Form.Item>
                <Space>
                  <Button type="primary" htmlType="submit" loading={saving} data-testid="ticket-submit">
                    {t('common.submit')}
                  </Button>
                </Space>
              </Form>
            </>
          )}
        </Card>
      </Col>
      <CustomerFormModal
        open={creatingCustomer}
        onClose={() => setCreatingCustomer(false)}
        onSaved={(c) => {
          setCreatingCustomer(false);
          select(c.id);
        }}
      />
    </Row>
  );
}
