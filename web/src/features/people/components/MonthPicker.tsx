// The month a tab shows: antd's month picker (in the app's locale), held as a 'YYYY-MM' string.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';

/** Never empty: a month is always chosen (until the server's month is known it shows nothing). */
export function MonthPicker({ value, onChange }: { value: string; onChange: (m: string) => void }) {
  return (
    <DatePicker
      picker="month"
      allowClear={false}
      value={value ? dayjs(`${value}-01`) : null}
      onChange={(d) => d && onChange(d.format('YYYY-MM'))}
      style={{ width: 160 }}
      data-testid="month-input"
    />
  );
}
