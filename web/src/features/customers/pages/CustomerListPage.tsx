import { useState } from 'react';
import { Button, Card, Input, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/auth';
import { access } from '../../../app/access';
import { useRemote } from '../../../app/useRemote';
import { fmtDate } from '../../../app/format';
import { searchCustomers, type Customer } from '../api';
import { CustomerFormModal } from '../components/CustomerFormModal';
import { TierTag } from '../components/TierTag';

export default function CustomerListPage() {
  const { t } = useI18n();
  const user = useUser();
  const can = access(user.roles);
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [creating, setCreating] = useState(false);
  const list = useRemote(() => searchCustomers({ q: search || undefined, page, pageSize }), [search, page, pageSize]);


  return (
    <Card
      title={t('customer.list')}
      extra={
        can.createCustomer && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="customer-new">
            {t('customer.new')}
          </Button>
        )
      }
    >
      <Space style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('customer.searchPlaceholder')}
          style={{ width: 320 }}
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
          data-testid="customer-search"
        />
      </Space>
      <Table<Customer>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        onRow={(c) => ({ onClick: () => navigate(`/customers/${c.id}`), style: { cursor: 'pointer' } })}
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
            title: t('customer.name'),
            dataIndex: 'name',
            render: (v: string, c) => (
              <Link to={`/customers/${c.id}`} onClick={(e) => e.stopPropagation()}>
                {v}
              </Link>
            ),
          },
          { title: t('customer.contactPerson'), dataIndex: 'contactPerson' },
          { title: t('customer.phone'), dataIndex: 'phone' },
          { title: t('customer.address'), dataIndex: 'address', ellipsis: true, responsive: ['lg'] },
          { title: t('customer.serviceTier'), dataIndex: 'serviceTier', render: (v: Customer['serviceTier']) => <TierTag tier={v} /> },
          { title: t('common.createdAt'), dataIndex: 'createdAt', responsive: ['xl'], render: (v: string) => fmtDate(v) },
        ]}
      />
      <CustomerFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(c) => {
          setCreating(false);
          navigate(`/customers/${c.id}`);
        }}
      />
    </Card>
  );
}
