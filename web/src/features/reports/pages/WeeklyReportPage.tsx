// 周总结: the weekly summary for the GM and the department managers (GET /reports/weekly).
import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Result, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { useProcessText } from '../../process/queries';
import { useI18n } from '../../../app/i18n';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../../app/api';
import { fmtDate, fmtDateTime, fmtFen, toPickerValue } from '../../../app/format';
import { EmptyBlock } from '../../../components/EmptyState';
import { fmtRate, getWeekly, weeklyPrintUrl, weeklyXlsxUrl, type WeeklySummary } from '../api';
import { RecordPenaltyButton } from '../components/RecordPenaltyButton';
import { useCapabilities } from '../../../app/access';

/** The ISO week (Monday first, week 1 holds the 4th of January) of a date: "2026-W10". */
export function isoWeekKey(d: Dayjs): string {
  const thursday = d.startOf('day').add(3 - ((d.day() + 6) % 7), 'day');
  const year = thursday.year();
  const week = Math.floor(thursday.diff(thursday.startOf('year'), 'day') / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const tableProps = { size: 'small' as const, pagination: { pageSize: 10, hideOnSinglePage: true } };

export default function WeeklyReportPage() {
  const { t } = useI18n();
  const [week, setWeek] = useState<string | undefined>(); // undefined = the server's current week
  const [picked, setPicked] = useState<Dayjs | null>(null);
  const remote = useQuery({ queryKey: ['report', 'weekly', week ?? 'current'], queryFn: () => getWeekly(week) });
  const s: WeeklySummary | undefined = remote.data;
  const shownWeek = s?.week ?? week;

  const header = (
    <Card>
      <Space wrap size="middle" style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('weekly.title')}
          </Typography.Title>
          <DatePicker
            picker="week"
            allowClear={false}
            id="weekly-week"
            value={picked ?? (s ? toPickerValue(s.from) ?? null : null)}
            format={(v) => isoWeekKey(v)}
            onChange={(v) => {
              if (!v) return;
              setPicked(v);
              setWeek(isoWeekKey(v));
            }}
          />
          {s && (
            <Typography.Text type="secondary" data-testid="weekly-range">
              {fmtDate(s.from)} ~ {fmtDate(new Date(Date.parse(s.to) - 1).toISOString())}
            </Typography.Text>
          )}
        </Space>
        <Space>
          <Button icon={<PrinterOutlined />} href={shownWeek ? weeklyPrintUrl(shownWeek) : undefined} disabled={!shownWeek} target="_blank" rel="noopener" data-testid="weekly-print">
            {t('common.print')}
          </Button>
          <Button icon={<FileExcelOutlined />} href={shownWeek ? weeklyXlsxUrl(shownWeek) : undefined} disabled={!shownWeek} download data-testid="weekly-xlsx">
            {t('common.exportExcel')}
          </Button>
        </Space>
      </Space>
    </Card>
  );

  let body: React.ReactNode;
  if (remote.isPending) body = <Spin style={{ display: 'block', marginTop: 40 }} />;
  else if (remote.error instanceof ApiError && remote.error.status === 403) body = <Result status="403" title="403" subTitle={t('error.noAccess')} />;
  else if (remote.error || !s)
    body = <Alert type="error" showIcon title={t('weekly.loadFailed')} action={<Button onClick={() => remote.refetch()}>{t('common.refresh')}</Button>} />;
  else body = <WeeklyBody s={s} />;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="weekly-page">
      <Link to="/reports">← {t('menu.reports')}</Link>
      {header}
      <Spin spinning={remote.isFetching && !!s}>{body}</Spin>
    </Space>
  );
}

function WeeklyBody({ s }: { s: WeeklySummary }) {
  const { t, tk } = useI18n();
  const text = useProcessText();
  const can = useCapabilities();
  const tix = s.tickets;
  // a long list shows its oldest entries and says how many there are in all
  const listedOf = (listed: number, total: number) => (total > listed ? t('weekly.listedOf', { listed, total }) : t('common.total', { n: total }));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {s.feedbackReport && (
        <Alert type="info" showIcon data-testid="weekly-feedback-report" message={t('mgmt.feedbackReport', { number: s.feedbackReport.number, state: s.feedbackReport.state })} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card title={t('weekly.tickets')} data-testid="weekly-tickets">
            <Row gutter={16}>
              <Col span={8}><Statistic title={t('weekly.opened')} value={tix.opened} /></Col>
              <Col span={8}><Statistic title={t('weekly.closed')} value={tix.closed} /></Col>
              <Col span={8}><Statistic title={t('weekly.overdueOpen')} value={tix.overdueOpen} styles={tix.overdueOpen ? { content: { color: '#cf1322' } } : undefined} /></Col>
            </Row>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('weekly.ticketsDetail', { inq: tix.openedInquiries, cmp: tix.openedComplaints, onTime: tix.closedOnTime, late: tix.closedLate, breaches: tix.breaches, excused: tix.excused })}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('weekly.satisfaction')} data-testid="weekly-satisfaction">
            <Row gutter={16}>
              <Col span={8}><Statistic title={t('weekly.followUps')} value={s.satisfaction.followUps} /></Col>
              <Col span={8}><Statistic title={t('outcome.satisfied')} value={s.satisfaction.satisfied} /></Col>
              <Col span={8}><Statistic title={t('weekly.rate')} value={fmtRate(s.satisfaction.rate)} /></Col>
            </Row>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('weekly.revisitsDetail', { generated: s.revisits.generated, done: s.revisits.done, problems: s.revisits.problemsFound })}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('weekly.deals')} data-testid="weekly-deals">
            <Row gutter={16}>
              <Col span={8}><Statistic title={t('weekly.won')} value={s.deals.won} styles={{ content: { color: '#3f8600' } }} /></Col>
              <Col span={8}><Statistic title={t('weekly.lost')} value={s.deals.lost} /></Col>
              <Col span={8}><Statistic title={t('weekly.wonAmount')} value={fmtFen(s.deals.wonAmountFen)} /></Col>
            </Row>
          </Card>
        </Col>
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={t('weekly.breachesByOwner')} data-testid="weekly-breaches-by-owner">
            <Table
              {...tableProps}
              rowKey="key"
              dataSource={s.breachesByOwner}
              locale={{ emptyText: <EmptyBlock text={t('weekly.noBreaches')} /> }}
              columns={[
                { title: t('weekly.owner'), dataIndex: 'name' },
                { title: t('weekly.breachCount'), dataIndex: 'count', render: (v: number) => <Tag color="red">{v}</Tag> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('weekly.breaches')}>
            <Table
              {...tableProps}
              rowKey="ticketId"
              dataSource={s.breaches}
              locale={{ emptyText: <EmptyBlock text={t('weekly.noBreaches')} /> }}
              columns={[
                { title: t('ticket.number'), dataIndex: 'number', render: (v: string, r) => <Link to={`/tickets/${r.ticketId}`}>{v}</Link> },
                { title: t('common.customer'), dataIndex: 'customerName' },
                { title: t('ticket.kind'), dataIndex: 'kind', render: (v: string) => tk('ticket.kind', v) },
                { title: t('weekly.dueAt'), dataIndex: 'dueAt', render: (v: string) => fmtDateTime(v) },
                { title: t('weekly.closedAt'), dataIndex: 'closedAt', render: (v: string | null) => fmtDateTime(v) },
                { title: t('weekly.owner'), key: 'owner', render: (_, r) => r.owner?.name ?? '—' },
                ...(can.recordReview ? [{
                  key: 'penalty', render: (_: unknown, r: WeeklySummary['breaches'][number]) => r.owner && (
                    <RecordPenaltyButton subject={r.owner} caseId={r.ticketId} reason={t('mgmt.breachReason', { number: r.number })} />
                  ),
                }] : []),
              ]}
            />
          </Card>
        </Col>
      </Row>

      {!!s.overdueOpen.length && (
        <Card title={t('weekly.overdueOpen')} extra={listedOf(s.overdueOpen.length, tix.overdueOpen)}>
          <Table
            {...tableProps}
            rowKey="ticketId"
            dataSource={s.overdueOpen}
            columns={[
              { title: t('ticket.number'), dataIndex: 'number', render: (v: string, r) => <Link to={`/tickets/${r.ticketId}`}>{v}</Link> },
              { title: t('common.customer'), dataIndex: 'customerName' },
              { title: t('ticket.kind'), dataIndex: 'kind', render: (v: string) => tk('ticket.kind', v) },
              { title: t('weekly.dueAt'), dataIndex: 'dueAt', render: (v: string) => fmtDateTime(v) },
            ]}
          />
        </Card>
      )}

      {!!s.overdueSteps.length && (
        <Card title={t('weekly.overdueSteps')} extra={listedOf(s.overdueSteps.length, s.overdueStepsTotal)} data-testid="weekly-overdue-steps">
          <Table
            {...tableProps}
            rowKey={(r) => `${r.dealId}-${r.step}`}
            dataSource={s.overdueSteps}
            columns={[
              { title: t('deal.number'), dataIndex: 'number', render: (v: string, r) => <Link to={`/deals/${r.dealId}`}>{v}</Link> },
              { title: t('common.customer'), dataIndex: 'customerName' },
              { title: t('weekly.step'), dataIndex: 'step', render: (v: string) => text.step(v) },
              { title: t('weekly.assignee'), key: 'who', render: (_, r) => r.assigneeName ?? text.role(r.assigneeRole) },
              { title: t('weekly.dueAt'), dataIndex: 'dueAt', render: (v: string) => fmtDateTime(v) },
            ]}
          />
        </Card>
      )}

      <Card title={t('weekly.opinions')} data-testid="weekly-opinions">
        <Table
          {...tableProps}
          rowKey={(r) => `${r.source}-${r.at}-${r.customerId}`}
          dataSource={s.opinions}
          locale={{ emptyText: <EmptyBlock text={t('weekly.noOpinions')} /> }}
          columns={[
            { title: t('history.at'), dataIndex: 'at', render: (v: string) => fmtDateTime(v) },
            { title: t('weekly.source'), dataIndex: 'source', render: (v: string) => tk('weekly.source', v) },
            { title: t('common.customer'), dataIndex: 'customerName', render: (v: string | null) => v ?? '—' },
            { title: t('ticket.number'), dataIndex: 'ticketNumber', render: (v: string | null) => v ?? '—' },
            {
              title: t('weekly.verdict'),
              key: 'verdict',
              render: (_, r) =>
                r.satisfied === true ? <Tag color="green">{t('outcome.satisfied')}</Tag>
                : r.satisfied === false ? <Tag color="red">{t('outcome.unsatisfied')}</Tag>
                : r.problemFound ? <Tag color="orange">{t('weekly.problemFound')}</Tag>
                : '—',
            },
            { title: t('weekly.opinion'), dataIndex: 'opinion', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v || '—'}</span> },
            { title: t('weekly.by'), dataIndex: 'by', render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Card>

      <Card title={t('weekly.dealItems')} data-testid="weekly-deal-items">
        <Table
          {...tableProps}
          rowKey="dealId"
          dataSource={s.deals.items}
          locale={{ emptyText: <EmptyBlock text={t('weekly.noDeals')} /> }}
          columns={[
            { title: t('deal.number'), dataIndex: 'number', render: (v: string, r) => <Link to={`/deals/${r.dealId}`}>{v}</Link> },
            { title: t('common.customer'), dataIndex: 'customerName' },
            { title: t('deal.owner'), dataIndex: 'ownerName' },
            { title: t('weekly.result'), dataIndex: 'outcome', render: (v: string) => (v === 'won' ? <Tag color="green">{t('weekly.won')}</Tag> : <Tag color="red">{t('weekly.lost')}</Tag>) },
            { title: t('weekly.amount'), dataIndex: 'amountFen', render: (v: number | null) => fmtFen(v) },
            { title: t('nego.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
            { title: t('nego.competitor'), dataIndex: 'competitor', render: (v: string | null) => v ?? '—' },
            { title: t('history.at'), dataIndex: 'at', render: (v: string) => fmtDate(v) },
          ]}
        />
      </Card>
      <Typography.Text type="secondary">{t('weekly.generatedAt', { at: fmtDateTime(s.generatedAt) })}</Typography.Text>
    </Space>
  );
}
