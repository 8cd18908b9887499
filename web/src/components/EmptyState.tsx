import { Empty, Result } from 'antd';
import { useI18n } from '../app/i18n';

/** Shown where the server does not offer an endpoint yet (404/405/501). */
export function NotAvailable() {
  const { t } = useI18n();
  return <Result status="info" title={t('common.notAvailable')} subTitle={t('common.notAvailableHint')} data-testid="not-available" />;
}

export function NotFoundState() {
  const { t } = useI18n();
  return <Result status="404" title={t('common.notFound')} />;
}

export function EmptyBlock({ text }: { text?: string }) {
  const { t } = useI18n();
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text ?? t('common.empty')} />;
}
