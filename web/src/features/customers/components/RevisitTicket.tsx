// A revisit (定期回访) that found a problem opens a ticket and completes the revisit in one call.
import { Form } from 'antd';
import { useI18n } from '../../../app/i18n';
import { cleanBody } from '../../../app/wire';
import { openTicketFromRevisit } from '../../tickets/api';
import { TicketKindPicker } from '../../tickets/components/TicketKindPicker';
import type { TaskExtras } from '../../tasks/components/TaskPanel';

/** When the revisit found a problem: which kind of ticket to open. */
function ProblemKind() {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const found = Form.useWatch(['form', 'problemFound'], form) as boolean | undefined;
  if (!found) return null;
  return (
    <Form.Item name="ticketKind" initialValue="complaint" label={t('revisit.openTicket')} extra={t('revisit.openTicketHint')}>
      <TicketKindPicker />
    </Form.Item>
  );
}

export const revisitTicketExtras: TaskExtras = {
  fields: <ProblemKind />,
  submit: async (task, values) => {
    if (values.form?.problemFound !== true) return undefined;
    const kind = values.ticketKind === 'inquiry' ? 'inquiry' : 'complaint';
    const ticket = await openTicketFromRevisit(task.id, cleanBody({ kind, opinion: values.form?.opinion as string | undefined }));
    return { navigateTo: `/tickets/${ticket.id}` };
  },
};
