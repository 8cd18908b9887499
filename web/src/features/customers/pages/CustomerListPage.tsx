import { useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/auth';
import { useCapabilities } from '../../../app/access';
import { fmtDate } from '../../../app/format';
import { flatParams, ListPage, type ListColumn } from '../../../components/ListPage';
import { searchCustomers, type Customer } from '../api';
import { CustomerFormModal } from '../components/CustomerFormModal';
import { TierTag } from '../components/TierTag';
import { useProcess } from '../../process/queries';

export default function CustomerListPage() {
  const { t, tk, lang } = useI18n();
  const tiers = useProcess().data?.tiers;
  const user = useUser();
  const can = useCapabilities();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const columns: ListColumn<Customer>[] = [
    {
      key: 'name',
      title: t('customer.name'),
      dataIndex: 'name',
      render: (v: string, c) => (
        <Link to={`/customers/${c.id}`} onClick={(e) => e.stopPropagation()}>
          {v}
        </Link>
      ),
    },
    { key: 'contactPerson', title: t('customer.contactPerson'), dataIndex: 'contactPerson' },
    { key: 'phone', title: t('customer.phone'), dataIndex: 'phone' },
    { key: 'address', title: t('customer.address'), dataIndex: 'address', ellipsis: true, responsive: ['lg'] },
    { key: 'tier', title: t('customer.serviceTier'), dataIndex: 'serviceTier', render: (v: Customer['serviceTier']) => <TierTag tier={v} /> },
    { key: 'createdAt', title: t('common.createdAt'), dataIndex: 'createdAt', responsive: ['xl'], render: (v: string) => fmtDate(v) },
  ];

  return (
    <>
      <ListPage<Customer>
        name="customers"
        title={t('customer.list')}
        extra={
          can.createCustomer && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="customer-new">
              {t('customer.new')}
            </Button>
          )
        }
        fetch={(p) => searchCustomers(flatParams(p))}
        columns={columns}
        filters={[
          { kind: 'search', key: 'q', placeholder: t('customer.searchPlaceholder'), width: 320, testId: 'customer-search' },
          { kind: 'select', key: 'tier', placeholder: t('customer.serviceTier'), width: 160, options: Object.entries((tiers ?? { standard: undefined, vip: undefined }) as Record<string, { label?: { zh: string; en: string } } | undefined>).map(([v, x]) => ({ value: v, label: x?.label?.[lang] ?? tk('customer.tier', v) })) },
        ]}
        rowHref={(c) => `/customers/${c.id}`}
      />
      <CustomerFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(c) => {
          setCreating(false);
          navigate(`/customers/${c.id}`);
        }}
      />
    </>
  );
}
