// 部门业绩 (PROCESS §6, issue 13): each department's measures of a month against the targets the GM
// sets (PUT /targets/{month}), with the share achieved. The GM sees every department and sets the
// targets; a department manager sees their own.
import { useState } from 'react';
import { Alert, App, Button, Card, Divider, Form, InputNumber, Modal, Progress, Result, Space, Spin, Table, Typography } from 'antd';
import { AimOutlined, FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n';
import { useCapabilities } from '../../../app/access';
import { ApiError, type ErrorDetail } from '../../../app/api';
import { fmtFen } from '../../../app/format';
import { applyServerErrors, validated } from '../../../app/formErrors';
import { ServerErrorAlert } from '../../../components/ServerErrorAlert';
import { departmentsPrintUrl, departmentsXlsxUrl, fmtRate, getDepartmentResults, putTargets, type DepartmentResults, type Targets } from '../api';
import { MonthPicker } from './PeriodPicker';

type Department = DepartmentResults['departments'][number];
type Measure = Department['measures'][number];

/** A value or target as people read it: money in yuan, a rate as %, a count; none: —. */
function fmtMeasure(m: Measure, v: number | null): string {
  if (v === null) return '—';
  return m.unit === 'fen' ? fmtFen(v) : m.unit === 'rate' ? fmtRate(v) : String(v);
}

/** The form shows rates in %, amounts in 元; the wire carries 0–1 and fen. */
const toForm = (m: Measure, v: number | null) => (v === null ? null : m.unit === 'rate' ? Math.round(v * 10000) / 100 : m.unit === 'fen' ? v / 100 : v);
const toWire = (m: Measure, v: number | null | undefined) => (v === null || v === undefined ? null : m.unit === 'rate' ? Math.round(v * 100) / 10000 : m.unit === 'fen' ? Math.round(v * 100) : v);

/** The largest amount target the server takes (1e13 fen), in 元. */
const MAX_YUAN = 1e11;

export default function DepartmentResultsPage() {
  const { t, lang } = useI18n();
  const can = useCapabilities();
  const [picked, setPicked] = useState<Dayjs | undefined>();
  const month = picked?.format('YYYY-MM'); // undefined: the server's current month
  const results = useQuery({ queryKey: ['report', 'departments', month ?? 'current'], queryFn: () => getDepartmentResults(month) });
  const r = results.data;
  const shownMonth = r?.month ?? month;
  const [editing, setEditing] = useState(false);
  const label = (l: { zh: string; en: string }) => (lang === 'en' ? l.en : l.zh);

  let body: React.ReactNode;
  if (results.isPending) body = <Spin style={{ display: 'block', marginTop: 40 }} />;
  else if (results.error instanceof ApiError && results.error.status === 403) body = <Result status="403" title="403" subTitle={t('error.noAccess')} />;
  else if (results.error || !r)
    body = <Alert type="error" showIcon title={t('dept.loadFailed')} action={<Button onClick={() => results.refetch()}>{t('common.refresh')}</Button>} />;
  else body = r.departments.map((d) => (
    <Card key={d.department} title={label(d.label)} size="small" data-testid={`dept-${d.department}`}>
      <Table<Measure>
        size="small" pagination={false} rowKey="key" dataSource={d.measures} tableLayout="fixed"
        columns={[
          { title: t('dept.measure'), width: '34%', render: (_, m) => label(m.label) },
          { title: t('dept.value'), width: '18%', align: 'right', render: (_, m) => <span data-testid={`value-${m.key}`}>{fmtMeasure(m, m.value)}</span> },
          { title: t('dept.target'), width: '18%', align: 'right', render: (_, m) => <span data-testid={`target-${m.key}`}>{fmtMeasure(m, m.target)}</span> },
          {
            title: t('dept.achieved'),
            render: (_, m) => (m.achievedPct === null ? <span data-testid={`achieved-${m.key}`}>—</span> : (
              <Progress
                data-testid={`achieved-${m.key}`} size="small" percent={Math.min(100, m.achievedPct)} status={m.achievedPct >= 100 ? 'success' : 'normal'}
                format={() => `${m.achievedPct}%`}
              />
            )),
          },
        ]}
      />
    </Card>
  ));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="departments-page">
      <Link to="/reports">← {t('menu.reports')}</Link>
      <Card size="small">
        <Space wrap size="middle" style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>{t('dept.title')}</Typography.Title>
            <MonthPicker value={picked ?? (r ? dayjs(`${r.month}-01`) : undefined)} onChange={setPicked} />
          </Space>
          <Space wrap>
            {can.setTargets && r && (
              <Button type="primary" icon={<AimOutlined />} onClick={() => setEditing(true)} data-testid="set-targets">{t('dept.setTargets')}</Button>
            )}
            <Button icon={<FileExcelOutlined />} href={shownMonth ? departmentsXlsxUrl(shownMonth) : undefined} disabled={!shownMonth} download data-testid="departments-xlsx">
              {t('common.exportExcel')}
            </Button>
            <Button icon={<PrinterOutlined />} href={shownMonth ? departmentsPrintUrl(shownMonth) : undefined} disabled={!shownMonth} target="_blank" rel="noopener" data-testid="departments-print">
              {t('common.print')}
            </Button>
          </Space>
        </Space>
      </Card>
      <Spin spinning={results.isFetching && !!r}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>{body}</Space>
      </Spin>
      {editing && r && <TargetsModal results={r} label={label} onClose={() => setEditing(false)} />}
    </Space>
  );
}

/** 设置目标: one input per measure of every department shown; an emptied input removes its target. */
function TargetsModal({ results, label, onClose }: { results: DepartmentResults; label: (l: { zh: string; en: string }) => string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Record<string, number | null>>();
  const [busy, setBusy] = useState(false);
  const [unmatched, setUnmatched] = useState<ErrorDetail[]>([]);
  const measures = results.departments.flatMap((d) => d.measures);
  const initial = Object.fromEntries(measures.map((m) => [m.key, toForm(m, m.target)]));

  const save = async () => {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    setUnmatched([]);
    try {
      const body: Targets = Object.fromEntries(measures.map((m) => [m.key, toWire(m, v[m.key])]));
      await putTargets(results.month, body);
      message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: ['report', 'departments'] });
      onClose();
    } catch (e) {
      // a refused target keeps what was typed; the field says why
      setUnmatched(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open title={t('dept.targetsTitle', { month: results.month })} onOk={save} okText={t('common.save')} confirmLoading={busy}
      onCancel={onClose} width={560} data-testid="targets-modal"
    >
      <ServerErrorAlert details={unmatched} />
      <Form form={form} name="targets" layout="horizontal" labelCol={{ span: 12 }} wrapperCol={{ span: 12 }} initialValues={initial}>
        {results.departments.map((d) => (
          <div key={d.department}>
            <Divider titlePlacement="start" plain>{label(d.label)}</Divider>
            {d.measures.map((m) => (
              <Form.Item
                key={m.key} name={m.key} label={label(m.label)}
                rules={[{
                  type: 'number', min: 0, max: m.unit === 'rate' ? 100 : m.unit === 'fen' ? MAX_YUAN : undefined,
                  message: m.unit === 'rate' ? t('dept.rateRange') : m.unit === 'fen' ? t('dept.amountRange') : t('dept.notNegative'),
                }, ...(m.unit === 'count' ? [{ validator: (_: unknown, v: number | null) => (v === null || v === undefined || Number.isInteger(v) ? Promise.resolve() : Promise.reject(new Error(t('dept.wholeNumber')))) }] : [])]}
              >
                <InputNumber
                  style={{ width: '100%' }} suffix={m.unit === 'rate' ? '%' : m.unit === 'fen' ? t('dept.yuan') : undefined}
                  placeholder={t('dept.noTarget')}
                />
              </Form.Item>
            ))}
          </div>
        ))}
      </Form>
      <Typography.Text type="secondary">{t('dept.targetsHint')}</Typography.Text>
    </Modal>
  );
}
