import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import { useI18n } from '../../../app/i18n';
import { applyServerErrors, validated } from '../../../app/formErrors';
import { ApiError, type ErrorDetail } from '../../../app/api';
import { ServerErrorAlert } from '../../../components/ServerErrorAlert';
import { createCustomer, getCustomer, updateCustomer, type Customer, type CustomerInput } from '../api';

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
  /** a customer with the same name and phone exists: offer it */
  const [duplicate, setDuplicate] = useState<{ id: string; message: string } | null>(null);

  useEffect(() => {
    if (!open) return;
    setUnmatched([]);
    setDuplicate(null);
    if (customer) form.setFieldsValue({ name: customer.name, address: customer.address, contactPerson: customer.contactPerson, phone: customer.phone });
    else form.resetFields();
  }, [open, customer, form]);

  const submit = async (allowDuplicate = false) => {
    const values = await validated(form);
    if (!values) return; // the fields say what is wrong
    setSaving(true);
    setUnmatched([]);
    setDuplicate(null);
    try {
      const trimmed: CustomerInput = {
        name: values.name.trim(),
        address: values.address.trim(),
        contactPerson: values.contactPerson.trim(),
        phone: values.phone.trim(),
      };
      const saved = customer ? await updateCustomer(customer.id, { ...trimmed, version: customer.version }) : await createCustomer(trimmed, allowDuplicate);
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.reason === 'customer.duplicate' && typeof e.params.existingId === 'string') {
        setDuplicate({ id: e.params.existingId, message: e.message });
        return;
      }
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
      onOk={() => submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden={false}
      forceRender
    >
      <ServerErrorAlert details={unmatched} />
      {duplicate && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={duplicate.message}
          data-testid="customer-duplicate"
          description={
            <Space wrap style={{ marginTop: 8 }}>
              <Button type="primary" size="small" onClick={async () => onSaved(await getCustomer(duplicate.id))} data-testid="customer-use-existing">
                {t('customer.useExisting')}
              </Button>
              <Button size="small" onClick={() => submit(true)} data-testid="customer-create-anyway">
                {t('customer.createAnyway')}
              </Button>
            </Space>
          }
        />
      )}
      {/* Enter in any field saves, as the OK button does */}
      <Form
        form={form}
        layout="vertical"
        validateTrigger={['onChange', 'onBlur']}
        name="customer"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
            e.preventDefault();
            void submit();
          }
        }}
      >
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
