// 值班表: a month of the CS duty or the 7×24 on-call rota; its manager generates the month and swaps
// two days (pick a day, then the day to swap it with).
import { useState } from 'react';
import { Alert, Button, Radio, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { useCapabilities } from '../../../app/access';
import { generateDuty, getDuty, swapDuty, type DutyDay, type DutyMonth, type Rota } from '../api';
import { useMonth, useNames } from './hooks';
import { MonthPicker } from './MonthPicker';

const DAY_KIND: Record<DutyDay['kind'], MessageKey> = { workday: 'calendar.kind.workday', weekend: 'calendar.kind.weekend', holiday: 'people.duty.holiday' };

export function DutyTab() {
  const { t } = useI18n();
  const can = useCapabilities();
  const qc = useQueryClient();
  const [month, setMonth] = useMonth(1);
  const [rota, setRota] = useState<Rota>('cs');
  const names = useNames(rota === 'cs' ? 'cs_agent' : 'engineer');
  const q = useQuery({ queryKey: ['people', 'duty', month, rota], queryFn: () => getDuty(month, rota), enabled: !!month });
  const set = (d: DutyMonth) => qc.setQueryData(['people', 'duty', month, rota], d);
  const generate = useMutation({ mutationFn: () => generateDuty(month, rota), onSuccess: set });
  const [swapFrom, setSwapFrom] = useState<string | null>(null);
  const swap = useMutation({ mutationFn: (withDate: string) => swapDuty(month, { rota, date: swapFrom!, withDate }), onSuccess: (d) => { set(d); setSwapFrom(null); } });
  const manages = rota === 'cs' ? can.manageCsDuty : can.manageOncall;
  const items = q.data?.items ?? [];
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.userId, (counts.get(i.userId) ?? 0) + 1);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <MonthPicker value={month} onChange={setMonth} />
        <Radio.Group
          value={rota} onChange={(e) => setRota(e.target.value)} optionType="button"
          options={[{ value: 'cs', label: t('people.duty.cs') }, { value: 'oncall', label: t('people.duty.oncall') }]}
        />
        {manages && <Button type="primary" onClick={() => generate.mutate()} loading={generate.isPending} data-testid="duty-generate">{t('people.duty.generate')}</Button>}
        {swapFrom && <Alert type="info" showIcon title={t('people.duty.pickSwap', { date: swapFrom })} />}
      </Space>
      <Space wrap>{[...counts].map(([id, n]) => <Tag key={id}>{names.name(id)} × {n}</Tag>)}</Space>
      <Table
        rowKey="date" size="small" loading={q.isLoading} dataSource={items} data-testid="duty-table" pagination={false}
        columns={[
          { title: t('calendar.date'), dataIndex: 'date' },
          { title: t('calendar.kind'), render: (_, r) => t(DAY_KIND[r.kind]) },
          { title: t('people.multiplier'), render: (_, r) => <Tag color={r.statutory ? 'red' : undefined}>×{r.multiplier}{r.statutory ? ` ${t('people.duty.statutory')}` : ''}</Tag> },
          { title: t('people.duty.onDuty'), render: (_, r) => <span data-testid={`duty-${r.date}`}>{names.name(r.userId)}</span> },
          ...(manages ? [{
            title: '', render: (_: unknown, r: DutyDay) => (swapFrom
              ? swapFrom !== r.date && <Button size="small" type="primary" data-testid={`duty-swap-with-${r.date}`} onClick={() => swap.mutate(r.date)}>{t('people.duty.swapHere')}</Button>
              : <Button size="small" data-testid={`duty-swap-${r.date}`} onClick={() => setSwapFrom(r.date)}>{t('people.duty.swap')}</Button>),
          }] : []),
        ]}
      />
    </Space>
  );
}
