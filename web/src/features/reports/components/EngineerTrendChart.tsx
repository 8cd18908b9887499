// An engineer's (or partner company's) trend: the score and the three rates month by month (PROCESS §6.1),
// all on one 0–100 axis (rates as percentages).
import { useMemo } from 'react';
import { Card, Empty, Spin } from 'antd';
import ReactECharts from 'echarts-for-react';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n';
import { getEngineerTrend } from '../api';

const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

/** No subject: the signed-in engineer's own trend. */
export function EngineerTrendChart({ subjectId, months = 6, title }: { subjectId?: string; months?: number; title?: string }) {
  const { t } = useI18n();
  const trend = useQuery({ queryKey: ['report', 'engineer-trend', subjectId ?? 'me', months], queryFn: () => getEngineerTrend(subjectId, months) });
  const option = useMemo(() => {
    const m = trend.data?.months ?? [];
    const line = (name: string, data: (number | null)[]) => ({ type: 'line', name, data, connectNulls: true, symbolSize: 7 });
    return {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 24, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: m.map((p) => p.month) },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [
        line(t('mgmt.score'), m.map((p) => p.score)),
        line(`${t('mgmt.onTime')} %`, m.map((p) => pct(p.onTimeRate))),
        line(`${t('mgmt.satisfaction')} %`, m.map((p) => pct(p.satisfactionRate))),
        line(`${t('mgmt.ftf')} %`, m.map((p) => pct(p.firstTimeFixRate))),
      ],
    };
  }, [trend.data, t]);
  return (
    <Card size="small" title={title ?? t('reviews.trend', { months })} data-testid="engineer-trend">
      {trend.isLoading ? <Spin /> : trend.data ? <ReactECharts option={option} style={{ height: 280 }} notMerge /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
    </Card>
  );
}
