// One required text asked for in a modal: a lead's reject reason, the GM's reply to a letter.
import { useEffect } from 'react';
import { Form, Input, Modal } from 'antd';
import { useI18n } from '../../../app/i18n';
import { ServerErrorAlert } from '../../../components/ServerErrorAlert';
import { useFormSave } from '../../../app/useFormSave';

/** `field` is the request body's key, so the server's error for it lands on the text area; the text
 *  is sent trimmed. A refusal keeps the modal open with what was typed; each opening starts empty. */
export function TextModal({ open, title, label, missing, field, formName, okText, okId, max, onSubmit, onClose }: {
  open: boolean;
  title: string;
  label: string;
  /** what the form says when nothing (or only spaces) was typed */
  missing: string;
  field: string;
  formName: string;
  okText: string;
  okId: string;
  max: number;
  onSubmit: (text: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Record<string, string>>();
  const { saving, unmatched, submit, clear } = useFormSave(form, (v) => onSubmit(v[field]!.trim()), onClose);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    clear();
  }, [open, form]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Modal open={open} title={title} onCancel={onClose} onOk={submit} confirmLoading={saving} okText={okText} cancelText={t('common.cancel')} okButtonProps={{ id: okId }} forceRender>
      <ServerErrorAlert details={unmatched} />
      <Form form={form} layout="vertical" name={formName}>
        <Form.Item name={field} label={label} rules={[{ required: true, whitespace: true, message: missing }, { max }]}>
          <Input.TextArea rows={4} maxLength={max} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
