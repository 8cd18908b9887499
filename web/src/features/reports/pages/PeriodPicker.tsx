// A month picker for the management reports: the month as from/to Shanghai dates (`to` exclusive).
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { PeriodQuery } from '../api';

export const monthPeriod = (m: Dayjs): PeriodQuery => ({ from: m.startOf('month').format('YYYY-MM-DD'), to: m.startOf('month').add(1, 'month').format('YYYY-MM-DD') });

/** The month a reply covers (its `from` is Shanghai midnight: a day later is inside the month anywhere). */
export const monthOfReply = (from: string | undefined) => (from ? dayjs(new Date(new Date(from).getTime() + 86_400_000)) : undefined);

/** No month picked: the server's current month (its clock may be the manual one). */
export function MonthPicker({ value, onChange }: { value: Dayjs | undefined; onChange: (m: Dayjs) => void }) {
  return <DatePicker picker="month" allowClear={false} value={value} onChange={(m) => m && onChange(m)} data-testid="report-month" />;
}
