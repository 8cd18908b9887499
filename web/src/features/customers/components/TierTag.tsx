import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';

export function TierTag({ tier }: { tier?: string | null }) {
  const { t } = useI18n();
  if (tier === 'vip') return <Tag color="gold">{t('customer.tier.vip')}</Tag>;
  if (tier === 'standard') return <Tag color="blue">{t('customer.tier.standard')}</Tag>;
  return <Tag>{t('customer.tier.none')}</Tag>;
}
