// The sysadmin's account modals: edit (roles, department, partner) and password reset.
import { useEffect } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useOrganisation } from '../../process/queries';
import { useQuery } from '@tanstack/react-query';
import { useFormSave } from '../../../app/useFormSave';
import { ServerErrorAlert } from '../../../components/ServerErrorAlert';
import { required } from '../../../app/rules';
import { listPartners, resetUserPassword, updateUser, type UserPatch, type UserSummary } from '../api';

export function EditUserModal({ user, onClose, onSaved }: { user: UserSummary | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const org = useOrganisation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserPatch>();
  const roles = Form.useWatch('roles', form) as string[] | undefined;
  const partners = useQuery({ queryKey: ['partners', 'all'], queryFn: () => listPartners(), enabled: !!user });
  const { saving, unmatched, submit, clear } = useFormSave(form, (v) => updateUser(user!.id, {
    ...v, partnerId: org.isPartner(v.roles) ? v.partnerId ?? null : user?.partnerId ?? null,
  }), () => {
    message.success(t('common.saved'));
    onSaved();
  });

  useEffect(() => {
    if (user) {
      clear();
      form.setFieldsValue({ displayName: user.displayName, roles: user.roles, department: user.department ?? null, partnerId: user.partnerId ?? null });
    }
  }, [user, form]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <Modal open={!!user} title={`${t('users.edit')} · ${user?.username ?? ''}`} onCancel={onClose} onOk={submit} confirmLoading={saving} okText={t('common.save')} cancelText={t('common.cancel')} forceRender>
      <ServerErrorAlert details={unmatched} />
      <Form form={form} layout="vertical" name="edit-user">
        <Form.Item name="displayName" label={t('users.displayName')} rules={[...required(t, t('users.displayName')), { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('common.required', { field: t('users.roles') }) }]}>
          <Select mode="multiple" options={org.roleOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="department" label={t('users.department')}>
          <Select allowClear options={org.departmentOptions} />
        </Form.Item>
        {org.isPartner(roles) && (
          <Form.Item name="partnerId" label={t('users.partner')} rules={required(t, t('users.partner'), { whitespace: false })}>
            <Select loading={partners.isFetching} options={(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function ResetPasswordModal({ user, onClose, onSaved }: { user: UserSummary | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const { saving, unmatched, submit, clear } = useFormSave(form, (v) => resetUserPassword(user!.id, v.password), () => {
    message.success(t('users.resetDone'));
    form.resetFields();
    onSaved();
  });
  useEffect(() => clear(), [user]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <Modal open={!!user} title={`${t('users.resetPassword')} · ${user?.username ?? ''}`} onCancel={onClose} onOk={submit} confirmLoading={saving} okText={t('common.save')} cancelText={t('common.cancel')} forceRender>
      <ServerErrorAlert details={unmatched} />
      <Form form={form} layout="vertical" name="reset-password">
        <Form.Item
          name="password"
          label={t('users.newPassword')}
          extra={t('users.passwordRule10')}
          rules={[...required(t, t('users.newPassword')), { min: 10, message: t('users.passwordRule10') }, { max: 200 }]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
