// "Record a penalty" on a breach (奖惩考核): the manager decides the points and amount; nothing is automatic.
import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal } from 'antd';
import { useI18n } from '../../../app/i18n';
import { recordReview } from '../api';

export function RecordPenaltyButton({ subject, caseId, reason }: { subject: { kind: string; id: string; name: string }; caseId: string; reason: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ points?: number; amountYuan?: number; reason: string }>();
  if (subject.kind !== 'user' && subject.kind !== 'partner') return null;
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await recordReview({
        ...(subject.kind === 'user' ? { userId: subject.id } : { partnerId: subject.id }), kind: 'penalty', caseId,
        points: v.points ?? undefined, amountFen: v.amountYuan !== undefined && v.amountYuan !== null ? Math.round(v.amountYuan * 100) : undefined, reason: v.reason,
      });
      message.success(t('common.saved'));
      setOpen(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" danger data-testid="record-penalty" onClick={() => { form.setFieldsValue({ reason }); setOpen(true); }}>{t('mgmt.recordPenalty')}</Button>
      <Modal open={open} title={`${t('mgmt.recordPenalty')} · ${subject.name}`} onOk={submit} confirmLoading={busy} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="points" label={t('mgmt.points')}><InputNumber min={-1000} max={1000} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="amountYuan" label={t('mgmt.amountYuan')}><InputNumber min={0} precision={2} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="reason" label={t('mgmt.reason')} rules={[{ required: true }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
