import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The company's time zone; all times are shown as Shanghai wall-clock time. */
export const TZ = 'Asia/Shanghai';
/** China has one time zone and no daylight saving: Shanghai is UTC+8 all year, so a fixed offset
 *  gives its wall-clock time (dayjs's .tz() builds an Intl formatter on every call, which a table
 *  of dates paid for row by row). */
const SHANGHAI_OFFSET_MIN = 8 * 60;
const shanghai = (d: Dayjs) => d.utcOffset(SHANGHAI_OFFSET_MIN);

export function fmtDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? shanghai(d).format('YYYY-MM-DD HH:mm') : String(iso);
}

export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? shanghai(d).format('YYYY-MM-DD') : String(iso);
}

/** A server instant → a naive dayjs holding the Shanghai wall-clock time (for pickers). */
export function toPickerValue(iso: string | null | undefined): Dayjs | undefined {
  if (!iso) return undefined;
  const d = dayjs(iso);
  if (!d.isValid()) return undefined;
  return dayjs(shanghai(d).format('YYYY-MM-DDTHH:mm:ss'));
}

/** A picker's wall-clock value, read as Shanghai time → ISO 8601 with +08:00. */
export function fromPickerValue(d: Dayjs | null | undefined): string | undefined {
  if (!d) return undefined;
  return `${d.format('YYYY-MM-DDTHH:mm:ss')}+08:00`;
}

export function compareIso(a: string | null | undefined, b: string | null | undefined): number {
  const ta = a ? Date.parse(a) : Number.POSITIVE_INFINITY;
  const tb = b ? Date.parse(b) : Number.POSITIVE_INFINITY;
  return ta - tb;
}

/** Integer fen → "¥3,500.00". */
export function fmtFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || Number.isNaN(fen)) return '—';
  const yuan = fen / 100;
  return `¥${yuan.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export function yuanToFen(yuan: number | null | undefined): number | undefined {
  if (yuan === null || yuan === undefined || Number.isNaN(yuan)) return undefined;
  return Math.round(yuan * 100);
}

export function fenToYuan(fen: number | null | undefined): number | undefined {
  if (fen === null || fen === undefined || Number.isNaN(fen)) return undefined;
  return fen / 100;
}

export function fmtHours(h: number): string {
  return (Math.round(h * 10) / 10).toString();
}

export function shortId(id: string): string {
  return id.length > 10 ? `${id.slice(0, 8)}…` : id;
}
