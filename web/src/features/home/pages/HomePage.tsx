import { useMemo, type ReactNode } from 'react';
import { Card, Col, Empty, List, Row, Statistic, Typography } from 'antd';
import ReactECharts from 'echarts-for-react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n';
import { useCapabilities } from '../../../app/access';
import { fmtFen } from '../../../app/format';
import { stepsOf, useProcess, useProcessText } from '../../process/queries';
import { listDeals } from '../../deals/api';
import { countByState } from '../../reports/pages/ReportsPage';
import { fmtRate, getEngineerScores, getSalesReview, getWeekly } from '../../reports/api';
import { casePath } from '../../tasks/api';
import { addDays, getDepartmentResults, isoWeek, listFeedbackReports, monthsBack, openTasks, type DepartmentResults, type TaskPage } from '../api';

// 工作台 (issue 13 item 6): each role's home page, composed from the existing reports.

function Tile({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Col xs={24} lg={12}>
      <Card title={title} data-testid={testId} style={{ height: '100%' }}>{children}</Card>
    </Col>
  );
}

// drawn at once: the home page opens at every sign-in, and an animated chart costs every one of them
const chart = (option: object, height = 260) => <ReactECharts option={{ animation: false, ...option }} style={{ height }} notMerge />;

function PipelineFunnel({ title, testId, mine }: { title: string; testId: string; mine?: boolean }) {
  const { ts } = useI18n();
  const def = useProcess().data;
  const steps = stepsOf(def, 'deal');
  const q = useQuery({ queryKey: ['home', 'funnel', !!mine, def?.version], queryFn: () => countByState(steps, (state) => listDeals({ state, pageSize: 1, mine: mine ? 'true' : undefined })), enabled: !!def });
  // a funnel counts the deals that reached each step: those at it and those further on
  const counts = q.data ?? [];
  const data = counts.map((d, i) => ({ name: ts(d.state), value: counts.slice(i).reduce((n, x) => n + x.count, 0) }));
  return (
    <Tile title={title} testId={testId}>
      {chart({
        // drawn as bars (an echarts funnel draws the many 0-count later steps badly)
        tooltip: { trigger: 'axis' }, grid: { left: 90, right: 40, top: 8, bottom: 8 },
        xAxis: { type: 'value', show: false, minInterval: 1 }, yAxis: { type: 'category', inverse: true, data: data.map((d) => d.name) },
        series: [{ type: 'bar', data: data.map((d) => d.value), barWidth: '70%', itemStyle: { color: '#1677ff' }, label: { show: true, position: 'right' } }],
      }, Math.max(240, data.length * 26))}
    </Tile>
  );
}

function SignedByMonth({ month }: { month: string }) {
  const { t } = useI18n();
  const months = [5, 4, 3, 2, 1, 0].map((n) => monthsBack(month, n));
  const q = useQuery({
    queryKey: ['home', 'signed', month],
    queryFn: () => Promise.all(months.map((m) => getDepartmentResults(m))),
  });
  const values = (q.data ?? []).map((r) => r.departments.flatMap((d) => d.measures).find((x) => x.key === 'signedAmountFen')?.value ?? 0);
  return (
    <Tile title={t('home.signedByMonth')} testId="home-signed">
      {chart({
        tooltip: { trigger: 'axis', valueFormatter: (v: number) => fmtFen(Math.round(v * 100)) }, grid: { left: 70, right: 16, top: 24, bottom: 30 },
        xAxis: { type: 'category', data: months }, yAxis: { type: 'value', name: t('home.yuan') },
        series: [{ type: 'bar', data: values.map((v) => v / 100), itemStyle: { color: '#1677ff' }, label: { show: true, position: 'top' } }],
      })}
    </Tile>
  );
}

/** Open and overdue tasks, per department (from the assignee role's department). */
function WorkByDepartment({ tasks, title }: { tasks: TaskPage | undefined; title: string }) {
  const { t } = useI18n();
  const text = useProcessText();
  const roles = (text.def?.roles ?? {}) as Record<string, { department?: string }>;
  const rows = useMemo(() => {
    const m = new Map<string, { open: number; overdue: number }>();
    for (const task of tasks?.items ?? []) {
      const dep = roles[task.assigneeRole]?.department;
      const key = dep ? text.department(dep) : text.role(task.assigneeRole);
      const r = m.get(key) ?? { open: 0, overdue: 0 };
      r.open += 1;
      if (task.overdue) r.overdue += 1;
      m.set(key, r);
    }
    return [...m.entries()];
  }, [tasks, roles, text]);
  return (
    <Tile title={title} testId="home-work">
      {chart({
        tooltip: { trigger: 'axis' }, legend: { data: [t('home.open'), t('home.overdue')] }, grid: { left: 90, right: 24, top: 30, bottom: 24 },
        xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: rows.map(([k]) => k) },
        series: [
          { name: t('home.open'), type: 'bar', data: rows.map(([, r]) => r.open), itemStyle: { color: '#1677ff' }, label: { show: true, position: 'right' } },
          { name: t('home.overdue'), type: 'bar', data: rows.map(([, r]) => r.overdue), itemStyle: { color: '#cf1322' }, label: { show: true, position: 'right' } },
        ],
      })}
    </Tile>
  );
}

function SatisfactionTrend() {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['home', 'satisfaction'],
    queryFn: async () => {
      const current = await getWeekly();
      const start = current.from.slice(0, 10);
      const earlier = await Promise.all([35, 28, 21, 14, 7].map((d) => getWeekly(isoWeek(addDays(start, -d)))));
      return [...earlier, current];
    },
  });
  const weeks = q.data ?? [];
  return (
    <Tile title={t('home.satisfaction')} testId="home-satisfaction">
      {chart({
        tooltip: { trigger: 'axis' }, grid: { left: 50, right: 16, top: 24, bottom: 30 },
        xAxis: { type: 'category', data: weeks.map((w) => w.week) }, yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        series: [{ type: 'line', connectNulls: true, data: weeks.map((w) => (w.satisfaction.rate === null ? null : Math.round(w.satisfaction.rate * 1000) / 10)), label: { show: true, formatter: '{c}%' } }],
      })}
    </Tile>
  );
}

function FeedbackReports({ title }: { title: string }) {
  const { t, ts } = useI18n();
  const q = useQuery({ queryKey: ['home', 'feedback-reports'], queryFn: listFeedbackReports });
  const open = (q.data?.items ?? []).filter((r) => !r.closedAt);
  return (
    <Tile title={title} testId="home-feedback">
      <List size="small" locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.none')} /> }} dataSource={open}
        renderItem={(r) => <List.Item><Link to={`/feedback/${r.caseId}`}>{r.number}</Link><Typography.Text type="secondary">{ts(r.state)}</Typography.Text></List.Item>} />
    </Tile>
  );
}

function TaskList({ tasks, title, testId }: { tasks: TaskPage | undefined; title: string; testId: string }) {
  const { t } = useI18n();
  const text = useProcessText();
  return (
    <Tile title={`${title}（${tasks?.total ?? 0}）`} testId={testId}>
      <List size="small" locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.none')} /> }} dataSource={(tasks?.items ?? []).slice(0, 8)}
        renderItem={(task) => (
          <List.Item>
            <Link to={casePath(task.caseType, task.caseId)}>{(task as { caseNumber?: string }).caseNumber ?? text.step(task.step)}</Link>
            <Typography.Text type={task.overdue ? 'danger' : 'secondary'}>{text.step(task.step)}</Typography.Text>
          </List.Item>
        )} />
    </Tile>
  );
}

const fmtMeasure = (unit: string, v: number | null) => (unit === 'rate' ? fmtRate(v) : unit === 'fen' ? fmtFen(v) : v === null ? '—' : String(v));

function DepartmentTargets({ results }: { results: DepartmentResults | undefined }) {
  const { t, lang } = useI18n();
  const measures = (results?.departments ?? []).flatMap((d) => d.measures);
  return (
    <Tile title={`${t('home.vsTarget')} ${results?.month ?? ''}`} testId="home-targets">
      {chart({
        tooltip: { trigger: 'axis' }, grid: { left: 150, right: 110, top: 16, bottom: 24 },
        xAxis: { type: 'value', min: 0, max: Math.max(100, ...measures.map((m) => m.achievedPct ?? 0)), axisLabel: { formatter: '{value}%' } }, yAxis: { type: 'category', data: measures.map((m) => m.label[lang]) },
        series: [{ type: 'bar', itemStyle: { color: '#389e0d' }, label: { show: true, position: 'right' },
          // each bar: achieved % of the target, labelled "value / target"
          data: measures.map((m) => ({ value: m.achievedPct ?? 0, label: { formatter: `${fmtMeasure(m.unit, m.value)} / ${m.target === null ? t('home.noTarget') : fmtMeasure(m.unit, m.target)}` } })),
          markLine: { symbol: 'none', data: [{ xAxis: 100 }], lineStyle: { color: '#cf1322' } } }],
      }, Math.max(200, measures.length * 36))}
    </Tile>
  );
}

function EngineerScoreChart({ own }: { own: boolean }) {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['home', 'engineers'], queryFn: () => getEngineerScores({}) });
  const items = q.data?.items ?? [];
  if (own) {
    const me = items[0];
    return (
      <Tile title={t('home.myScore')} testId="home-my-score">
        {me ? (
          <Row gutter={16}>
            <Col span={8}><Statistic title={t('home.score')} value={me.score ?? '—'} /></Col>
            <Col span={8}><Statistic title={t('home.onTime')} value={fmtRate(me.onTimeRate)} /></Col>
            <Col span={8}><Statistic title={t('home.satisfactionRate')} value={fmtRate(me.satisfactionRate)} /></Col>
            <Col span={8}><Statistic title={t('home.repairs')} value={me.repairs} /></Col>
            <Col span={8}><Statistic title={t('home.firstTimeFix')} value={fmtRate(me.firstTimeFixRate)} /></Col>
            <Col span={8}><Statistic title={t('home.installations')} value={me.installations} /></Col>
          </Row>
        ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      </Tile>
    );
  }
  return (
    <Tile title={t('home.engineerScores')} testId="home-engineers">
      {chart({
        tooltip: { trigger: 'axis' }, grid: { left: 90, right: 40, top: 16, bottom: 24 },
        xAxis: { type: 'value' }, yAxis: { type: 'category', data: items.map((i) => i.name) },
        series: [{ type: 'bar', data: items.map((i) => i.score ?? 0), label: { show: true, position: 'right' } }],
      }, Math.max(200, items.length * 30))}
      <Link to="/reports/engineers">{t('home.more')}</Link>
    </Tile>
  );
}

function SalesChart() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['home', 'sales'], queryFn: () => getSalesReview({}) });
  const items = q.data?.items ?? [];
  return (
    <Tile title={t('home.salesReview')} testId="home-sales">
      {chart({
        tooltip: { trigger: 'axis' }, legend: { data: [t('home.won'), t('home.lost'), t('home.opened')] }, grid: { left: 80, right: 24, top: 30, bottom: 24 },
        xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: items.map((i) => i.name) },
        series: [
          { name: t('home.opened'), type: 'bar', data: items.map((i) => i.opened) },
          { name: t('home.won'), type: 'bar', data: items.map((i) => i.won), itemStyle: { color: '#389e0d' } },
          { name: t('home.lost'), type: 'bar', data: items.map((i) => i.lost), itemStyle: { color: '#cf1322' } },
        ],
      }, Math.max(200, items.length * 40))}
      <Link to="/reports/sales">{t('home.more')}</Link>
    </Tile>
  );
}

function InboxSummary({ mine, late }: { mine: TaskPage | undefined; late: TaskPage | undefined }) {
  const { t } = useI18n();
  const overdue = late?.total ?? 0;
  return (
    <Tile title={t('home.inbox')} testId="home-inbox">
      <Row gutter={16}>
        <Col span={12}><Statistic title={t('home.open')} value={mine?.total ?? 0} /></Col>
        <Col span={12}><Statistic title={t('home.overdue')} value={overdue} valueStyle={overdue ? { color: '#cf1322' } : undefined} /></Col>
      </Row>
      <Link to="/inbox">{t('home.more')}</Link>
    </Tile>
  );
}

export default function HomePage() {
  const { t } = useI18n();
  const can = useCapabilities();
  const gm = can.engineerScoresAll && can.salesReview && can.pipeline;
  const manager = can.departmentResults;
  const mine = useQuery({ queryKey: ['home', 'mine'], queryFn: () => openTasks({ mine: true, pageSize: 1 }) });
  const late = useQuery({ queryKey: ['home', 'mine-overdue'], queryFn: () => openTasks({ mine: true, overdue: true, pageSize: 1 }) });
  const managed = useQuery({ queryKey: ['home', 'managed'], queryFn: () => openTasks({ mine: false }), enabled: manager });
  const approvals = useQuery({ queryKey: ['home', 'approvals'], queryFn: () => openTasks({ mine: true, step: 'gm_approval' }), enabled: gm });
  const results = useQuery({ queryKey: ['home', 'departments'], queryFn: () => getDepartmentResults(), enabled: manager });
  const overdueManaged: TaskPage | undefined = managed.data && { ...managed.data, items: managed.data.items.filter((x) => x.overdue), total: managed.data.items.filter((x) => x.overdue).length };
  return (
    <div data-testid="cockpit">
      <Typography.Title level={4}>{t('menu.home')}</Typography.Title>
      <Row gutter={[16, 16]}>
        <InboxSummary mine={mine.data} late={late.data} />
        {gm && <PipelineFunnel title={t('home.funnel')} testId="home-funnel" />}
        {gm && results.data && <SignedByMonth month={results.data.month} />}
        {gm && <WorkByDepartment tasks={managed.data} title={t('home.workByDepartment')} />}
        {gm && <SatisfactionTrend />}
        {gm && <FeedbackReports title={t('home.feedbackToReview')} />}
        {gm && <TaskList tasks={approvals.data} title={t('home.approvals')} testId="home-approvals" />}
        {manager && !gm && <DepartmentTargets results={results.data} />}
        {manager && !gm && <TaskList tasks={overdueManaged} title={t('home.overdueTasks')} testId="home-overdue" />}
        {manager && !gm && can.engineerScoresAll && <EngineerScoreChart own={false} />}
        {manager && !gm && can.salesReview && <SalesChart />}
        {manager && !gm && can.weeklySummary && !can.engineerScoresAll && !can.salesReview && <FeedbackReports title={t('home.feedbackToCompile')} />}
        {!manager && can.engineerScores && <EngineerScoreChart own />}
        {/* a salesperson: their own deals by step */}
        {!manager && can.createDeal && <PipelineFunnel title={t('home.myDeals')} testId="home-my-deals" mine />}
      </Row>
    </div>
  );
}
