// Issue 16 on the ticket page: the SLA pause (pause with a reason, resume) and the customer's
// rating link with the customer's own rating, which the CS agent confirms on the follow-up call.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n';
import { fmtDateTime } from '../../../app/format';
import { applyServerErrors } from '../../../app/formErrors';
import { useProcess } from '../../process/queries';
import { pauseTicket, resumeTicket, type TicketDetail } from '../api';
import { ticketKey } from '../queries';

export function PausePanel({ ticket }: { ticket: TicketDetail }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const def = useProcess().data;
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string; note?: string }>();
  const pause = def?.ticketPause;
  const reasons = pause?.reasons ?? [];
  const label = (v: string | null | undefined) => reasons.find((r) => r.value === v)?.label[lang] ?? v ?? '';
  const may = !!pause && !!ticket.abilities?.pause;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ticketKey(ticket.id) });

  return (
    <div style={{ marginTop: 12 }} data-testid="pause-panel">
      {ticket.pausedAt && (
        <Alert
          type="info"
          showIcon
          title={`${t('pause.pausedSince')} ${fmtDateTime(ticket.pausedAt)} · ${label(ticket.pauseReason)}`}
          description={t('pause.hint')}
          action={may && (
            <Button size="small" loading={busy} data-testid="ticket-resume" onClick={async () => {
              setBusy(true);
              try { await resumeTicket(ticket.id); message.success(t('pause.resumed')); await refresh(); } catch { /* reported */ } finally { setBusy(false); }
            }}>{t('pause.resume')}</Button>
          )}
        />
      )}
      {!ticket.pausedAt && may && <Button onClick={() => setOpen(true)} data-testid="ticket-pause">{t('pause.pause')}</Button>}
      {ticket.pauses.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('pause.history')}：{ticket.pauses.map((p) => `${label(p.reason)} ${fmtDateTime(p.pausedAt)} → ${p.resumedAt ? fmtDateTime(p.resumedAt) : '…'}${p.workingDays != null ? `（${Math.round(p.workingDays * 100) / 100} ${t('pause.workingDays')}）` : ''}`).join('；')}
        </Typography.Paragraph>
      )}
      <Modal
        open={open}
        title={t('pause.pause')}
        okText={t('pause.pause')}
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ reason: reasons[0]?.value }} onFinish={async (v) => {
          setBusy(true);
          try {
            await pauseTicket(ticket.id, { reason: v.reason, ...(v.note?.trim() ? { note: v.note.trim() } : {}) });
            message.success(t('pause.paused'));
            setOpen(false);
            await refresh();
          } catch (e) {
            applyServerErrors(form, e);
          } finally {
            setBusy(false);
          }
        }}>
          <Form.Item name="reason" label={t('pause.reason')} rules={[{ required: true }]}>
            <Select options={reasons.map((r) => ({ value: r.value, label: r.label[lang] }))} data-testid="pause-reason" />
          </Form.Item>
          <Form.Item name="note" label={t('pause.note')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

export function RatingPanel({ ticket }: { ticket: TicketDetail }) {
  const { t } = useI18n();
  if (!ticket.ratingUrl || !ticket.rating) return null;
  const r = ticket.rating;
  const link = `${window.location.origin}${ticket.ratingUrl}`;
  return (
    <div style={{ marginTop: 12 }} data-testid="rating-panel">
      {r.status === 'rated' ? (
        <Alert
          type={r.satisfied ? 'success' : 'warning'}
          showIcon
          data-testid="customer-rating"
          title={<Space>{t('rating.customerRated')}<Tag color={r.satisfied ? 'green' : 'red'}>{r.satisfied ? t('rating.satisfied') : t('rating.unsatisfied')}</Tag>{r.ratedAt && fmtDateTime(r.ratedAt)}</Space>}
          description={<>{r.comment && <div>{t('rating.customerComment')}：{r.comment}</div>}<div>{t('rating.confirmByPhone')}</div></>}
        />
      ) : (
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          <Typography.Text strong>{t('rating.link')}：</Typography.Text>
          <Typography.Text copyable={{ text: link }} data-testid="rating-link">{link}</Typography.Text>{' '}
          <Tag>{r.status === 'expired' ? t('rating.expired') : `${t('rating.waiting')} · ${t('rating.expires')} ${fmtDateTime(r.expiresAt)}`}</Tag>
        </Typography.Paragraph>
      )}
    </div>
  );
}
