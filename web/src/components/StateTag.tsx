import { Tag } from 'antd';
import { useI18n } from '../app/i18n';

/** A case state: the open step (blue) or how it ended. */
export function StateTag({ state }: { state: string }) {
  const { ts } = useI18n();
  const color = state === 'installed' || state === 'closed' ? 'green' : state === 'lost' || state === 'dropped' ? 'default' : 'processing';
  return <Tag color={color}>{ts(state)}</Tag>;
}
