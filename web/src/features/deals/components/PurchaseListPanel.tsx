import { useRef, useState } from 'react';
import { Alert, Button, Input, Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { usePurchases } from '../queries';
import { serverNowIso } from '../../../app/serverClock';
import { fmtDateTime, fmtFen } from '../../../app/format';
import { updatePurchaseLine, type PurchaseLine } from '../api';

const STATUS_COLOR = { pending: 'default', ordered: 'processing', received: 'green' } as const;

/** The admin clerk records supplier, ordered and received per equipment line. */
export function PurchaseListPanel({ dealId, editable }: { dealId: string; editable: boolean }) {
  const { t, tk } = useI18n();
  const list = usePurchases(dealId);
  const [busy, setBusy] = useState<string | null>(null);
  const [suppliers, setSuppliers] = useState<Record<string, string>>({});
  const queue = useRef<Promise<void>>(Promise.resolve());
  /** the version each line's last write returned */
  const versions = useRef(new Map<string, number>());
  if (!list.data) return null;
  if (!list.data.planned) return <Alert type="info" showIcon title={t('purchase.notPlanned')} style={{ marginBottom: 16 }} />;

  // One write at a time, each with the version the previous one returned: typing a supplier and then
  // clicking 已下单 sends two writes (the field's blur, then the click) that must not refuse each other.
  // The supplier's save (on blur) shows no spinner: a button turned to loading by the blur that a
  // press on it caused would swallow that very click.
  const patch = (line: PurchaseLine, body: Parameters<typeof updatePurchaseLine>[1], spinner = true) => {
    if (spinner) setBusy(line.id);
    queue.current = queue.current.then(async () => {
      try {
        const saved = await updatePurchaseLine(line.id, { ...body, version: versions.current.get(line.id) ?? line.version });
        versions.current.set(line.id, saved.version);
      } catch {
        versions.current.delete(line.id); // someone else changed it: show the current state
      } finally {
        if (spinner) setBusy(null);
        void list.refetch();
      }
    });
  };

  return (
    <div style={{ marginBottom: 16 }} data-testid="purchase-list">
      <Typography.Title level={5}>{t('purchase.title')}</Typography.Title>
      <Table<PurchaseLine>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={list.data.lines}
        columns={[
          { title: '#', dataIndex: 'lineNo', width: 40 },
          { title: t('purchase.item'), key: 'item', render: (_, l) => `${l.brand} ${l.model} ×${l.quantity}` },
          { title: t('assess.lineTotal'), dataIndex: 'lineTotalFen', render: (v: number) => fmtFen(v) },
          {
            title: t('purchase.supplier'),
            dataIndex: 'supplier',
            render: (v: string | null, l) =>
              editable ? (
                <Input
                  size="small"
                  maxLength={200}
                  value={suppliers[l.id] ?? v ?? ''}
                  onChange={(e) => setSuppliers((s) => ({ ...s, [l.id]: e.target.value }))}
                  onBlur={() => {
                    const next = (suppliers[l.id] ?? v ?? '').trim();
                    if (next !== (v ?? '')) patch(l, { supplier: next || null }, false);
                  }}
                />
              ) : (
                v ?? '—'
              ),
          },
          {
            title: t('common.state'),
            dataIndex: 'status',
            render: (s: PurchaseLine['status'], l) => (
              <Space orientation="vertical" size={0}>
                <Tag color={STATUS_COLOR[s]}>{tk('purchase.status', s)}</Tag>
                {l.receivedAt ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {fmtDateTime(l.receivedAt)}
                  </Typography.Text>
                ) : l.orderedAt ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {fmtDateTime(l.orderedAt)}
                  </Typography.Text>
                ) : null}
              </Space>
            ),
          },
          ...(editable
            ? [
                {
                  title: t('common.actions'),
                  key: 'a',
                  render: (_: unknown, l: PurchaseLine) => (
                    <Space>
                      {!l.orderedAt && !l.receivedAt && (
                        <Button size="small" loading={busy === l.id} onClick={async () => patch(l, { orderedAt: await serverNowIso() })}>
                          {t('purchase.markOrdered')}
                        </Button>
                      )}
                      {!l.receivedAt && (
                        <Button size="small" type="primary" loading={busy === l.id} onClick={async () => patch(l, { receivedAt: await serverNowIso() })} data-testid="purchase-received">
                          {t('purchase.markReceived')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Typography.Text strong style={{ display: 'block', marginTop: 8, textAlign: 'right' }}>
        {t('assess.total')}: {fmtFen(list.data.totalFen)}
      </Typography.Text>
    </div>
  );
}
