import { useEffect, useRef, useState } from 'react';
import { Select } from 'antd';
import { useI18n } from '../../../app/i18n';
import { searchCustomers, type Customer } from '../api';

interface Props {
  value?: string;
  onChange?: (id: string | undefined, customer?: Customer) => void;
  id?: string;
  placeholder?: string;
  /** a customer to show before any search (e.g. from ?customerId=) */
  initial?: Customer | null;
}

/** Search customers by name, phone or contact as the user types. */
export function CustomerSelect({ value, onChange, id, placeholder, initial }: Props) {
  const { t } = useI18n();
  const [options, setOptions] = useState<Customer[]>(initial ? [initial] : []);
  const [loading, setLoading] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  const seq = useRef(0);

  const search = (q: string) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      const mine = ++seq.current;
      setLoading(true);
      searchCustomers({ q: q.trim() || undefined, pageSize: 20 })
        .then((r) => mine === seq.current && setOptions(r?.items ?? []))
        .catch(() => undefined)
        .finally(() => mine === seq.current && setLoading(false));
    }, 250);
  };

  useEffect(() => {
    if (initial) setOptions((xs) => (xs.some((x) => x.id === initial.id) ? xs : [initial, ...xs]));
  }, [initial]);

  useEffect(() => {
    search('');
    return () => window.clearTimeout(timer.current);
  }, []);

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      loading={loading}
      value={value}
      placeholder={placeholder ?? t('customer.searchPlaceholder')}
      notFoundContent={loading ? t('common.loading') : t('common.empty')}
      onChange={(v: string | undefined) => onChange?.(v, options.find((o) => o.id === v))}
      options={options.map((c) => ({ value: c.id, label: `${c.name} · ${c.contactPerson} · ${c.phone}` }))}
      style={{ width: '100%' }}
      data-testid="customer-select"
    />
  );
}
