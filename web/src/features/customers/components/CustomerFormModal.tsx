import { useEffect, useState } from 'react';
import { Form, Input, Modal } from 'antd';
import { useI18n } from '../../../app/i18n';
import { applyServerErrors } from '../../../app/formErrors';
import { type ErrorDetail } from '../../../app/api';
import { ServerErrorAlert } from '../../../components/ServerErrorAlert';
import { createCustomer, updateCustomer, type Customer, type CustomerInput } from '../api';

interface Props {
  open: boolean;
  /** edit this customer; create a new one when absent */
  customer?: Customer | null;
  onClose: () => void;
  onSaved: (c: Customer) => void;
}

export const PHONE_PATTERN = /^[0-9+()\-\s转#*]+$/;

export function CustomerFormModal({ open, customer, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<CustomerInput>();
  const [saving, setSaving] = useState(false);
  const [unmatched, setUnmatched] = useState<ErrorDetail[]>([]);

  useEffect(() => {
    if (!open) return;
    setUnmatched([]);
    if (customer) form.setFieldsValue({ name: customer.name, address: customer.address, contactPerson: customer.contactPerson, phone: customer.phone });
    else form.resetFields();
  }, [open, customer, form]);

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setUnmatched([]);
    try {
      const trimmed: CustomerInput = {
        name: values.name.trim(),
        address: values.address.trim(),
        contactPerson: values.contactPerson.trim(),
        phone: values.phone.trim(),
      };
      const saved = customer ? await updateCustomer(customer.id, { ...trimmed, version: customer.version }) : await createCustomer(trimmed);
      onSaved(saved);
    } catch (e) {
      // keep what the user typed; show the server's reasons on the fields
      setUnmatched(applyServerErrors(form, e));
    } finally {
      setSaving(false);
    }
  };

  const req = (field: string) => [{ required: true, whitespace: true, message: t('common.required', { field }) }];

  return (
    <Modal
      open={open}
      title={customer ? t('customer.edit') : t('customer.new')}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden={false}
      forceRender
    >
      <ServerErrorAlert details={unmatched} />
      <Form form={form} layout="vertical" validateTrigger={['onChange', 'onBlur']} name="customer">
        <Form.Item name="name" label={t('customer.name')} rules={[...req(t('customer.name')), { max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="address" label={t('customer.address')} rules={[...req(t('customer.address')), { max: 500 }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="contactPerson" label={t('customer.contactPerson')} rules={[...req(t('customer.contactPerson')), { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('customer.phone')}
          rules={[...req(t('customer.phone')), { min: 3, max: 50 }, { pattern: PHONE_PATTERN, message: t('customer.phoneRule') }]}
        >
          <Input maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
