import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useProcessText } from '../../process/queries';
import { useAuth, useUser } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fmtDateTime } from '../../../app/format';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { Link } from 'react-router-dom';
import { useCapabilities } from '../../../app/access';
import { endOwnSession, listOwnSessions, type OwnSession } from '../api';

/** 我的账户: change the own password; see and end the own sessions. */
export default function AccountPage() {
  const { t, tk } = useI18n();
  const processText = useProcessText();
  const user = useUser();
  const can = useCapabilities();
  const { refresh } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: ['auth', 'sessions'], queryFn: listOwnSessions });

  const end = async (s: OwnSession) => {
    await endOwnSession(s.id);
    // the list shows the session gone as the notice says so, then re-reads
    queryClient.setQueryData<{ items: OwnSession[] }>(['auth', 'sessions'], (old) => old && { ...old, items: old.items.filter((x) => x.id !== s.id) });
    message.success(t('account.session.ended'));
    void sessions.refetch();
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('account.title')}>
        <Typography.Paragraph>
          <strong>{user.displayName}</strong> ({user.username}){' '}
          {user.roles.map((r) => (
            <Tag key={r} color="blue">
              {processText.role(r)}
            </Tag>
          ))}
        </Typography.Paragraph>
        {/* one's own rewards and penalties (奖惩档案), for everyone, with or without the reports menu */}
        {can.readReviews && <Link to={`/reviews/user/${encodeURIComponent(user.id)}`} data-testid="account-own-reviews">{t('reviews.myRecord')}</Link>}
      </Card>
      <Card title={t('account.changePassword')}>
        <ChangePasswordForm
          onChanged={() => {
            void sessions.refetch();
            refresh().catch(() => undefined);
          }}
        />
      </Card>
      <Card title={t('account.sessions')}>
        <Table<OwnSession>
          rowKey="id"
          data-testid="own-sessions"
          loading={sessions.isFetching}
          dataSource={sessions.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t('account.session.started'), dataIndex: 'createdAt', render: (v: string) => fmtDateTime(v) },
            { title: t('account.session.expires'), dataIndex: 'expiresAt', render: (v: string) => fmtDateTime(v) },
            { title: t('account.session.ip'), dataIndex: 'ip' },
            { title: t('account.session.device'), dataIndex: 'userAgent', ellipsis: true },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_: unknown, s) =>
                s.current ? (
                  <Tag color="green">{t('account.session.current')}</Tag>
                ) : (
                  <Popconfirm title={t('account.session.end')} onConfirm={() => end(s)} okText={t('common.yes')} cancelText={t('common.no')}>
                    <Button size="small" danger data-testid="session-end">
                      {t('account.session.end')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
