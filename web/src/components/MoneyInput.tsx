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

/** The user types yuan with 2 decimals; the form value is integer fen. */
export function MoneyInput({ value, onChange, min = 0, placeholder, disabled, id, style }: Props) {
  return (
    <InputNumber<number>
      id={id}
      style={{ width: '100%', ...style }}
      prefix="¥"
      min={min}
      precision={2}
      step={100}
      placeholder={placeholder}
      disabled={disabled}
      value={fenToYuan(value ?? undefined) ?? null}
      onChange={(v) => onChange?.(yuanToFen(v ?? undefined))}
    />
  );
}
