import { Tag } from 'antd';
import { useI18n } from '../app/i18n';
import { useProcessText } from '../features/process/queries';

/** A case state: the open step (blue, labelled by the definition) or how it ended. */
export function StateTag({ state }: { state: string }) {
  const { ts } = useI18n();
  const text = useProcessText();
  const color = state === 'installed' || state === 'closed' ? 'green' : state === 'lost' || state === 'dropped' ? 'default' : 'processing';
  return <Tag color={color}>{text.def?.steps[state] ? text.step(state) : ts(state)}</Tag>;
}
