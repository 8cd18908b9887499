import { DatePicker } from 'antd';
import { fromPickerValue, toPickerValue } from '../app/format';

interface Props {
  /** ISO 8601 with offset (the wire format) */
  value?: string | null;
  onChange?: (iso: string | undefined) => void;
  id?: string;
  disabled?: boolean;
  showTime?: boolean;
  /** ISO: earlier days cannot be picked (a date that sets a deadline is not in the past) */
  notBefore?: string;
}

/** A picker read and written as Asia/Shanghai wall-clock time; the form holds ISO text. */
export function DateTimeInput({ value, onChange, id, disabled, showTime = true, notBefore }: Props) {
  const first = notBefore ? toPickerValue(notBefore)?.startOf('day') : undefined;
  return (
    <DatePicker
      id={id}
      disabled={disabled}
      style={{ width: '100%' }}
      showTime={showTime ? { format: 'HH:mm', minuteStep: 5 } : false}
      format={showTime ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD'}
      value={toPickerValue(value ?? undefined) ?? null}
      disabledDate={first ? (d) => d.isBefore(first) : undefined}
      onChange={(d) => onChange?.(fromPickerValue(d))}
      // Enter confirms the typed time; it must not submit the surrounding form
      onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
    />
  );
}
