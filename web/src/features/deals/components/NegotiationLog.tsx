import { useState } from 'react';
import { App, Button, Form, Input, Select, Table, Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import { fmtDateTime } from '../../../app/format';
import { applyServerErrors } from '../../../app/formErrors';
import type { ErrorDetail } from '../../../app/api';
import { ServerErrorAlert } from '../../../components/ServerErrorAlert';
import { useUserNames } from '../../users/useUserNames';
import { required } from '../../../app/rules';
import { addNegotiationEntry, type NegotiationEntry, type NegotiationKind } from '../api';

const KINDS: NegotiationKind[] = ['price_cut', 'contract_change', 'policy_adjustment', 'other'];

/** Customer moves and manager policy adjustments during 商务谈判. */
export function NegotiationLog({
  dealId,
  entries,
  canAdd,
  managerKinds,
  onAdded,
}: {
  dealId: string;
  entries: NegotiationEntry[];
  canAdd: boolean;
  /** policy adjustments are the manager's */
  managerKinds: boolean;
  onAdded: () => void;
}) {
  const { t, tk } = useI18n();
  const { message } = App.useApp();
  const nameOf = useUserNames();
  const [form] = Form.useForm<{ kind: NegotiationKind; note: string }>();
  const [saving, setSaving] = useState(false);
  const [unmatched, setUnmatched] = useState<ErrorDetail[]>([]);

  const submit = async (v: { kind: NegotiationKind; note: string }) => {
    setSaving(true);
    setUnmatched([]);
    try {
      await addNegotiationEntry(dealId, { kind: v.kind, note: v.note.trim() });
      message.success(t('common.saved'));
      form.resetFields(); // only after success: a refused entry keeps its text
      onAdded();
    } catch (e) {
      setUnmatched(applyServerErrors(form, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Table<NegotiationEntry>
        size="small"
        rowKey={(e) => e.id ?? `${e.at}-${e.note}`}
        dataSource={entries}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        data-testid="negotiation-log"
        columns={[
          { title: t('history.at'), dataIndex: 'at', width: 160, render: (v: string) => fmtDateTime(v) },
          { title: t('deal.negotiationLog.kind'), dataIndex: 'kind', width: 120, render: (v: string) => <Tag>{tk('deal.negotiationLog.kind', v)}</Tag> },
          { title: t('deal.negotiationLog.note'), dataIndex: 'note', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
          { title: t('history.actor'), dataIndex: 'actorId', width: 140, render: (v?: string | null) => nameOf(v) },
        ]}
      />
      {canAdd && (
        <>
          <ServerErrorAlert details={unmatched} />
          <Form form={form} layout="inline" onFinish={submit} style={{ marginTop: 16, rowGap: 8 }} name="negotiation-log" validateTrigger={['onChange', 'onBlur']}>
            <Form.Item name="kind" rules={required(t, t('deal.negotiationLog.kind'), { whitespace: false })}>
              <Select
                style={{ width: 160 }}
                placeholder={t('deal.negotiationLog.kind')}
                options={KINDS.filter((k) => managerKinds || k !== 'policy_adjustment').map((k) => ({ value: k, label: t(`deal.negotiationLog.kind.${k}`) }))}
              />
            </Form.Item>
            <Form.Item name="note" rules={[...required(t, t('deal.negotiationLog.note')), { max: 5000 }]} style={{ flex: 1, minWidth: 280 }}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={5000} placeholder={t('deal.negotiationLog.note')} />
            </Form.Item>
            <Form.Item>
              <Button htmlType="submit" loading={saving}>
                {t('deal.negotiationLog.add')}
              </Button>
            </Form.Item>
          </Form>
        </>
      )}
    </>
  );
}
