import { useState } from 'react';
import { App, Button, Form, Modal, Radio, Select } from 'antd';
import { UserSwitchOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';
import { useProcess } from '../../process/queries';
import { useQuery } from '@tanstack/react-query';
import { applyServerErrors, validated } from '../../../app/formErrors';
import { listPartners, listUsers } from '../../users/api';
import { assignTask, type Task } from '../api';

interface Values {
  to: 'user' | 'partner';
  assigneeId?: string;
  partnerId?: string;
}

/** 分派: the department manager gives the task to someone (or a certified partner). */
export function AssignTaskButton({ task, onAssigned }: { task: Task; onAssigned: (assigned: Task) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();
  const to = Form.useWatch('to', form) ?? 'user';
  const stepAllowsPartner = !!useProcess().data?.steps[task.step]?.partnerAllowed;
  const partnersAllowed = task.abilities?.assignToPartner ?? stepAllowsPartner;
  const users = useQuery({ queryKey: ['users', 'role', task.assigneeRole], queryFn: () => listUsers({ role: task.assigneeRole, pageSize: 200 }, true), enabled: open });
  const partners = useQuery({ queryKey: ['partners', 'choices'], queryFn: () => listPartners(), enabled: open && partnersAllowed });

  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    setSaving(true);
    try {
      const assigned = await assignTask(task.id, v.to === 'partner' ? { partnerId: v.partnerId! } : { assigneeId: v.assigneeId! });
      message.success(t('assign.done'));
      setOpen(false);
      onAssigned(assigned);
    } catch (e) {
      applyServerErrors(form, e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button size="small" icon={<UserSwitchOutlined />} onClick={() => setOpen(true)} data-testid="task-assign">
        {t('assign.button')}
      </Button>
      <Modal open={open} title={t('assign.button')} onOk={submit} onCancel={() => setOpen(false)} confirmLoading={saving} okText={t('common.save')} cancelText={t('common.cancel')} forceRender>
        <Form form={form} layout="vertical" initialValues={{ to: 'user', assigneeId: task.assigneeId ?? undefined }} name="assign">
          {partnersAllowed && (
            <Form.Item name="to">
              <Radio.Group
                options={[
                  { value: 'user', label: t('assign.toUser') },
                  { value: 'partner', label: t('assign.toPartner') },
                ]}
              />
            </Form.Item>
          )}
          {to === 'partner' ? (
            <Form.Item name="partnerId" label={t('assign.toPartner')} rules={[{ required: true, message: t('common.required', { field: t('assign.toPartner') }) }]}>
              <Select
                loading={partners.isFetching}
                showSearch={{ optionFilterProp: 'label' }}
                options={(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.certified === false ? `${p.name} (${t('assign.expired')})` : p.name, disabled: p.certified === false }))}
              />
            </Form.Item>
          ) : (
            <Form.Item name="assigneeId" label={t('assign.toUser')} rules={[{ required: true, message: t('common.required', { field: t('assign.toUser') }) }]}>
              <Select loading={users.isFetching} showSearch={{ optionFilterProp: 'label' }} options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
