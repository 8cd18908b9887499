// A month picker for the management reports: the month as from/to Shanghai dates (`to` exclusive).
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { PeriodQuery } from '../api';

export const monthPeriod = (m: Dayjs): PeriodQuery => ({ from: m.startOf('month').format('YYYY-MM-DD'), to: m.startOf('month').add(1, 'month').format('YYYY-MM-DD') });

export function MonthPicker({ value, onChange }: { value: Dayjs; onChange: (m: Dayjs) => void }) {
  return <DatePicker picker="month" allowClear={false} value={value} onChange={(m) => onChange(m ?? dayjs())} data-testid="report-month" />;
}
