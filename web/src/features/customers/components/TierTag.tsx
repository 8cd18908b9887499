import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useProcess } from '../../process/queries';

const COLORS: Record<string, string> = { vip: 'gold', standard: 'blue' };

/** A customer's service tier, named as the definition names it (a tier added in 流程设置 too). */
export function TierTag({ tier }: { tier?: string | null }) {
  const { t, lang } = useI18n();
  const tiers = useProcess().data?.tiers as Record<string, { label?: { zh: string; en: string } }> | undefined;
  if (!tier) return <Tag>{t('customer.tier.none')}</Tag>;
  const label = tiers?.[tier]?.label?.[lang] ?? (tier === 'vip' || tier === 'standard' ? t(`customer.tier.${tier}`) : tier);
  return <Tag color={COLORS[tier] ?? 'purple'}>{label}</Tag>;
}
