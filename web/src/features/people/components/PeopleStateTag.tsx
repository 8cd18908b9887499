// The state of a lead (new → accepted/rejected → converted), a commission line (pending → due →
// paid) or a letter (new → handled), as a coloured tag.
import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';

const COLOR: Record<string, string> = {
  new: 'blue', accepted: 'gold', rejected: 'default', converted: 'green', pending: 'gold', due: 'blue', paid: 'green', handled: 'green',
};

export function PeopleStateTag({ state }: { state: string }) {
  const { tk } = useI18n();
  return <Tag color={COLOR[state] ?? 'default'}>{tk('people.state', state)}</Tag>;
}

