import { Form, Input, Radio } from 'antd';
import { YesNo } from '../../../components/YesNo';
import { cleanBody } from '../../../app/wire';
import type { Translate } from '../../../app/i18n';
import { required, type StepFormRegistry } from '../../tasks/components/stepForm';
import { openTicketFromRevisit } from '../../tickets/api';
import type { CustomerDetail } from '../api';

/** When the revisit found a problem: which kind of ticket to open. */
function ProblemKind({ t }: { t: Translate }) {
  const form = Form.useFormInstance();
  const found = Form.useWatch(['form', 'problemFound'], form) as boolean | undefined;
  if (!found) return null;
  return (
    <Form.Item name="ticketKind" initialValue="complaint" label={t('revisit.openTicket')} extra={t('revisit.openTicketHint')}>
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        options={[
          { value: 'complaint', label: t('ticket.kind.complaint') },
          { value: 'inquiry', label: t('ticket.kind.inquiry') },
        ]}
      />
    </Form.Item>
  );
}

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
        <ProblemKind t={t} />
      </>
    ),
    // a problem found on a revisit opens a ticket (and completes the revisit) in one call
    submit: async (task, values) => {
      if (values.form?.problemFound !== true) return undefined;
      const kind = values.ticketKind === 'inquiry' ? 'inquiry' : 'complaint';
      const ticket = await openTicketFromRevisit(task.id, cleanBody({ kind, opinion: values.form?.opinion as string | undefined }));
      return { navigateTo: `/tickets/${ticket.id}` };
    },
  },
};
