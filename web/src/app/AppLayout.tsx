import { Suspense, useMemo, useState } from 'react';
import { useProcessText } from '../features/process/queries';
import { Button, Dropdown, Layout, Menu, Space, Spin, Tag, Typography, theme } from 'antd';
import {
  BellOutlined,
  ApartmentOutlined,
  CalendarOutlined,
  FolderOpenOutlined,
  ShopOutlined,
  CustomerServiceOutlined,
  FundProjectionScreenOutlined,
  InboxOutlined,
  LineChartOutlined,
  LogoutOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
  GlobalOutlined,
} from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { MenuProps } from 'antd';
import { useAuth, useUser } from './auth';
import { useI18n } from './i18n';
import { useServerClock } from './serverClock';
import { fmtDateTime } from './format';
import { type MenuKey } from './access';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { NotificationBell } from '../features/notifications/components/NotificationBell';

const ICONS: Record<MenuKey, React.ReactNode> = {
  inbox: <InboxOutlined />,
  deals: <FundProjectionScreenOutlined />,
  tickets: <CustomerServiceOutlined />,
  customers: <TeamOutlined />,
  archive: <FolderOpenOutlined />,
  partners: <ShopOutlined />,
  reports: <LineChartOutlined />,
  settings: <SettingOutlined />,
  process: <ApartmentOutlined />,
};

export function AppLayout() {
  const user = useUser();
  const { logout, demo } = useAuth();
  const { t, tk, lang, setLang } = useI18n();
  const processText = useProcessText();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();
  const clock = useServerClock();

  const items: MenuProps['items'] = useMemo(
    () =>
      user.capabilities.menus.map((key) => {
        const label = <span data-testid={`menu-${key}`}>{t(`menu.${key}`)}</span>;
        if (key === 'settings') {
          return {
            key: 'settings',
            icon: ICONS.settings,
            label,
            children: [
              { key: '/settings/users', icon: <UserOutlined />, label: t('menu.settings.users') },
              { key: '/settings/calendar', icon: <CalendarOutlined />, label: t('menu.settings.calendar') },
              { key: '/settings/notifications', icon: <BellOutlined />, label: t('menu.settings.notifications') },
            ],
          };
        }
        return { key: `/${key}`, icon: ICONS[key], label };
      }),
    [user.roles, t],
  );

  const first = '/' + (location.pathname.split('/')[1] ?? '');
  const selected = location.pathname.startsWith('/settings/') ? location.pathname : first;

  const onLogout = async () => {
    await logout();
    navigate('/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={200}
        theme="dark"
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <div
          style={{
            height: 56,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            color: '#fff',
            fontSize: collapsed ? 18 : 20,
            fontWeight: 600,
            letterSpacing: 2,
            whiteSpace: 'nowrap',
          }}
        >
          {collapsed ? '方' : '方圆 Fangyuan'}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          data-testid="main-menu"
          selectedKeys={[selected]}
          defaultOpenKeys={['settings']}
          items={items}
          onClick={(e) => navigate(e.key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Space>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {t('app.name')}
            </Typography.Text>
            {demo && (
              <Tag color="orange" title={t('demo.hint')} data-testid="demo-tag">
                {t('demo.tag')}
              </Tag>
            )}
          </Space>
          <Space size="middle">
            {clock?.mode === 'manual' && (
              <Tag color="purple" data-testid="manual-clock">
                {t('clock.manual')} {fmtDateTime(clock.now)}
              </Tag>
            )}
            <NotificationBell />
            <Button
              icon={<GlobalOutlined />}
              onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
              data-testid="lang-switch"
            >
              {t('lang.switch')}
            </Button>
            <Dropdown
              menu={{
                items: [
                  { key: 'account', icon: <UserOutlined />, label: <span data-testid="menu-account">{t('account.menu')}</span> },
                  { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout') },
                ],
                onClick: ({ key }) => (key === 'logout' ? onLogout() : navigate('/account')),
              }}
            >
              <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
                <UserOutlined />
                <span data-testid="user-name">{user.displayName}</span>
                <span data-testid="user-roles">
                  {user.roles.map((r) => (
                    <Tag key={r} color="blue" style={{ marginInlineEnd: 4 }}>
                      {processText.role(r)}
                    </Tag>
                  ))}
                </span>
              </Space>
            </Dropdown>
            <Button type="text" icon={<LogoutOutlined />} onClick={onLogout} data-testid="logout" aria-label={t('auth.logout')} />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
            <ErrorBoundary key={location.pathname}>
              <Outlet />
            </ErrorBoundary>
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
