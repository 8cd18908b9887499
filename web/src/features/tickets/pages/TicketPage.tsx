import { useState } from 'react';
import { Alert, App, Button, Form, Input, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/auth';
import { fmtDateTime } from '../../../app/format';
import { applyServerErrors } from '../../../app/formErrors';
import { TierTag } from '../../customers/components/TierTag';
import { CaseLayout } from '../../tasks/components/CaseLayout';
import { recordSpecialReason, type TicketDetail } from '../api';
import { ticketKey, useTicket } from '../queries';
import { PausePanel, RatingPanel } from '../components/ReachPanels';

function SpecialReasonForm({ ticket, onSaved }: { ticket: TicketDetail; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ reason: ticket.specialReason ?? '' }}
      onFinish={async (v) => {
        setSaving(true);
        try {
          await recordSpecialReason(ticket.id, v.reason.trim());
          message.success(t('common.saved'));
          onSaved();
        } catch (e) {
          applyServerErrors(form, e);
        } finally {
          setSaving(false);
        }
      }}
      style={{ marginTop: 12, rowGap: 8 }}
    >
      <Form.Item name="reason" rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('ticket.specialReason') }) }, { max: 2000 }]} style={{ flex: 1, minWidth: 280 }}>
        <Input placeholder={t('ticket.specialReason')} maxLength={2000} />
      </Form.Item>
      <Button htmlType="submit" loading={saving}>
        {t('ticket.specialReasonSave')}
      </Button>
    </Form>
  );
}

export default function TicketPage() {
  const { id = '' } = useParams();
  const { t, tk } = useI18n();
  const user = useUser();
  const queryClient = useQueryClient();
  const ticket = useTicket(id);

  return (
    <CaseLayout
      type="ticket"
      query={ticket}
      caseKey={ticketKey(id)}
      tags={(x) => (
        <>
          <Tag color={x.kind === 'complaint' ? 'volcano' : 'blue'}>{tk('ticket.kind', x.kind)}</Tag>
          {x.overdue && <Tag color="red">{t('inbox.overdue')}</Tag>}
          {x.pausedAt && <Tag color="blue">{t('pause.tag')}</Tag>}
        </>
      )}
      details={(x) => [
        { label: t('customer.serviceTier'), value: <TierTag tier={x.tier ?? x.customer?.serviceTier} /> },
        !!x.customer?.address && { label: t('customer.address'), value: x.customer.address },
        !!x.contact && { label: t('ticket.contact'), value: x.contact },
        { label: t('ticket.dueAt'), value: fmtDateTime(x.dueAt) },
        !!x.closedAt && { label: t('ticket.closedAt'), value: fmtDateTime(x.closedAt) },
        !!x.specialReason && { label: t('ticket.specialReason'), value: x.specialReason },
      ]}
      headerBelow={(x) => (
        <>
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
            <Typography.Text strong>{t('ticket.problem')}: </Typography.Text>
            <span style={{ whiteSpace: 'pre-wrap' }} data-testid="ticket-problem-text">
              {x.problem}
            </span>
          </Typography.Paragraph>
          <PausePanel ticket={x} />
          <RatingPanel ticket={x} />
          {x.overdue && x.abilities?.excuse && (
            <>
              <Alert type="warning" showIcon title={t('ticket.lateHint')} style={{ marginTop: 12 }} />
              <SpecialReasonForm ticket={x} onSaved={() => queryClient.invalidateQueries({ queryKey: ticketKey(id) })} />
            </>
          )}
        </>
      )}
    />
  );
}
