import { Radio } from 'antd';
import { useI18n } from '../app/i18n';

interface Props {
  value?: boolean;
  onChange?: (v: boolean) => void;
  id?: string;
  disabled?: boolean;
}

/** 是 / 否 as a boolean form value. */
export function YesNo({ value, onChange, id, disabled }: Props) {
  const { t } = useI18n();
  return (
    <Radio.Group
      id={id}
      disabled={disabled}
      value={value}
      onChange={(e) => onChange?.(e.target.value as boolean)}
      options={[
        { value: true, label: t('common.yes') },
        { value: false, label: t('common.no') },
      ]}
    />
  );
}
