import { InputNumber } from 'antd';
import { fenToYuan, yuanToFen } from '../app/format';

interface Props {
  /** integer fen (the wire unit) */
  value?: number | null;
  onChange?: (fen: number | undefined) => void;
  min?: number;
  placeholder?: string;
  disabled?: boolean;
  id?: string;
  style?: React.CSSProperties;
}

/** The user types yuan with 2 decimals; the form value is integer fen. A value below `min` is
 *  kept as typed (not silently raised to it), so the form's rule and the server name it. */
export function MoneyInput({ value, onChange, min, placeholder, disabled, id, style }: Props) {
  return (
    <InputNumber<number>
      id={id}
      style={{ width: '100%', ...style }}
      prefix="¥"
      status={min !== undefined && value != null && value < min ? 'error' : undefined}
      precision={2}
      step={100}
      placeholder={placeholder}
      disabled={disabled}
      value={fenToYuan(value ?? undefined) ?? null}
      onChange={(v) => onChange?.(yuanToFen(v ?? undefined))}
    />
  );
}
