// One training session, opened from the calendar by the responsible manager.
import { useEffect } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n';
import { ServerErrorAlert } from '../../../components/ServerErrorAlert';
import { recordTrainingAttendance, updateTrainingSession, type TrainingSession } from '../api';
import { useNames } from './hooks';
import { useFormSave } from '../../../app/useFormSave';

interface SessionValues { topic?: string; lecturerId: string; attendeeIds: string[] }

/** Sets the topic, changes the lecturer and records who attended; what was typed stays if the server refuses it. */
export function TrainingSessionModal({ session, onClose }: { session: TrainingSession | null; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const names = useNames();
  const [form] = Form.useForm<SessionValues>();
  const { saving, unmatched, submit, clear } = useFormSave(form, async (v) => {
    await updateTrainingSession(session!.id, { ...(v.topic?.trim() ? { topic: v.topic.trim() } : {}), lecturerId: v.lecturerId });
    await recordTrainingAttendance(session!.id, v.attendeeIds ?? []);
    await qc.invalidateQueries({ queryKey: ['people', 'training'] });
  }, onClose);
  useEffect(() => {
    if (!session) return;
    form.setFieldsValue({ topic: session.topic ?? undefined, lecturerId: session.lecturerId, attendeeIds: session.attendeeIds ?? [] });
    clear();
  }, [session, form]); // eslint-disable-line react-hooks/exhaustive-deps
  const users = names.items.map((u) => ({ value: u.id, label: u.displayName }));
  return (
    <Modal
      open={!!session} title={session ? t('people.training.title', { date: session.date }) : ''} onCancel={onClose} onOk={submit} confirmLoading={saving}
      okText={t('common.save')} cancelText={t('common.cancel')} forceRender
    >
      <ServerErrorAlert details={unmatched} />
      <Form form={form} layout="vertical" name="training-session">
        <Form.Item name="topic" label={t('people.training.topic')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="lecturerId" label={t('people.training.lecturer')} rules={[{ required: true, message: t('people.training.pickLecturer') }]}>
          <Select options={users} showSearch={{ optionFilterProp: 'label' }} data-testid="training-lecturer" />
        </Form.Item>
        <Form.Item name="attendeeIds" label={t('people.training.attendees')}>
          <Select mode="multiple" options={users} showSearch={{ optionFilterProp: 'label' }} data-testid="training-attendees" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
