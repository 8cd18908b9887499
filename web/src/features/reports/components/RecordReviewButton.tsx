// 登记奖惩: a manager records a reward or penalty for a person or a partner company. The server lists
// the subjects that are theirs (their department; partner companies: the tech manager; the GM: anyone).
import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n';
import { yuanToFen } from '../../../app/format';
import { listTickets } from '../../tickets/api';
import { listDeals } from '../../deals/api';
import { listReviewSubjects, recordReview, type ReviewInput } from '../api';

/** points, amount in 元 and reason: the part of a record every way of recording one asks for */
export function ReviewAmountFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="points" label={t('mgmt.points')}><InputNumber min={-1000} max={1000} precision={0} style={{ width: '100%' }} data-testid="review-points" /></Form.Item>
      <Form.Item name="amountYuan" label={t('mgmt.amountYuan')}><InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="review-amount" /></Form.Item>
      <Form.Item name="reason" label={t('mgmt.reason')} rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={3} maxLength={2000} data-testid="review-reason" /></Form.Item>
    </>
  );
}

export type ReviewAmountValues = { points?: number | null; amountYuan?: number | null; reason: string };
/** the form's values as the API's fields (元 → 分) */
export const reviewAmounts = (v: ReviewAmountValues): Pick<ReviewInput, 'points' | 'amountFen' | 'reason'> => ({
  points: v.points ?? undefined, amountFen: yuanToFen(v.amountYuan), reason: v.reason,
});

type Values = ReviewAmountValues & { subjectKind: 'user' | 'partner'; subjectId: string; kind: 'reward' | 'penalty'; caseId?: string };

/** tickets and deals whose number or customer matches, for the optional case of a record */
function useCaseSearch(q: string) {
  return useQuery({
    queryKey: ['review-case-search', q], enabled: q.trim().length > 0,
    queryFn: async () => {
      const [tickets, deals] = await Promise.all([listTickets({ q, pageSize: 10 }), listDeals({ q, pageSize: 10 }).catch(() => ({ items: [] }))]);
      return [...tickets.items, ...deals.items].map((c) => ({ value: c.id, label: `${c.number} · ${c.customerName ?? ''}` }));
    },
  });
}

export function RecordReviewButton({ onSaved }: { onSaved?: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [caseQuery, setCaseQuery] = useState('');
  const [form] = Form.useForm<Values>();
  const subjectKind = Form.useWatch('subjectKind', form) ?? 'user';
  const mine = useQuery({ queryKey: ['review-subjects'], queryFn: listReviewSubjects, enabled: open });
  const caseOptions = useCaseSearch(caseQuery);
  const subjects = (subjectKind === 'user' ? mine.data?.users : mine.data?.partners) ?? [];
  const options = subjects.map((x) => ({ value: x.id, label: x.name }));
  const recordsPartners = (mine.data?.partners.length ?? 0) > 0;
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await recordReview({
        ...(v.subjectKind === 'user' ? { userId: v.subjectId } : { partnerId: v.subjectId }), kind: v.kind,
        ...(v.caseId ? { caseId: v.caseId } : {}), ...reviewAmounts(v),
      });
      message.success(t('common.saved'));
      setOpen(false);
      onSaved?.();
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} data-testid="record-review" onClick={() => { form.resetFields(); setOpen(true); }}>{t('reviews.record')}</Button>
      <Modal open={open} title={t('reviews.record')} onOk={submit} confirmLoading={busy} onCancel={() => setOpen(false)} destroyOnHidden okButtonProps={{ id: 'review-save' }}>
        <Form form={form} name="record-review" layout="vertical" initialValues={{ subjectKind: 'user', kind: 'penalty' }} preserve={false}>
          <Form.Item name="subjectKind" label={t('reviews.subject')}>
            <Radio.Group onChange={() => form.setFieldValue('subjectId', undefined)} optionType="button"
              options={[{ value: 'user', label: t('reviews.subject.user') }, { value: 'partner', label: t('reviews.subject.partner'), disabled: !recordsPartners }]} />
          </Form.Item>
          <Form.Item name="subjectId" label={subjectKind === 'user' ? t('reviews.subject.user') : t('reviews.subject.partner')} rules={[{ required: true }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={options} loading={mine.isLoading} data-testid="review-subject" />
          </Form.Item>
          <Form.Item name="kind" label={t('reviews.kind')}>
            <Radio.Group optionType="button" options={[{ value: 'reward', label: t('reviews.kind.reward') }, { value: 'penalty', label: t('reviews.kind.penalty') }]} data-testid="review-kind" />
          </Form.Item>
          <ReviewAmountFields />
          <Form.Item name="caseId" label={t('reviews.caseOptional')}>
            <Select showSearch={{ filterOption: false, onSearch: setCaseQuery }} allowClear options={caseOptions.data ?? []} loading={caseOptions.isFetching}
              placeholder={t('reviews.caseSearch')} notFoundContent={null} data-testid="review-case" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
