import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Tag, Typography } from 'antd';
import { GlobalOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { ApiError } from '../../../app/api';

interface LoginValues {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { user, login, demo } = useAuth();
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<LoginValues>();
  const [submitting, setSubmitting] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const from = (location.state as { from?: string } | null)?.from ?? '/'; // the index route picks the landing page (工作台 or inbox)

  if (user) return <Navigate to={from} replace />;

  const onFinish = async (values: LoginValues) => {
    setSubmitting(true);
    setFailed(null);
    try {
      await login(values.username.trim(), values.password);
      navigate(from, { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setFailed(t('auth.failed'));
      else if (e instanceof ApiError && e.status === 429) setFailed(e.message || t('error.tooMany'));
      // other errors were shown by the global handler; the typed values stay
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(135deg, #e6f4ff 0%, #f0f5ff 50%, #f9f0ff 100%)',
      }}
    >
      <Card style={{ width: 380 }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button size="small" type="text" icon={<GlobalOutlined />} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} data-testid="lang-switch">
            {t('lang.switch')}
          </Button>
        </div>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          方圆 Fangyuan
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('app.name')}
          {demo && (
            <Tag color="orange" title={t('demo.hint')} style={{ marginInlineStart: 8 }} data-testid="demo-tag">
              {t('demo.tag')}
            </Tag>
          )}
        </Typography.Paragraph>
        {failed && <Alert type="error" showIcon title={failed} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on">
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" id="login-username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" id="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
            {t('auth.login')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
