import { Suspense, useMemo, useState } from 'react';
import { useProcessText } from '../features/process/queries';
import { Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Spin, Tag, Typography, theme } from 'antd';
import {
  BellOutlined,
  DashboardOutlined,
  ApartmentOutlined,
  CalendarOutlined,
  FileTextOutlined,
  FolderOpenOutlined,
  ShopOutlined,
  CustomerServiceOutlined,
  FundProjectionScreenOutlined,
  InboxOutlined,
  LineChartOutlined, IdcardOutlined,
  LogoutOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
  GlobalOutlined,
  MenuOutlined,
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
  home: <DashboardOutlined />,
  inbox: <InboxOutlined />,
  deals: <FundProjectionScreenOutlined />,
  tickets: <CustomerServiceOutlined />,
  customers: <TeamOutlined />,
  archive: <FolderOpenOutlined />,
  partners: <ShopOutlined />,
  reports: <LineChartOutlined />,
  people: <IdcardOutlined />,
  settings: <SettingOutlined />,
  process: <ApartmentOutlined />,
};

const COLLAPSED_KEY = 'fy.sider.collapsed';

function storedCollapsed(): boolean {
  try {
    return localStorage.getItem(COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
}

export function AppLayout() {
  const user = useUser();
  const { logout, demo } = useAuth();
  const { t, tk, lang, setLang } = useI18n();
  const processText = useProcessText();
  const navigate = useNavigate();
  const location = useLocation();
  // a collapsed sider is remembered on reload; below 768 px the menu is a drawer instead
  const [collapsed, setCollapsedState] = useState(storedCollapsed);
  const setCollapsed = (v: boolean) => {
    setCollapsedState(v);
    try {
      localStorage.setItem(COLLAPSED_KEY, v ? '1' : '0');
    } catch {
      /* private mode: not remembered */
    }
  };
  const phone = Grid.useBreakpoint().md === false;
  const [drawer, setDrawer] = useState(false);
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
              { key: '/settings/templates', icon: <FileTextOutlined />, label: t('menu.settings.templates') },
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

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      data-testid="main-menu"
      selectedKeys={[selected]}
      defaultOpenKeys={['settings']}
      items={items}
      onClick={(e) => {
        setDrawer(false);
        navigate(e.key);
      }}
    />
  );
  const brand = (small: boolean) => (
    <div
      style={{
        height: 56,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        color: '#fff',
        fontSize: small ? 18 : 20,
        fontWeight: 600,
        letterSpacing: 2,
        whiteSpace: 'nowrap',
      }}
    >
      {small ? '方' : '方圆 Fangyuan'}
    </div>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        <Drawer
          placement="left"
          open={drawer}
          onClose={() => setDrawer(false)}
          size={240}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' }, header: { display: 'none' } }}
          data-testid="menu-drawer"
        >
          {brand(false)}
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={200}
          theme="dark"
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
          data-testid="sider"
        >
          {brand(collapsed)}
          {menu}
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          data-testid="app-header"
          style={{
            background: token.colorBgContainer,
            padding: phone ? '0 8px' : '0 24px',
            whiteSpace: 'nowrap',
            gap: 8,
            overflow: 'hidden',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Space style={{ minWidth: 0, flexShrink: 1, overflow: 'hidden' }}>
            {phone && <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawer(true)} data-testid="menu-open" aria-label={t('menu.open')} />}
            <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
              {phone ? t('app.short') : t('app.name')}
            </Typography.Text>
            {demo && !phone && (
              <Tag color="orange" title={t('demo.hint')} data-testid="demo-tag">
                {t('demo.tag')}
              </Tag>
            )}
          </Space>
          <Space size={phone ? 'small' : 'middle'} style={{ flexShrink: 0 }}>
            {clock?.mode === 'manual' && !phone && (
              <Tag color="purple" data-testid="manual-clock">
                {t('clock.manual')} {fmtDateTime(clock.now)}
              </Tag>
            )}
            <NotificationBell />
            <Button
              icon={<GlobalOutlined />}
              onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
              data-testid="lang-switch"
              aria-label={t('lang.switch')}
            >
              {phone ? null : t('lang.switch')}
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
                {!phone && <span data-testid="user-name">{user.displayName}</span>}
                <span data-testid="user-roles" style={phone ? { display: 'none' } : undefined}>
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
        {/* 12 px on a phone: rows with a 24 px gutter reach 12 px past their edges */}
        <Layout.Content style={{ margin: phone ? 12 : 24, minWidth: 0 }}>
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
