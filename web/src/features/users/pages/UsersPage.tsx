import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';
import { useOrganisation } from '../../process/queries';
import { ListPage, flatParams, type ListColumn } from '../../../components/ListPage';
import { useFormSave } from '../../../app/useFormSave';
import { cleanBody } from '../../../app/wire';
import { fmtDate } from '../../../app/format';
import { ServerErrorAlert } from '../../../components/ServerErrorAlert';
import { required } from '../../../app/rules';
import { createUser, endUserSessions, listPartners, listUsers, updateUser, type NewUser, type UserSummary } from '../api';
import { EditUserModal, ResetPasswordModal } from '../components/UserAdminModals';

function NewUserModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const org = useOrganisation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewUser>();
  const roles = Form.useWatch('roles', form) as string[] | undefined;
  const partners = useQuery({ queryKey: ['partners', 'all'], queryFn: () => listPartners(), enabled: open });
  const { saving, unmatched, submit } = useFormSave(form, (v) => createUser(cleanBody(v)), () => {
    message.success(t('users.created'));
    form.resetFields();
    onSaved();
  });

  return (
    <Modal open={open} title={t('users.new')} onCancel={onClose} onOk={submit} confirmLoading={saving} okText={t('common.save')} cancelText={t('common.cancel')} forceRender>
      <ServerErrorAlert details={unmatched} />
      <Form form={form} layout="vertical" validateTrigger={['onChange', 'onBlur']} name="new-user">
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[...required(t, t('users.username')), { max: 64 }, { pattern: /^[A-Za-z0-9_.@-]+$/, message: t('users.usernameRule') }]}
        >
          <Input maxLength={64} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[...required(t, t('users.displayName')), { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="password" label={t('users.password')} extra={t('users.passwordRule10')} rules={[...required(t, t('users.password')), { min: 10, message: t('users.passwordRule10') }, { max: 200 }]}>
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
        <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('common.required', { field: t('users.roles') }) }]}>
          <Select mode="multiple" options={org.roleOptions} showSearch={{ optionFilterProp: 'label' }} data-testid="new-user-roles" />
        </Form.Item>
        {org.isPartner(roles) && (
          <Form.Item name="partnerId" label={t('users.partnerId')} rules={required(t, t('users.partnerId'), { whitespace: false })}>
            <Select
              loading={partners.isFetching}
              options={(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export default function UsersPage() {
  const { t } = useI18n();
  const org = useOrganisation();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserSummary | null>(null);
  const [resetting, setResetting] = useState<UserSummary | null>(null);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const reload = () => queryClient.invalidateQueries({ queryKey: ['list', 'users'] });
  const setActive = async (u: UserSummary, active: boolean) => {
    await updateUser(u.id, { active });
    message.success(t(active ? 'users.enabled' : 'users.disabled'));
    await reload();
  };
  const endSessions = async (u: UserSummary) => {
    await endUserSessions(u.id);
    message.success(t('users.sessionsEnded'));
  };

  const columns: ListColumn<UserSummary & { createdAt?: string }>[] = [
    { key: 'username', title: t('users.username'), dataIndex: 'username', sort: { ascend: 'username_asc', descend: 'username_desc' } },
    { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName', sort: { ascend: 'name_asc', descend: 'name_desc' } },
    { key: 'roles', title: t('users.roles'), dataIndex: 'roles', render: (rs: string[]) => rs.map((r) => <Tag key={r}>{org.roleLabel(r)}</Tag>) },
    { key: 'department', title: t('users.department'), dataIndex: 'department', render: (v?: string | null) => org.departmentLabel(v) },
    {
      key: 'active',
      title: t('users.status'),
      dataIndex: 'active',
      render: (v: boolean | undefined, u) => (
        <Space size={4} data-testid={`user-status-${u.username}`}>
          {v === false ? <Tag>{t('users.statusInactive')}</Tag> : <Tag color="green">{t('users.statusActive')}</Tag>}
          {u.mustChangePassword && <Tag color="gold">{t('users.mustChange')}</Tag>}
        </Space>
      ),
    },
    { key: 'createdAt', title: t('common.createdAt'), dataIndex: 'createdAt', render: (v?: string) => fmtDate(v), sort: { ascend: 'created_asc', descend: 'created_desc' } },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_: unknown, u) => (
        <Space size={4} wrap data-testid={`user-actions-${u.username}`} onClick={(e) => e.stopPropagation()}>
          <Button size="small" onClick={() => setEditing(u)} data-testid="user-edit">
            {t('common.edit')}
          </Button>
          {u.active === false ? (
            <Button size="small" onClick={() => setActive(u, true)} data-testid="user-enable">
              {t('users.enable')}
            </Button>
          ) : (
            <Popconfirm title={t('users.disableConfirm', { name: u.displayName })} onConfirm={() => setActive(u, false)} okText={t('common.yes')} cancelText={t('common.no')}>
              <Button size="small" danger data-testid="user-disable">
                {t('users.disable')}
              </Button>
            </Popconfirm>
          )}
          <Button size="small" onClick={() => setResetting(u)} data-testid="user-reset-password">
            {t('users.resetPassword')}
          </Button>
          <Popconfirm title={t('users.endSessionsConfirm', { name: u.displayName })} onConfirm={() => endSessions(u)} okText={t('common.yes')} cancelText={t('common.no')}>
            <Button size="small" data-testid="user-end-sessions">
              {t('users.endSessions')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <ListPage<UserSummary & { createdAt?: string }>
        name="users"
        title={t('users.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-new">
            {t('users.new')}
          </Button>
        }
        fetch={(p) => {
          const { status, role, ...rest } = flatParams(p);
          return listUsers({ ...rest, role, status: status === 'active' || status === 'inactive' ? status : 'all' });
        }}
        columns={columns}
        defaultSort="username_asc"
        filters={[
          { kind: 'search', key: 'q', placeholder: t('common.keyword'), width: 260 },
          { kind: 'select', key: 'role', placeholder: t('users.roles'), width: 200, options: org.roleOptions },
          {
            kind: 'segmented',
            key: 'status',
            initial: 'all',
            testId: 'user-status-filter',
            options: [
              { value: 'all', label: t('common.all') },
              { value: 'active', label: t('users.statusActive') },
              { value: 'inactive', label: t('users.statusInactive') },
            ],
          },
        ]}
      />
      <EditUserModal
        user={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void reload();
        }}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onSaved={() => {
          setResetting(null);
          void reload();
        }}
      />
      <NewUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          void reload();
        }}
      />
    </>
  );
}
