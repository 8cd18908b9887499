// 解决方案模板: the sysadmin keeps the company's proposal templates; the proposal form offers them.
import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, Space, Spin } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n';
import { applyServerErrors, validated } from '../../../app/formErrors';
import type { ErrorDetail } from '../../../app/api';
import { ServerErrorAlert } from '../../../components/ServerErrorAlert';
import { listProposalTemplates, saveProposalTemplates, type ProposalTemplate } from '../../deals/api';

export default function TemplatesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const templates = useQuery({ queryKey: ['proposal-templates'], queryFn: listProposalTemplates });
  const [form] = Form.useForm<{ items: ProposalTemplate[] }>();
  const [saving, setSaving] = useState(false);
  const [unmatched, setUnmatched] = useState<ErrorDetail[]>([]);

  useEffect(() => {
    if (templates.data) form.setFieldsValue({ items: templates.data.items });
  }, [templates.data, form]);

  const save = async () => {
    const v = await validated(form);
    if (!v) return;
    setSaving(true);
    setUnmatched([]);
    try {
      const saved = await saveProposalTemplates(v.items ?? []);
      queryClient.setQueryData(['proposal-templates'], saved);
      message.success(t('common.saved'));
    } catch (e) {
      setUnmatched(applyServerErrors(form, e)); // what was typed stays
    } finally {
      setSaving(false);
    }
  };

  if (templates.isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  return (
    <Card title={t('proposal.templates')} extra={<Button type="primary" loading={saving} onClick={save} data-testid="templates-save">{t('common.save')}</Button>}>
      <ServerErrorAlert details={unmatched} />
      <Form form={form} layout="vertical" name="templates">
        <Form.List name="items">
          {(rows, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }} size="middle">
              {rows.map((r) => (
                <Card key={r.key} size="small" type="inner" extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(r.name)} aria-label={t('common.remove')} />}>
                  <Form.Item name={[r.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[r.name, 'name']} label={t('proposal.templateName')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('proposal.templateName') }) }, { max: 100 }]}>
                    <Input maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[r.name, 'content']} label={t('proposal.templateContent')} rules={[{ max: 20000 }]}>
                    <Input.TextArea rows={6} maxLength={20000} />
                  </Form.Item>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ id: `t${Date.now().toString(36)}`, name: '', content: '' })} data-testid="templates-add">
                {t('proposal.addTemplate')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
