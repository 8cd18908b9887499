// The sysadmin sets up e-mail, the DingTalk and WeCom group robots, which event goes where,
// sends a test message, and watches the outbox (issue 16). Secrets are never shown again.
import { useState } from 'react';
import { App, Button, Card, Checkbox, Col, Form, Input, Row, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n';
import { fmtDateTime } from '../../../app/format';
import { applyServerErrors } from '../../../app/formErrors';
import { ListPage, flatParams, type ListColumn } from '../../../components/ListPage';
import {
  CHANNELS, EVENT_KINDS, getNotificationSettings, listOutbox, putNotificationSettings, retryOutbox, sendTestMessage,
  type Channel, type NotificationSettings, type OutboxMessage,
} from '../api';

type Values = {
  smtpUrl?: string; from?: string; dingtalkUrl?: string; dingtalkSecret?: string; wecomUrl?: string; publicUrl?: string; testTo?: string;
};

function ChannelsCard({ settings }: { settings: NotificationSettings }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [testing, setTesting] = useState<Channel | null>(null);
  const configuredHint = (c: { configured: boolean; server?: string }) => (c.configured ? `${t('notify.configured')}${c.server ? ` · ${c.server}` : ''}` : t('notify.notConfigured'));

  const save = async (v: Values) => {
    const body: Record<string, unknown> = {};
    if (v.smtpUrl || v.from) body.email = { smtpUrl: v.smtpUrl ?? '', from: v.from ?? settings.email.from ?? '' };
    if (v.dingtalkUrl) body.dingtalk = { webhookUrl: v.dingtalkUrl, ...(v.dingtalkSecret ? { secret: v.dingtalkSecret } : {}) };
    if (v.wecomUrl) body.wecom = { webhookUrl: v.wecomUrl };
    if (v.publicUrl !== undefined && v.publicUrl !== (settings.publicUrl ?? '')) body.publicUrl = v.publicUrl || null;
    setSaving(true);
    try {
      const next = await putNotificationSettings(body);
      queryClient.setQueryData(['notification-settings'], next);
      form.resetFields(['smtpUrl', 'dingtalkUrl', 'dingtalkSecret', 'wecomUrl']);
      message.success(t('common.saved'));
    } catch (e) {
      applyServerErrors(form, e, { 'email.smtpUrl': 'smtpUrl', 'email.from': 'from', 'dingtalk.webhookUrl': 'dingtalkUrl', 'dingtalk.secret': 'dingtalkSecret', 'wecom.webhookUrl': 'wecomUrl' });
    } finally {
      setSaving(false);
    }
  };

  const test = async (channel: Channel) => {
    setTesting(channel);
    try {
      const to = form.getFieldValue('testTo') as string | undefined;
      const r = await sendTestMessage({ channel, ...(channel === 'email' && to ? { to } : {}) });
      if (r.ok) message.success(t('notify.testSent'));
      else message.error(`${t('notify.testFailed')}: ${r.error ?? ''}`);
      queryClient.invalidateQueries({ queryKey: ['list', 'outbox'] });
    } catch {
      // reported by the API client
    } finally {
      setTesting(null);
    }
  };

  return (
    <Card title={t('notify.channels')} data-testid="notify-channels">
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ from: settings.email.from, publicUrl: settings.publicUrl ?? '' }}>
        <Row gutter={24}>
          <Col xs={24} lg={8}>
            <Typography.Title level={5}>{t('notify.email')} <Tag color={settings.email.configured ? 'green' : 'default'}>{configuredHint(settings.email)}</Tag></Typography.Title>
            <Form.Item name="smtpUrl" label={t('notify.smtpUrl')} extra={t('notify.secretHint')}>
              <Input placeholder="smtps://user:password@smtp.example.com:465" autoComplete="off" />
            </Form.Item>
            <Form.Item name="from" label={t('notify.from')}><Input placeholder="方圆 <noreply@example.com>" /></Form.Item>
            <Form.Item name="testTo" label={t('notify.testTo')}><Input placeholder="you@example.com" /></Form.Item>
            <Button onClick={() => test('email')} loading={testing === 'email'} disabled={!settings.email.configured} data-testid="notify-test-email">{t('notify.sendTest')}</Button>
          </Col>
          <Col xs={24} lg={8}>
            <Typography.Title level={5}>{t('notify.dingtalk')} <Tag color={settings.dingtalk.configured ? 'green' : 'default'}>{configuredHint(settings.dingtalk)}</Tag>{settings.dingtalk.signed && <Tag color="blue">{t('notify.signed')}</Tag>}</Typography.Title>
            <Form.Item name="dingtalkUrl" label={t('notify.webhookUrl')} extra={t('notify.secretHint')}>
              <Input placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" autoComplete="off" data-testid="notify-dingtalk-url" />
            </Form.Item>
            <Form.Item name="dingtalkSecret" label={t('notify.dingtalkSecret')}>
              <Input.Password placeholder="SEC…" autoComplete="new-password" data-testid="notify-dingtalk-secret" />
            </Form.Item>
            <Button onClick={() => test('dingtalk')} loading={testing === 'dingtalk'} disabled={!settings.dingtalk.configured} data-testid="notify-test-dingtalk">{t('notify.sendTest')}</Button>
          </Col>
          <Col xs={24} lg={8}>
            <Typography.Title level={5}>{t('notify.wecom')} <Tag color={settings.wecom.configured ? 'green' : 'default'}>{configuredHint(settings.wecom)}</Tag></Typography.Title>
            <Form.Item name="wecomUrl" label={t('notify.webhookUrl')} extra={t('notify.secretHint')}>
              <Input placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" autoComplete="off" />
            </Form.Item>
            <Button onClick={() => test('wecom')} loading={testing === 'wecom'} disabled={!settings.wecom.configured} data-testid="notify-test-wecom">{t('notify.sendTest')}</Button>
          </Col>
        </Row>
        <Form.Item name="publicUrl" label={t('notify.publicUrl')} extra={t('notify.publicUrlHint')} style={{ marginTop: 16, maxWidth: 480 }}>
          <Input placeholder="https://fangyuan.example.com" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="notify-save">{t('common.save')}</Button>
      </Form>
    </Card>
  );
}

function RoutingCard({ settings }: { settings: NotificationSettings }) {
  const { t, tk } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const toggle = async (kind: string, channel: Channel, on: boolean) => {
    try {
      const next = await putNotificationSettings({ routing: { [kind]: { [channel]: on } } });
      queryClient.setQueryData(['notification-settings'], next);
      message.success(t('common.saved'));
    } catch {
      // reported by the API client
    }
  };
  const routing = settings.routing as Record<string, Record<Channel, boolean>>;
  return (
    <Card title={t('notify.routing')} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('notify.routingHint')}</Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey="kind"
        dataSource={EVENT_KINDS.map((kind) => ({ kind }))}
        columns={[
          { key: 'kind', title: t('notify.event'), render: (_, r) => tk('notify.kind', r.kind) },
          ...CHANNELS.map((c) => ({
            key: c, title: tk('notify', c),
            render: (_: unknown, r: { kind: string }) => <Checkbox checked={routing[r.kind]?.[c]} onChange={(e) => toggle(r.kind, c, e.target.checked)} />,
          })),
        ]}
      />
    </Card>
  );
}

function OutboxList() {
  const { t, tk } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const columns: ListColumn<OutboxMessage>[] = [
    { key: 'createdAt', title: t('notify.createdAt'), render: (_, r) => fmtDateTime(r.createdAt), width: 150 },
    { key: 'channel', title: t('notify.channel'), render: (_, r) => tk('notify', r.channel), width: 100 },
    { key: 'to', title: t('notify.to'), dataIndex: 'to', width: 180 },
    { key: 'subject', title: t('notify.subject'), dataIndex: 'subject' },
    { key: 'status', title: t('notify.status'), width: 100, render: (_, r) => <Tag color={r.status === 'sent' ? 'green' : r.status === 'failed' ? 'red' : 'gold'}>{tk('notify.status', r.status)}</Tag> },
    { key: 'attempts', title: t('notify.attempts'), dataIndex: 'attempts', width: 80 },
    { key: 'when', title: t('notify.when'), width: 150, render: (_, r) => fmtDateTime(r.sentAt ?? r.nextAttemptAt) },
    { key: 'lastError', title: t('notify.lastError'), render: (_, r) => r.lastError ? <Typography.Text type="danger" ellipsis={{ tooltip: r.lastError }} style={{ maxWidth: 220 }}>{r.lastError}</Typography.Text> : null },
    {
      key: 'actions', title: '', width: 90,
      render: (_, r) => r.status === 'failed' && (
        <Button size="small" onClick={async () => { await retryOutbox(r.id); message.success(t('notify.retried')); queryClient.invalidateQueries({ queryKey: ['list', 'outbox'] }); }}>{t('notify.retry')}</Button>
      ),
    },
  ];
  return (
    <div style={{ marginTop: 16 }}>
      <ListPage<OutboxMessage>
        name="outbox"
        title={t('notify.outbox')}
        fetch={(p) => listOutbox(flatParams(p))}
        columns={columns}
        tableTestId="outbox-table"
        filters={[
          { kind: 'search', key: 'q', placeholder: t('notify.searchOutbox') },
          { kind: 'select', key: 'channel', placeholder: t('notify.channel'), width: 140, options: CHANNELS.map((c) => ({ value: c, label: tk('notify', c) })) },
          { kind: 'segmented', key: 'status', initial: '', options: [{ value: '', label: t('notify.all') }, ...['pending', 'failed', 'sent'].map((s) => ({ value: s, label: tk('notify.status', s) }))] },
        ]}
      />
    </div>
  );
}

export default function NotificationSettingsPage() {
  const settings = useQuery({ queryKey: ['notification-settings'], queryFn: getNotificationSettings });
  if (!settings.data) return <Card loading />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={0}>
      <ChannelsCard settings={settings.data} />
      <RoutingCard settings={settings.data} />
      <OutboxList />
    </Space>
  );
}
