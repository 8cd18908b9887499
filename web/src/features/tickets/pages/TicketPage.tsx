import { useState } from 'react';
import { Alert, App, Button, Card, Col, Collapse, Descriptions, Form, Input, Row, Space, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/auth';
import { access } from '../../../app/access';
import { useRemote } from '../../../app/useRemote';
import { fmtDateTime } from '../../../app/format';
import { applyServerErrors } from '../../../app/formErrors';
import { NotFoundState } from '../../../components/EmptyState';
import { StateTag } from '../../../components/StateTag';
import { TierTag } from '../../customers/components/TierTag';
import { DocumentList } from '../../documents/components/DocumentList';
import { TaskPanel } from '../../tasks/components/TaskPanel';
import { TaskTimeline } from '../../tasks/components/TaskTimeline';
import { HistoryList } from '../../tasks/components/HistoryList';
import { required } from '../../tasks/components/stepForm';
import { getTicket, recordSpecialReason, type TicketDetail } from '../api';
import { TICKET_STEP_FORMS } from '../components/stepForms';

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
      <Form.Item name="reason" rules={[...required(t, t('ticket.specialReason')), { max: 2000 }]} style={{ flex: 1, minWidth: 280 }}>
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
  const can = access(user.roles);
  const ticket = useRemote(() => getTicket(id), [id]);

  if (ticket.loading && !ticket.data) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (ticket.error?.status === 404) return <NotFoundState />;
  if (!ticket.data) return <NotFoundState />;
  const x = ticket.data;
  const tasks = x.tasks ?? [];
  const open = tasks.filter((task) => task.status === 'open');
  const managesCs = user.roles.includes('cs_manager') || user.roles.includes('gm');

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span data-testid="ticket-number">{x.number ?? x.id}</span>
            <Tag color={x.kind === 'complaint' ? 'volcano' : 'blue'}>{tk('ticket.kind', x.kind)}</Tag>
            <StateTag state={x.state} />
            {x.overdue && <Tag color="red">{t('inbox.overdue')}</Tag>}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('common.customer')}>
            {x.customer ? can.viewCustomer ? <Link to={`/customers/${x.customerId}`}>{x.customer.name}</Link> : x.customer.name : x.customerName ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('customer.contactPerson')}>{x.customer ? `${x.customer.contactPerson} ${x.customer.phone}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('customer.serviceTier')}>
            <TierTag tier={x.tier ?? x.customer?.serviceTier} />
          </Descriptions.Item>
          {x.customer?.address && <Descriptions.Item label={t('customer.address')}>{x.customer.address}</Descriptions.Item>}
          {x.contact && <Descriptions.Item label={t('ticket.contact')}>{x.contact}</Descriptions.Item>}
          <Descriptions.Item label={t('common.createdAt')}>{fmtDateTime(x.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('ticket.dueAt')}>{fmtDateTime(x.dueAt)}</Descriptions.Item>
          {x.closedAt && <Descriptions.Item label={t('ticket.closedAt')}>{fmtDateTime(x.closedAt)}</Descriptions.Item>}
          {x.specialReason && <Descriptions.Item label={t('ticket.specialReason')}>{x.specialReason}</Descriptions.Item>}
        </Descriptions>
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          <Typography.Text strong>{t('ticket.problem')}: </Typography.Text>
          <span style={{ whiteSpace: 'pre-wrap' }} data-testid="ticket-problem-text">
            {x.problem}
          </span>
        </Typography.Paragraph>
        {x.overdue && managesCs && (
          <>
            <Alert type="warning" showIcon title={t('ticket.lateHint')} style={{ marginTop: 12 }} />
            <SpecialReasonForm ticket={x} onSaved={ticket.reload} />
          </>
        )}
      </Card>

      <Row gutter={[24, 24]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            {open.length === 0 ? (
              <Card>
                <Typography.Text type="secondary">{t('deal.finished')}</Typography.Text>
              </Card>
            ) : (
              open.map((task) => <TaskPanel key={task.id} task={task} caseData={x} forms={TICKET_STEP_FORMS} onCompleted={ticket.reload} />)
            )}
            <Card title={t('deal.documents')}>
              <DocumentList documents={x.documents ?? []} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Card title={t('deal.timeline')}>
              <TaskTimeline tasks={tasks} startLabel={t('ticket.created')} startAt={x.createdAt} />
            </Card>
            <Collapse items={[{ key: 'h', label: t('deal.history'), children: <HistoryList rows={x.history ?? []} /> }]} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
