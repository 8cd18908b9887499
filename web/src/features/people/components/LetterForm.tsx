// 给总经理写信: anyone writes to the GM, named or anonymously; an anonymous writer gets a reply code
// (shown once) to read the answer with later.
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n';
import { required } from '../../../app/rules';
import { ServerErrorAlert } from '../../../components/ServerErrorAlert';
import { replyByCode, writeLetter } from '../api';
import { useFormSave } from '../../../app/useFormSave';

interface LetterValues { subject: string; body: string; anonymous?: boolean }

export function LetterForm() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<LetterValues>();
  const [code, setCode] = useState<string | null>(null);
  const [lookup, setLookup] = useState('');
  const [found, setFound] = useState<{ subject: string; reply: string | null } | null>(null);
  const { saving, unmatched, submit } = useFormSave(form, (v) => writeLetter({ ...v, anonymous: !!v.anonymous }).then((r) => setCode(r.replyCode ?? null)), () => {
    form.resetFields();
    message.success(t('people.mail.sent'));
    qc.invalidateQueries({ queryKey: ['people', 'mailbox'] });
  });
  return (
    <Card title={t('people.mail.write')} size="small">
      <ServerErrorAlert details={unmatched} />
      <Form form={form} layout="vertical" name="letter" onFinish={submit} style={{ maxWidth: 640 }}>
        <Form.Item name="subject" label={t('people.mail.subject')} rules={[...required(t, t('people.mail.subject')), { max: 200 }]}><Input maxLength={200} /></Form.Item>
        <Form.Item name="body" label={t('people.mail.body')} rules={[...required(t, t('people.mail.body')), { max: 10_000 }]}><Input.TextArea rows={4} maxLength={10_000} /></Form.Item>
        <Form.Item name="anonymous" valuePropName="checked"><Checkbox>{t('people.mail.anonymousCheck')}</Checkbox></Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>{t('people.mail.send')}</Button>
      </Form>
      {code && <Alert style={{ marginTop: 12 }} type="warning" showIcon data-testid="reply-code" title={t('people.mail.replyCode', { code })} />}
      <Space style={{ marginTop: 12 }}>
        <Input placeholder={t('people.mail.codePlaceholder')} value={lookup} onChange={(e) => setLookup(e.target.value)} style={{ width: 260 }} />
        <Button onClick={() => replyByCode(lookup).then(setFound, () => setFound(null))}>{t('people.mail.readReply')}</Button>
      </Space>
      {found && <Alert style={{ marginTop: 8 }} title={found.subject} description={found.reply ?? t('people.mail.noReply')} />}
    </Card>
  );
}
