// 提交线索: anyone with the capability passes a customer's need on, claiming its class (A/B/C).
import { App, Button, Card, Form, Input, Radio } from 'antd';
import { useI18n } from '../../../app/i18n';
import { required } from '../../../app/rules';
import { ServerErrorAlert } from '../../../components/ServerErrorAlert';
import { createLead, type LeadInput } from '../api';
import { useFormSave } from '../../../app/useFormSave';

/** An optional text the user left blank (or emptied) is not sent: the server wants none rather than ''. */
export const typed = (s: string | undefined) => s?.trim() || undefined;

export const CLASS_OPTIONS = ['A', 'B', 'C'].map((c) => ({ value: c, label: c }));

/** The typed values stay when the server refuses them (its errors on the fields); success clears the form. */
export function LeadForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<LeadInput>();
  const { saving, unmatched, submit } = useFormSave(form, (v) => createLead({
    ...v, contactPerson: typed(v.contactPerson), phone: typed(v.phone), justification: typed(v.justification),
  }), () => {
    message.success(t('people.lead.submitted'));
    form.resetFields();
    onCreated();
  });
  return (
    <Card title={t('people.lead.submitTitle')} size="small">
      <ServerErrorAlert details={unmatched} />
      <Form form={form} layout="inline" onFinish={submit} data-testid="lead-form" name="lead">
        <Form.Item name="customerName" label={t('people.lead.customerName')} rules={[...required(t, t('people.lead.customerName')), { max: 200 }]}>
          <Input maxLength={200} data-testid="lead-customer" />
        </Form.Item>
        <Form.Item name="contactPerson" label={t('customer.contactPerson')} rules={[{ max: 100 }]}><Input maxLength={100} /></Form.Item>
        <Form.Item name="phone" label={t('customer.phone')} rules={[{ max: 40 }]}><Input maxLength={40} /></Form.Item>
        <Form.Item name="need" label={t('people.lead.need')} rules={[...required(t, t('people.lead.need')), { max: 2000 }]}>
          <Input style={{ width: 260 }} maxLength={2000} data-testid="lead-need" />
        </Form.Item>
        <Form.Item name="claimedClass" label={t('people.class')} rules={[{ required: true }]} initialValue="B">
          <Radio.Group options={CLASS_OPTIONS} />
        </Form.Item>
        <Form.Item name="justification" label={t('people.lead.justification')} rules={[{ max: 2000 }]}><Input maxLength={2000} /></Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="lead-submit">{t('common.submit')}</Button>
      </Form>
    </Card>
  );
}
