// 工程师考评 (PROCESS §6.1): each engineer's and partner company's numbers; every number opens the
// tickets behind it. The tech manager and the GM see every row, an engineer their own with its trend
// under it; each name opens the person's record page (奖惩档案), 趋势 a row's trend.
import { useState } from 'react';
import { Button, Card, Drawer, Space, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined, LineChartOutlined, PrinterOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n';
import { fmtDateTime } from '../../../app/format';
import { engineerScoresPrintUrl, engineerScoresXlsxUrl, fmtRate, getEngineerMeasure, getEngineerScores, type EngineerScore } from '../api';
import { MonthPicker, monthOfReply, monthPeriod } from './PeriodPicker';
import { useCapabilities } from '../../../app/access';
import { EngineerTrendChart } from '../components/EngineerTrendChart';
import { recordPagePath } from '../components/reviewColumns';

type Drill = { subjectId: string; name: string; measure: string; label: string };

export default function EngineerScoresPage() {
  const { t } = useI18n();
  const [month, setMonth] = useState<Dayjs | undefined>();
  const period = month ? monthPeriod(month) : {};
  const scores = useQuery({ queryKey: ['report', 'engineers', period.from ?? 'current'], queryFn: () => getEngineerScores(period) });
  const [drill, setDrill] = useState<Drill | null>(null);
  const [trendOf, setTrendOf] = useState<EngineerScore | null>(null);
  const all = useCapabilities().engineerScoresAll;
  const cases = useQuery({
    queryKey: ['report', 'engineers', period.from, drill?.subjectId, drill?.measure],
    queryFn: () => getEngineerMeasure(drill!.subjectId, drill!.measure, period), enabled: !!drill,
  });
  const open = (r: EngineerScore, measure: string, label: string, text: string | number) => (
    <a data-testid={`drill-${measure}`} onClick={() => setDrill({ subjectId: (r.userId ?? r.partnerId)!, name: r.name, measure, label })}>{text}</a>
  );
  const w = scores.data?.weights;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} className="print-a4">
      <Card size="small">
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>{t('mgmt.engineers')}</Typography.Title>
          <MonthPicker value={month ?? monthOfReply(scores.data?.from)} onChange={setMonth} />
          <Button icon={<FileExcelOutlined />} href={engineerScoresXlsxUrl(period)}>{t('mgmt.export')}</Button>
          <Button icon={<PrinterOutlined />} href={engineerScoresPrintUrl(period)} target="_blank" rel="noopener" data-testid="engineers-print">{t('mgmt.print')}</Button>
          {w && <Typography.Text type="secondary">{t('mgmt.weights', { s: w.satisfaction, f: w.firstTimeFix, o: w.onTime })}</Typography.Text>}
        </Space>
      </Card>
      <Table<EngineerScore>
        size="small" data-testid="engineer-scores" loading={scores.isLoading} pagination={false}
        rowKey={(r) => r.userId ?? r.partnerId ?? r.name} dataSource={scores.data?.items ?? []}
        columns={[
          {
            title: t('mgmt.name'),
            render: (_, r) => <Space><Link to={recordPagePath(r)} data-testid="engineer-record-link">{r.name}</Link>{r.partnerId && <Tag>{t('mgmt.partner')}</Tag>}</Space>,
          },
          { title: t('mgmt.repairs'), render: (_, r) => open(r, 'repairs', t('mgmt.repairs'), r.repairs) },
          { title: t('mgmt.onTime'), render: (_, r) => open(r, 'repairsLate', t('mgmt.onTime'), fmtRate(r.onTimeRate)) },
          { title: t('mgmt.followUps'), render: (_, r) => open(r, 'followUps', t('mgmt.followUps'), r.followUps) },
          { title: t('mgmt.satisfaction'), render: (_, r) => open(r, 'unsatisfied', t('mgmt.satisfaction'), fmtRate(r.satisfactionRate)) },
          { title: t('mgmt.ftf'), render: (_, r) => open(r, 'complaintsClosed', t('mgmt.ftf'), `${fmtRate(r.firstTimeFixRate)} (${r.firstTimeFixes}/${r.complaintsClosed})`) },
          { title: t('mgmt.repeatFaults'), render: (_, r) => open(r, 'repeatFaults', t('mgmt.repeatFaults'), r.repeatFaults) },
          { title: t('mgmt.installations'), render: (_, r) => open(r, 'installations', t('mgmt.installations'), `${r.installations} (${r.installationsOnTime})`) },
          { title: t('mgmt.score'), dataIndex: 'score', render: (v: number | null) => <b data-testid="score">{v ?? '—'}</b> },
          ...(all ? [{
            title: t('reviews.trendShort'), key: 'trend',
            render: (_: unknown, r: EngineerScore) => <Button size="small" icon={<LineChartOutlined />} data-testid="open-trend" onClick={() => setTrendOf(r)}>{t('reviews.trendShort')}</Button>,
          }] : []),
        ]}
      />
      {/* an engineer: their own row's trend */}
      {!all && <EngineerTrendChart />}
      <Drawer width={720} open={!!trendOf} onClose={() => setTrendOf(null)} title={trendOf ? t('mgmt.drill', { name: trendOf.name, measure: t('reviews.trendShort') }) : ''} destroyOnHidden>
        {trendOf && <EngineerTrendChart subjectId={(trendOf.userId ?? trendOf.partnerId)!} />}
      </Drawer>
      <Drawer width={720} open={!!drill} onClose={() => setDrill(null)} title={drill ? t('mgmt.drill', { name: drill.name, measure: drill.label }) : ''}>
        <Table
          size="small" data-testid="drill-cases" loading={cases.isLoading} pagination={false} rowKey={(r) => `${r.caseId}:${r.taskId ?? ''}`}
          dataSource={cases.data?.items ?? []}
          columns={[
            { title: t('mgmt.case'), render: (_, r) => <Link to={`/${r.caseType === 'deal' ? 'deals' : 'tickets'}/${r.caseId}`}>{r.number}</Link> },
            { title: t('mgmt.customer'), dataIndex: 'customerName' },
            { title: t('mgmt.at'), render: (_, r) => fmtDateTime(r.at) },
            { title: t('mgmt.due'), render: (_, r) => (r.dueAt ? <span style={{ color: r.dueAt < r.at ? '#cf1322' : undefined }}>{fmtDateTime(r.dueAt)}</span> : '—') },
          ]}
        />
      </Drawer>
    </Space>
  );
}
