// "Record a penalty" on a breach (奖惩考核): the manager decides the points and amount; nothing is automatic.
import { useState } from 'react';
import { App, Button, Form, Modal } from 'antd';
import { useI18n } from '../../../app/i18n';
import { recordReview } from '../api';
import { ReviewAmountFields, reviewAmounts, type ReviewAmountValues } from './RecordReviewButton';

export function RecordPenaltyButton({ subject, caseId, reason }: { subject: { kind: string; id: string; name: string }; caseId: string; reason: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<ReviewAmountValues>();
  if (subject.kind !== 'user' && subject.kind !== 'partner') return null;
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await recordReview({
        ...(subject.kind === 'user' ? { userId: subject.id } : { partnerId: subject.id }), kind: 'penalty', caseId, ...reviewAmounts(v),
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
          <ReviewAmountFields />
        </Form>
      </Modal>
    </>
  );
}
