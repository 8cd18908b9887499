import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Radio, Row, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../app/i18n';
import { translateReason } from '../../../app/i18n/reasons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { applyServerErrors, validated } from '../../../app/formErrors';
import { cleanBody } from '../../../app/wire';
import { TZ } from '../../../app/format';
import { useServerClock } from '../../../app/serverClock';
import { required } from '../../../app/rules';
import { deleteCalendarDay, getCalendarDay, getCalendarStatus, listCalendarDays, putBusinessHours, putCalendarDay, type CalendarDay } from '../api';

const KIND_COLOR: Record<string, string> = { workday: 'blue', weekend: 'default', holiday: 'red', makeup_workday: 'orange' };

function KindTag({ kind }: { kind: string }) {
  const { tk } = useI18n();
  return <Tag color={KIND_COLOR[kind] ?? 'default'}>{tk('calendar.kind', kind)}</Tag>;
}

/** The week around a date: how each day counts for deadlines. */
function WeekLookup() {
  const { t } = useI18n();
  const clock = useServerClock();
  const [picked, setDate] = useState<Dayjs | null>(null);
  // the server's today (a training server may run a manual clock)
  const date = picked ?? dayjs(clock?.now ?? undefined).tz(TZ);
  const monday = date.startOf('day').subtract((date.day() + 6) % 7, 'day').format('YYYY-MM-DD');
  const week = useQuery({
    queryKey: ['calendar', 'week', monday],
    queryFn: () => Promise.all(Array.from({ length: 7 }, (_, i) => getCalendarDay(dayjs(monday).add(i, 'day').format('YYYY-MM-DD')))),
  });
  return (
    <Card title={t('calendar.week')} extra={<DatePicker id="calendar-date" value={dayjs(date.format('YYYY-MM-DD'))} onChange={(d) => d && setDate(d)} allowClear={false} />}>
      <Table<CalendarDay>
        size="small"
        rowKey="date"
        loading={week.isPending}
        dataSource={week.data ?? []}
        pagination={false}
        columns={[
          { title: t('calendar.date'), dataIndex: 'date', render: (v: string) => `${v} ${dayjs(v).format('ddd')}` },
          { title: t('calendar.workday'), dataIndex: 'workday', render: (v: boolean) => (v ? t('common.yes') : t('common.no')) },
          { title: t('calendar.kind'), dataIndex: 'kind', render: (v: string) => <KindTag kind={v} /> },
          { title: t('calendar.name'), dataIndex: 'name', render: (v?: string | null) => v ?? '' },
        ]}
      />
    </Card>
  );
}

function SpecialDays() {
  const { t, tk } = useI18n();
  const { message } = App.useApp();
  const [year, setYear] = useState<number>(dayjs().tz(TZ).year());
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ date: Dayjs; kind: 'holiday' | 'makeup_workday'; name?: string }>();
  const queryClient = useQueryClient();
  const days = useQuery({ queryKey: ['calendar', 'days', year], queryFn: () => listCalendarDays(year) });

  const save = async () => {
    const v = await validated(form);
    if (!v) return;
    try {
      await putCalendarDay(v.date.format('YYYY-MM-DD'), cleanBody({ kind: v.kind, name: v.name }));
      message.success(t('common.saved'));
      setEditing(false);
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
    } catch (e) {
      applyServerErrors(form, e);
    }
  };

  return (
    <Card
      title={t('calendar.specialDays')}
      extra={
        <Space>
          <InputNumber value={year} min={1900} max={2200} onChange={(v) => v && setYear(v)} />
          <Button
            icon={<PlusOutlined />}
            onClick={() => {
              form.resetFields();
              setEditing(true);
            }}
          >
            {t('common.add')}
          </Button>
        </Space>
      }
    >
      {days.data?.officialData === false && <Alert type="warning" showIcon title={t('calendar.noOfficialData', { year })} style={{ marginBottom: 12 }} />}
      <Table
        size="small"
        rowKey="date"
        loading={days.isPending}
        dataSource={days.data?.items ?? []}
        pagination={{ pageSize: 15, hideOnSinglePage: true }}
        columns={[
          { title: t('calendar.date'), dataIndex: 'date' },
          { title: t('calendar.kind'), dataIndex: 'kind', render: (v: string) => <KindTag kind={v} /> },
          { title: t('calendar.name'), dataIndex: 'name', render: (v?: string | null) => v ?? '' },
          { title: t('calendar.source'), dataIndex: 'source', render: (v?: string) => tk('calendar.source', v) },
          {
            title: t('common.actions'),
            key: 'a',
            render: (_, d: { date: string }) => (
              <Popconfirm
                title={t('common.delete')}
                onConfirm={async () => {
                  try {
                    await deleteCalendarDay(d.date);
                    void queryClient.invalidateQueries({ queryKey: ['calendar'] });
                  } catch {
                    /* reported */
                  }
                }}
              >
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
              </Popconfirm>
            ),
          },
        ]}
      />
      <Modal open={editing} title={t('calendar.specialDays')} onOk={save} onCancel={() => setEditing(false)} okText={t('common.save')} cancelText={t('common.cancel')} forceRender>
        <Form form={form} layout="vertical" initialValues={{ kind: 'holiday' }} name="calendar-day">
          <Form.Item name="date" label={t('calendar.date')} rules={required(t, t('calendar.date'), { whitespace: false })}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="kind" label={t('calendar.kind')} rules={required(t, t('calendar.kind'), { whitespace: false })}>
            <Radio.Group
              options={[
                { value: 'holiday', label: t('calendar.kind.holiday') },
                { value: 'makeup_workday', label: t('calendar.kind.makeup_workday') },
              ]}
            />
          </Form.Item>
          <Form.Item name="name" label={t('calendar.name')} rules={[{ max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function BusinessHours() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const status = useQuery({ queryKey: ['calendar', 'status'], queryFn: () => getCalendarStatus() });
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ periods: { start: string; end: string }[] }>();
  if (status.error) return null;
  const s = status.data;
  const save = async () => {
    const v = await validated(form);
    if (!v) return;
    try {
      await putBusinessHours(v.periods);
      message.success(t('common.saved'));
      setEditing(false);
      void status.refetch();
    } catch (e) {
      applyServerErrors(form, e);
    }
  };
  const hhmm = { pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'HH:mm' };
  return (
    <Card
      title={t('calendar.hours')}
      extra={
        <Button
          onClick={() => {
            form.setFieldsValue({ periods: s?.hours?.periods ?? [] });
            setEditing(true);
          }}
        >
          {t('common.edit')}
        </Button>
      }
    >
      {s?.warning && (
        <Alert type="warning" showIcon title={translateReason('calendar.no_holiday_data', { years: s.missingYears.join('、') }, s.warning, lang)} style={{ marginBottom: 12 }} />
      )}
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('calendar.hours')}>
          {(s?.hours?.periods ?? []).map((p) => (
            <Tag key={p.start}>{`${p.start}–${p.end}`}</Tag>
          ))}
        </Descriptions.Item>
        {s?.officialYears && <Descriptions.Item label={t('calendar.officialYears')}>{s.officialYears.join('、') || '—'}</Descriptions.Item>}
      </Descriptions>
      <Modal open={editing} title={t('calendar.hours')} onOk={save} onCancel={() => setEditing(false)} okText={t('common.save')} cancelText={t('common.cancel')} forceRender>
        <Form form={form} name="hours">
          <Form.List name="periods">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'start']} rules={[{ required: true, message: 'HH:mm' }, hhmm]}>
                      <Input placeholder="09:00" style={{ width: 100 }} />
                    </Form.Item>
                    <Typography.Text>–</Typography.Text>
                    <Form.Item name={[f.name, 'end']} rules={[{ required: true, message: 'HH:mm' }, hhmm]}>
                      <Input placeholder="12:00" style={{ width: 100 }} />
                    </Form.Item>
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('common.add')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </Card>
  );
}

/** 工作日历: business hours, holidays and make-up working days, and a date lookup. */
export default function CalendarPage() {
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={12}>
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <BusinessHours />
          <WeekLookup />
        </Space>
      </Col>
      <Col xs={24} xl={12}>
        <SpecialDays />
      </Col>
    </Row>
  );
}
