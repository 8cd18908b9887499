import { Radio } from 'antd';
import { useI18n } from '../../../app/i18n';

/** 投诉 / 咨询 as buttons; antd's Form.Item passes value and onChange. */
export function TicketKindPicker(props: { value?: string; onChange?: (e: unknown) => void; id?: string }) {
  const { t } = useI18n();
  return (
    <Radio.Group
      {...props}
      optionType="button"
      buttonStyle="solid"
      options={(['complaint', 'inquiry'] as const).map((k) => ({ value: k, label: t(`ticket.kind.${k}`) }))}
    />
  );
}
