import { Alert, Button, Card } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useAuth } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { ChangePasswordForm } from '../components/ChangePasswordForm';

/** Shown instead of the app while the server says the password must be changed. */
export default function ForcedPasswordChange() {
  const { t } = useI18n();
  const { refresh, logout } = useAuth();
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f5ff' }}>
      <Card
        title={t('account.forcedTitle')}
        style={{ width: 480 }}
        data-testid="forced-password-change"
        extra={
          <Button type="text" icon={<LogoutOutlined />} onClick={() => logout()}>
            {t('auth.logout')}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={t('account.forcedHint')} style={{ marginBottom: 16 }} />
        <ChangePasswordForm onChanged={() => refresh().catch(() => undefined)} />
      </Card>
    </div>
  );
}
