import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { applyServerErrors } from '../../../app/formErrors';
import { cleanBody } from '../../../app/wire';
import type { ErrorDetail } from '../../../app/api';
import { ServerErrorAlert } from '../../../components/ServerErrorAlert';
import { CustomerSelect } from '../../customers/components/CustomerSelect';
import { CustomerFormModal } from '../../customers/components/CustomerFormModal';
import { getCustomer, type Customer } from '../../customers/api';
import { required } from '../../../app/rules';
import { FormFields } from '../../process/StepForm';
import { useProcess, useProcessText } from '../../process/queries';
import { createDeal } from '../api';

/** a deal starts with the survey (form 1): `POST /deals {customerId, survey}` */
const SURVEY = 'survey';

interface Values {
  customerId: string;
  survey: Record<string, unknown>;
}

/** 新建商机: choose the customer and fill form 1 (客户通讯状况调查表). */
export default function NewDealPage() {
  const { t } = useI18n();
  const def = useProcess().data;
  const text = useProcessText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [unmatched, setUnmatched] = useState<ErrorDetail[]>([]);
  const [initialCustomer, setInitialCustomer] = useState<Customer | null>(null);
  const [creatingCustomer, setCreatingCustomer] = useState(false);

  useEffect(() => {
    const id = params.get('customerId');
    if (!id) return;
    getCustomer(id)
      .then((c) => {
        setInitialCustomer(c);
        form.setFieldValue('customerId', c.id);
      })
      .catch(() => undefined);
  }, [params, form]);

  const onFinish = async (values: Values) => {
    setSaving(true);
    setUnmatched([]);
    try {
      const deal = await createDeal(cleanBody({ customerId: values.customerId, survey: values.survey ?? {} }));
      message.success(t('deal.created'));
      navigate(`/deals/${deal.id}`);
    } catch (e) {
      setUnmatched(applyServerErrors(form, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={`${t('deal.new')} · ${text.form(SURVEY)}`}>
      <ServerErrorAlert details={unmatched} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        validateTrigger={['onChange', 'onBlur']}
        scrollToFirstError
        name="new-deal"
        style={{ maxWidth: 960 }}
      >
        <Form.Item label={t('deal.chooseCustomer')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="customerId" noStyle rules={required(t, t('common.customer'))}>
              <CustomerSelect initial={initialCustomer} />
            </Form.Item>
            <Button icon={<PlusOutlined />} onClick={() => setCreatingCustomer(true)}>
              {t('customer.new')}
            </Button>
          </Space.Compact>
        </Form.Item>
        <FormFields fields={def?.forms[SURVEY]?.fields ?? []} prefix={[SURVEY]} />
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="deal-submit">
            {t('common.submit')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
        </Space>
      </Form>
      <CustomerFormModal
        open={creatingCustomer}
        onClose={() => setCreatingCustomer(false)}
        onSaved={(c) => {
          setCreatingCustomer(false);
          setInitialCustomer(c);
          form.setFieldValue('customerId', c.id);
        }}
      />
    </Card>
  );
}
