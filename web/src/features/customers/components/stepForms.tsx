import { Form, Input } from 'antd';
import { YesNo } from '../../../components/YesNo';
import { required, type StepFormRegistry } from '../../tasks/components/stepForm';
import type { CustomerDetail } from '../api';

/** Steps whose case is the customer itself (定期回访). */
export const CUSTOMER_STEP_FORMS: StepFormRegistry<CustomerDetail> = {
  revisit: {
    render: ({ t }) => (
      <>
        <Form.Item name={['form', 'opinion']} label={t('ticket.opinion')} rules={[{ max: 5000 }]}>
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name={['form', 'problemFound']} label={t('ticket.problemFound')} rules={required(t, t('ticket.problemFound'), { whitespace: false })}>
          <YesNo />
        </Form.Item>
      </>
    ),
  },
};
