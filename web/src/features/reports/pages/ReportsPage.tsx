import { useMemo } from 'react';
import { Button, Card, Col, Empty, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import ReactECharts from 'echarts-for-react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useCapabilities } from '../../../app/access';
import { useQuery } from '@tanstack/react-query';
import { fmtDate } from '../../../app/format';
import { listDeals } from '../../deals/api';
import { endStatesOf, stepsOf, useProcess } from '../../process/queries';
import { listTickets } from '../../tickets/api';
import { getPipeline } from '../api';


/** Counts per state from the list endpoints' totals (one small call per state). */
export async function countByState(states: readonly string[], list: (state: string) => Promise<{ items: unknown[]; total?: number }>) {
  const counts = await Promise.all(states.map((s) => list(s).then((r) => r.total ?? r.items.length)));
  return states.map((s, i) => ({ state: s, count: counts[i] }));
}

function StateChart({ title, data, testId }: { title: string; data: { state: string; count: number }[] | undefined; testId: string }) {
  const { ts, t } = useI18n();
  const option = useMemo(
    () => ({
      grid: { left: 110, right: 24, top: 8, bottom: 24 },
      tooltip: {},
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: (data ?? []).map((d) => ts(d.state)) },
      series: [{ type: 'bar', name: t('reports.count'), data: (data ?? []).map((d) => d.count), itemStyle: { color: '#1677ff' }, label: { show: true, position: 'right' } }],
    }),
    [data, ts, t],
  );
  return (
    <Card title={title} data-testid={testId}>
      {data ? <ReactECharts option={option} style={{ height: Math.max(200, data.length * 28) }} notMerge /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
    </Card>
  );
}

export default function ReportsPage() {
  const { t, ts } = useI18n();
  const can = useCapabilities();
  const seesDeals = can.menus.includes('deals');
  const seesTickets = can.menus.includes('tickets');
  const seesPipeline = can.pipeline;
  const def = useProcess().data;
  const states = (caseType: string) => [...stepsOf(def, caseType), ...endStatesOf(def, caseType)];
  const deals = useQuery({ queryKey: ['report', 'deals-by-state', def?.version], queryFn: () => countByState(states('deal'), (state) => listDeals({ state, pageSize: 1 })), enabled: seesDeals && !!def });
  const tickets = useQuery({ queryKey: ['report', 'tickets-by-state', def?.version], queryFn: () => countByState(states('ticket'), (state) => listTickets({ state, pageSize: 1 })), enabled: seesTickets && !!def });
  const pipeline = useQuery({ queryKey: ['report', 'pipeline'], queryFn: () => getPipeline(), enabled: seesPipeline });
  const p = pipeline.data;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {can.weeklySummary && (
        <Card size="small" data-testid="report-weekly-link">
          <Space wrap>
            <Link to="/reports/weekly">
              <Button type="primary" icon={<CalendarOutlined />}>
                {t('reports.weeklyLink')}
              </Button>
            </Link>
            <Typography.Text type="secondary">{t('reports.weeklyHint')}</Typography.Text>
          </Space>
        </Card>
      )}
      {(can.engineerScores || can.salesReview || can.readReviews || can.departmentResults) && (
        <Card size="small" data-testid="report-management-links">
          <Space wrap>
            {can.engineerScores && <Link to="/reports/engineers"><Button data-testid="link-engineer-scores">{t('mgmt.engineers')}</Button></Link>}
            {can.salesReview && <Link to="/reports/sales"><Button data-testid="link-sales-review">{t('mgmt.sales')}</Button></Link>}
            {can.readReviews && <Link to="/reports/reviews"><Button data-testid="link-reviews">{t('reviews.title')}</Button></Link>}
            {can.departmentResults && <Link to="/reports/departments"><Button data-testid="link-departments">{t('dept.title')}</Button></Link>}
          </Space>
        </Card>
      )}
      <Row gutter={[24, 24]}>
        {seesDeals && (
          <Col xs={24} xl={12}>
            <StateChart title={t('reports.dealsByState')} data={deals.data} testId="report-deals" />
          </Col>
        )}
        {seesTickets && (
          <Col xs={24} xl={12}>
            <StateChart title={t('reports.ticketsByState')} data={tickets.data} testId="report-tickets" />
          </Col>
        )}
      </Row>
      {seesPipeline && p && (
        <>
          <Card title={t('reports.pipeline')} data-testid="report-pipeline">
            <Table
              size="small"
              rowKey="ownerId"
              dataSource={p.salespeople}
              pagination={false}
              columns={[
                { title: t('deal.owner'), dataIndex: 'displayName' },
                { title: t('reports.open'), dataIndex: 'open' },
                { title: t('reports.total'), dataIndex: 'total' },
                { title: ts('lost'), dataIndex: 'lost' },
                { title: ts('dropped'), dataIndex: 'dropped' },
                { title: t('reports.longNegotiations'), dataIndex: 'longNegotiations', render: (v: number) => (v ? <Tag color="orange">{v}</Tag> : 0) },
              ]}
            />
          </Card>
          <Row gutter={[24, 24]}>
            <Col xs={24} xl={12}>
              <Card title={t('reports.longNegotiations')} extra={p.longNegotiationsTotal > p.longNegotiations.length ? t('weekly.listedOf', { listed: p.longNegotiations.length, total: p.longNegotiationsTotal }) : undefined}>
                <Table
                  size="small"
                  rowKey="dealId"
                  dataSource={p.longNegotiations}
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  columns={[
                    { title: t('deal.number'), dataIndex: 'number', render: (v: string, r) => <Link to={`/deals/${r.dealId}`}>{v}</Link> },
                    { title: t('common.customer'), dataIndex: 'customerName' },
                    { title: t('deal.owner'), dataIndex: 'ownerName' },
                    { title: t('reports.workingDays'), dataIndex: 'workingDays' },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={t('reports.lostDeals')}>
                <Table
                  size="small"
                  rowKey="dealId"
                  dataSource={p.lostDeals}
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  columns={[
                    { title: t('deal.number'), dataIndex: 'number', render: (v: string, r) => <Link to={`/deals/${r.dealId}`}>{v}</Link> },
                    { title: t('common.customer'), dataIndex: 'customerName' },
                    { title: t('nego.reason'), dataIndex: 'reason', ellipsis: true },
                    { title: t('nego.competitor'), dataIndex: 'competitor', render: (v?: string | null) => v ?? '—' },
                    { title: t('history.at'), dataIndex: 'endedAt', render: (v: string) => fmtDate(v) },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          {!!p.competitors?.length && (
            <Card title={t('reports.competitors')}>
              <Space wrap size="large">
                {p.competitors.map((c) => (
                  <Statistic key={c.competitor} title={c.competitor} value={c.lost} />
                ))}
              </Space>
            </Card>
          )}
        </>
      )}
    </Space>
  );
}
