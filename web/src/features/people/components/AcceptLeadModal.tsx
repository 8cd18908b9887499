// 受理线索: the sales manager assigns a new lead to a salesperson and confirms (or changes) its class.
import { useEffect } from 'react';
import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useI18n } from '../../../app/i18n';
import { ServerErrorAlert } from '../../../components/ServerErrorAlert';
import { acceptLead, type Lead, type LeadClass } from '../api';
import { useNames } from './hooks';
import { useFormSave } from '../../../app/useFormSave';
import { CLASS_OPTIONS, typed } from './LeadForm';

interface AcceptValues { salespersonId: string; class: LeadClass; classReason?: string }

export function AcceptLeadModal({ lead, onClose, onAccepted }: { lead: Lead | null; onClose: () => void; onAccepted: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const sales = useNames('sales');
  const [form] = Form.useForm<AcceptValues>();
  const { saving, unmatched, submit, clear } = useFormSave(form, (v) => acceptLead(lead!.id, { ...v, classReason: typed(v.classReason) }), () => {
    message.success(t('people.lead.acceptedMsg'));
    onClose();
    onAccepted();
  });
  useEffect(() => {
    if (!lead) return;
    form.resetFields();
    form.setFieldsValue({ class: lead.claimedClass });
    clear();
  }, [lead, form]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Modal
      open={!!lead} title={t('people.lead.acceptTitle', { number: lead?.number ?? '' })} onCancel={onClose} onOk={submit} confirmLoading={saving}
      okText={t('people.lead.accept')} cancelText={t('common.cancel')} okButtonProps={{ id: 'lead-accept-ok' }} forceRender
    >
      <ServerErrorAlert details={unmatched} />
      <Form form={form} layout="vertical" name="lead-accept">
        <Form.Item name="salespersonId" label={t('people.lead.assignTo')} rules={[{ required: true, message: t('people.lead.pickSalesperson') }]}>
          <Select data-testid="lead-salesperson" options={sales.items.map((u) => ({ value: u.id, label: u.displayName }))} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="class" label={t('people.lead.confirmClass')} rules={[{ required: true }]}><Radio.Group options={CLASS_OPTIONS} /></Form.Item>
        <Form.Item name="classReason" label={t('people.lead.classReason')} rules={[{ max: 1000 }]}><Input maxLength={1000} /></Form.Item>
      </Form>
    </Modal>
  );
}
