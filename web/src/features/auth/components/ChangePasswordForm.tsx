import { useState } from 'react';
import { App, Button, Form, Input } from 'antd';
import { useI18n } from '../../../app/i18n';
import { applyServerErrors } from '../../../app/formErrors';
import type { ErrorDetail } from '../../../app/api';
import { ServerErrorAlert } from '../../../components/ServerErrorAlert';
import { changePassword } from '../api';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Change the own password. On refusal the typed values stay and the server's reason shows
 *  on the field it names. */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [unmatched, setUnmatched] = useState<ErrorDetail[]>([]);

  const onFinish = async (v: Values) => {
    setSaving(true);
    setUnmatched([]);
    try {
      await changePassword(v.currentPassword, v.newPassword);
      message.success(t('account.passwordChanged'));
      form.resetFields();
      onChanged();
    } catch (e) {
      setUnmatched(applyServerErrors(form, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" name="change-password" onFinish={onFinish} requiredMark={false} style={{ maxWidth: 420 }}>
      <ServerErrorAlert details={unmatched} />
      <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true, message: t('common.required', { field: t('account.currentPassword') }) }]}>
        <Input.Password autoComplete="current-password" maxLength={200} />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('account.newPassword')}
        extra={t('users.passwordRule10')}
        rules={[{ required: true, message: t('common.required', { field: t('account.newPassword') }) }, { min: 10, message: t('users.passwordRule10') }, { max: 200 }]}
      >
        <Input.Password autoComplete="new-password" maxLength={200} />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('account.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('common.required', { field: t('account.confirmPassword') }) },
          ({ getFieldValue }) => ({
            validator: (_, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.mismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={200} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="password-submit">
        {t('account.changePassword')}
      </Button>
    </Form>
  );
}
