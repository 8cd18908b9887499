import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Empty, Popover, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { fmtDateTime } from '../../../app/format';
import { casePath } from '../../tasks/api';
import { fetchNotifications, markNotificationRead, type AppNotification } from '../api';

const POLL_MS = 30_000;

export function NotificationBell() {
  const { t, tk } = useI18n();
  const navigate = useNavigate();
  const [items, setItems] = useState<AppNotification[]>([]);
  const [open, setOpen] = useState(false);

  const load = useCallback(() => {
    fetchNotifications()
      .then((r) => setItems(Array.isArray(r?.items) ? r.items : []))
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    load();
    const timer = window.setInterval(load, POLL_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  const unread = items.filter((n) => !n.read).length;

  const onClick = async (n: AppNotification) => {
    if (!n.read) {
      setItems((xs) => xs.map((x) => (x.id === n.id ? { ...x, read: true } : x)));
      markNotificationRead(n.id).catch(() => undefined);
    }
    setOpen(false);
    if (n.caseId) navigate(casePath(n.caseType ?? undefined, n.caseId));
    else if (n.taskId) navigate('/inbox');
  };

  const content = (
    <div style={{ width: 360, maxHeight: 420, overflowY: 'auto' }} data-testid="notification-list">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notif.empty')} />
      ) : (
        items.map((n) => (
          <div
            key={n.id}
            role="button"
            tabIndex={0}
            onClick={() => onClick(n)}
            onKeyDown={(e) => e.key === 'Enter' && onClick(n)}
            style={{
              padding: '8px 4px',
              borderBottom: '1px solid rgba(5,5,5,0.06)',
              cursor: 'pointer',
              opacity: n.read ? 0.6 : 1,
            }}
          >
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <span>
                <Tag color={n.kind === 'overdue' ? 'red' : 'blue'}>
                  {tk('notif.kind', n.kind === 'overdue' || n.kind === 'assigned' ? n.kind : 'other')}
                </Tag>
                {!n.read && <Badge status="processing" />}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {fmtDateTime(n.createdAt)}
              </Typography.Text>
            </div>
            <div style={{ marginTop: 4 }}>{n.message}</div>
          </div>
        ))
      )}
    </div>
  );

  return (
    <Popover
      content={content}
      title={t('notif.title')}
      trigger="click"
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) load();
      }}
      placement="bottomRight"
    >
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button type="text" icon={<BellOutlined style={{ fontSize: 18 }} />} aria-label={t('notif.title')} data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}
