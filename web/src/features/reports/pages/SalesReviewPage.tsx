// 业务考评 (PROCESS §6.1): per salesperson opened, won, lost, dropped, win rate, signed amount, cycle,
// long negotiations; the lost reasons and competitors as a Pareto chart.
import { useMemo, useState } from 'react';
import { Button, Card, Space, Table, Typography } from 'antd';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import ReactECharts from 'echarts-for-react';
import type { Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n';
import { fmtFen } from '../../../app/format';
import { fmtRate, getSalesReview, salesReviewPrintUrl, salesReviewXlsxUrl, type SalesReview } from '../api';
import { MonthPicker, monthOfReply, monthPeriod } from './PeriodPicker';

function Pareto({ reasons }: { reasons: SalesReview['lostReasons'] }) {
  const { t } = useI18n();
  const option = useMemo(() => {
    const total = reasons.reduce((s, r) => s + r.count, 0);
    let running = 0;
    const cumulative = reasons.map((r) => Math.round(((running += r.count) / (total || 1)) * 1000) / 10);
    return {
      tooltip: { trigger: 'axis' }, grid: { left: 40, right: 50, top: 30, bottom: 80 },
      legend: { data: [t('mgmt.lost'), t('mgmt.cumulative')] },
      xAxis: { type: 'category', data: reasons.map((r) => (r.competitor ? `${r.reason}\n（${r.competitor}）` : r.reason)), axisLabel: { interval: 0 } },
      yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } }],
      series: [
        { name: t('mgmt.lost'), type: 'bar', data: reasons.map((r) => r.count), itemStyle: { color: '#cf1322' }, label: { show: true, position: 'top' } },
        { name: t('mgmt.cumulative'), type: 'line', yAxisIndex: 1, data: cumulative, label: { show: true, formatter: '{c}%' } },
      ],
    };
  }, [reasons, t]);
  return <ReactECharts option={option} style={{ height: 320 }} notMerge />;
}

export default function SalesReviewPage() {
  const { t } = useI18n();
  const [month, setMonth] = useState<Dayjs | undefined>();
  const period = month ? monthPeriod(month) : {};
  const review = useQuery({ queryKey: ['report', 'sales', period.from ?? 'current'], queryFn: () => getSalesReview(period) });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} className="print-a4">
      <Card size="small">
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>{t('mgmt.sales')}</Typography.Title>
          <MonthPicker value={month ?? monthOfReply(review.data?.from)} onChange={setMonth} />
          <Button icon={<FileExcelOutlined />} href={salesReviewXlsxUrl(period)}>{t('mgmt.export')}</Button>
          <Button icon={<PrinterOutlined />} href={salesReviewPrintUrl(period)} target="_blank" rel="noopener" data-testid="sales-print">{t('mgmt.print')}</Button>
        </Space>
      </Card>
      <Table
        size="small" data-testid="sales-review" loading={review.isLoading} pagination={false} rowKey="userId" dataSource={review.data?.items ?? []}
        columns={[
          { title: t('mgmt.salesperson'), dataIndex: 'name' },
          { title: t('mgmt.opened'), dataIndex: 'opened' }, { title: t('mgmt.won'), dataIndex: 'won' },
          { title: t('mgmt.lost'), dataIndex: 'lost' }, { title: t('mgmt.dropped'), dataIndex: 'dropped' },
          { title: t('mgmt.winRate'), render: (_, r) => fmtRate(r.winRate) },
          { title: t('mgmt.signed'), render: (_, r) => fmtFen(r.signedAmountFen) },
          { title: t('mgmt.cycle'), render: (_, r) => r.avgCycleWorkingDays ?? '—' },
          { title: t('mgmt.long'), dataIndex: 'longNegotiations' },
        ]}
      />
      <Card title={t('mgmt.lostReasons')} data-testid="lost-reasons">
        <Pareto reasons={review.data?.lostReasons ?? []} />
      </Card>
    </Space>
  );
}
