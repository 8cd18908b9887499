import { AutoComplete, Descriptions, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useQuery } from '@tanstack/react-query';
import { fmtFen } from '../../../app/format';
import { MoneyInput } from '../../../components/MoneyInput';
import { DateTimeInput } from '../../../components/DateTimeInput';
import { listUsers } from '../../users/api';
import { required, type StepFormRegistry } from '../../tasks/components/stepForm';
import type { DealDetail } from '../api';
import { EquipmentLines, equipmentTotalFen, type EquipmentLine } from './EquipmentLines';
import { DeviceLines } from './DeviceLines';
import { PurchaseListPanel } from './PurchaseListPanel';
import { SignaturePad } from '../../../components/SignaturePad';

const F = (...path: (string | number)[]) => ['form', ...path];

/** The newest document of a form on this deal, e.g. the proposal being reviewed. */
function latestFields(deal: DealDetail, form: string): Record<string, unknown> | undefined {
  const docs = (deal.documents ?? []).filter((d) => d.form === form);
  docs.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  return docs[0]?.fields;
}

const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

// Suggestions only: the customer type is free text (快速客户定性).
const CUSTOMER_TYPES = ['中小企业', '大型企业', '连锁门店', '政府机关', '学校医院', '外贸公司'];

function PaybackPreview() {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const inv = Form.useWatch(F('feasibility', 'equipmentInvestmentFen'), form) as number | undefined;
  const profit = Form.useWatch(F('feasibility', 'avgMonthlyGrossProfitFen'), form) as number | undefined;
  const fluct = (Form.useWatch(F('feasibility', 'maxFluctuationPct'), form) as number | undefined) ?? 0;
  if (!inv || !profit || profit <= 0) return null;
  const months = (p: number) => (p > 0 ? (inv / p).toFixed(1) : t('review.paybackNever'));
  return (
    <Typography.Paragraph data-testid="payback-preview">
      <Typography.Text strong>{t('review.payback')}: </Typography.Text>
      {months(profit)} {t('common.months')}
      <Typography.Text type="secondary">
        {' '}
        ({t('review.paybackBest')} {months(profit * (1 + fluct / 100))} / {t('review.paybackWorst')} {months(profit * (1 - fluct / 100))} {t('common.months')})
      </Typography.Text>
    </Typography.Paragraph>
  );
}

function EngineerSelect(props: { value?: string[]; onChange?: (v: string[]) => void; id?: string }) {
  const { t } = useI18n();
  const engineers = useQuery({ queryKey: ['users', 'role', 'engineer'], queryFn: () => listUsers({ role: 'engineer', pageSize: 200 }) });
  return (
    <Select
      {...props}
      mode="multiple"
      loading={engineers.isPending}
      placeholder={engineers.error ? t('dispatch.noEngineers') : undefined}
      options={(engineers.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
      showSearch={{ optionFilterProp: 'label' }}
      data-testid="engineer-select"
    />
  );
}

function ProposalSummary({ deal }: { deal: DealDetail }) {
  const { t } = useI18n();
  const p = latestFields(deal, 'proposal');
  if (!p) return null;
  return (
    <Descriptions size="small" bordered column={1} style={{ marginBottom: 16 }} title={t('form.proposal')}>
      <Descriptions.Item label={t('proposal.content')}>
        <span style={{ whiteSpace: 'pre-wrap' }}>{String(p.content ?? '')}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('proposal.investmentFen')}>{fmtFen(num(p.investmentFen))}</Descriptions.Item>
      <Descriptions.Item label={t('proposal.monthlyGrossProfitFen')}>{fmtFen(num(p.monthlyGrossProfitFen))}</Descriptions.Item>
    </Descriptions>
  );
}

/** One form per deal step (API.md "Form and outcome fields"). */
export const DEAL_STEP_FORMS: StepFormRegistry<DealDetail> = {
  qualify: {
    outcomes: ['develop', 'drop'],
    initialValues: (deal) => ({ form: { secondMeetingAt: deal.secondMeetingAt ?? undefined } }),
    render: ({ outcome, t }) =>
      outcome === 'drop' ? (
        <Form.Item name={F('reason')} label={t('qualify.reason')} rules={[...required(t, t('qualify.reason')), { max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      ) : outcome === 'develop' ? (
        <>
          <Form.Item name={F('customerType')} label={t('qualify.customerType')} rules={[...required(t, t('qualify.customerType')), { max: 100 }]}>
            <AutoComplete options={CUSTOMER_TYPES.map((v) => ({ value: v }))} maxLength={100} />
          </Form.Item>
          <Form.Item name={F('templateId')} label={t('qualify.templateId')} rules={[{ max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name={F('secondMeetingAt')} label={t('qualify.secondMeetingAt')}>
            <DateTimeInput />
          </Form.Item>
        </>
      ) : null,
  },

  tech_assessment: {
    initialValues: () => ({ form: { equipment: [{ quantity: 1 }] } }),
    render: ({ t }) => (
      <>
        <Form.Item
          name={F('implementationDetails')}
          label={t('assess.implementationDetails')}
          rules={[...required(t, t('assess.implementationDetails')), { max: 5000 }]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
        <EquipmentLines />
        <Form.Item
          name={F('estimatedDurationDays')}
          label={t('assess.estimatedDurationDays')}
          rules={required(t, t('assess.estimatedDurationDays'), { whitespace: false })}
        >
          <InputNumber min={0} max={3650} style={{ width: 200 }} />
        </Form.Item>
      </>
    ),
  },

  proposal_draft: {
    initialValues: (deal) => {
      const assessment = latestFields(deal, 'tech_assessment');
      const previous = latestFields(deal, 'proposal'); // a revision starts from the last draft
      const total = assessment ? equipmentTotalFen(assessment.equipment as EquipmentLine[]) : undefined;
      return {
        form: {
          content: previous?.content,
          investmentFen: num(previous?.investmentFen) ?? total,
          monthlyGrossProfitFen: num(previous?.monthlyGrossProfitFen),
        },
      };
    },
    render: ({ t }) => (
      <>
        <Form.Item name={F('content')} label={t('proposal.content')} rules={[...required(t, t('proposal.content')), { max: 20000 }]}>
          <Input.TextArea rows={8} maxLength={20000} showCount />
        </Form.Item>
        <Form.Item name={F('investmentFen')} label={t('proposal.investmentFen')} rules={required(t, t('proposal.investmentFen'), { whitespace: false })}>
          <MoneyInput style={{ maxWidth: 240 }} />
        </Form.Item>
        <Form.Item
          name={F('monthlyGrossProfitFen')}
          label={t('proposal.monthlyGrossProfitFen')}
          rules={required(t, t('proposal.monthlyGrossProfitFen'), { whitespace: false })}
        >
          <MoneyInput style={{ maxWidth: 240 }} />
        </Form.Item>
      </>
    ),
  },

  manager_review: {
    outcomes: ['approve', 'revise', 'reject'],
    summary: (deal) => <ProposalSummary deal={deal} />,
    initialValues: (deal) => {
      const p = latestFields(deal, 'proposal');
      return {
        form: {
          feasibility: {
            equipmentInvestmentFen: num(p?.investmentFen),
            avgMonthlyGrossProfitFen: num(p?.monthlyGrossProfitFen),
          },
        },
      };
    },
    render: ({ outcome, t }) => {
      if (outcome === 'revise') {
        return (
          <Form.Item name={F('comments')} label={t('review.comments')} rules={[...required(t, t('review.comments')), { max: 2000 }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        );
      }
      if (outcome === 'reject') {
        return (
          <Form.Item name={F('reason')} label={t('review.reason')} rules={[...required(t, t('review.reason')), { max: 2000 }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        );
      }
      if (outcome !== 'approve') return null;
      return (
        <>
          <Typography.Title level={5}>{t('review.feasibility')}</Typography.Title>
          <Form.Item
            name={F('feasibility', 'operatingMode')}
            label={t('review.operatingMode')}
            rules={[...required(t, t('review.operatingMode')), { max: 200 }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name={F('feasibility', 'equipmentInvestmentFen')}
            label={t('review.equipmentInvestmentFen')}
            rules={required(t, t('review.equipmentInvestmentFen'), { whitespace: false })}
          >
            <MoneyInput style={{ maxWidth: 240 }} />
          </Form.Item>
          <Form.Item
            name={F('feasibility', 'avgMonthlyGrossProfitFen')}
            label={t('review.avgMonthlyGrossProfitFen')}
            rules={[
              ...required(t, t('review.avgMonthlyGrossProfitFen'), { whitespace: false }),
              { type: 'number', min: 1, message: t('review.profitPositive') },
            ]}
          >
            <MoneyInput style={{ maxWidth: 240 }} />
          </Form.Item>
          <Form.Item
            name={F('feasibility', 'maxFluctuationPct')}
            label={t('review.maxFluctuationPct')}
            rules={required(t, t('review.maxFluctuationPct'), { whitespace: false })}
          >
            <InputNumber min={0} max={99} suffix="%" style={{ width: 160 }} />
          </Form.Item>
          <PaybackPreview />
          <Form.Item name={F('comments')} label={t('gm.comments')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </>
      );
    },
  },

  gm_approval: {
    outcomes: ['approve', 'return', 'reject'],
    summary: (deal) => <ProposalSummary deal={deal} />,
    render: ({ t }) => (
      <Form.Item name={F('comments')} label={t('gm.comments')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    ),
  },

  proposal_delivery: {
    render: ({ t }) => (
      <Form.Item name={F('deliveredAt')} label={t('delivery.deliveredAt')}>
        <DateTimeInput />
      </Form.Item>
    ),
  },

  negotiation: {
    outcomes: ['signed', 'lost'],
    render: ({ outcome, t }) =>
      outcome === 'signed' ? (
        <>
          <Form.Item name={F('paymentModel')} label={t('nego.paymentModel')} rules={required(t, t('nego.paymentModel'), { whitespace: false })}>
            <Radio.Group
              options={(['one_time', 'installment', 'lease'] as const).map((v) => ({ value: v, label: t(`nego.paymentModel.${v}`) }))}
            />
          </Form.Item>
          <Form.Item name={F('amountFen')} label={t('nego.amountFen')} rules={required(t, t('nego.amountFen'), { whitespace: false })}>
            <MoneyInput style={{ maxWidth: 240 }} />
          </Form.Item>
          <Form.Item name={F('concessions')} label={t('nego.concessions')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      ) : outcome === 'lost' ? (
        <>
          <Form.Item name={F('reason')} label={t('nego.reason')} rules={[...required(t, t('nego.reason')), { max: 2000 }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name={F('competitor')} label={t('nego.competitor')} rules={[{ max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
        </>
      ) : null,
  },

  contract_archive: {
    render: ({ t }) => (
      <Form.Item name={F('note')} label={t('task.note')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    ),
  },

  procurement: {
    summary: (deal) => <PurchaseListPanel dealId={deal.id} editable />,
    render: ({ t }) => (
      <>
        <Form.Item name={F('note')} label={t('task.note')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name={F('exception')} label={t('purchase.exception')} extra={t('purchase.exceptionHint')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </>
    ),
  },

  installation_dispatch: {
    render: ({ t }) => (
      <>
        <Form.Item
          name={F('engineerIds')}
          label={t('dispatch.engineerIds')}
          rules={[{ required: true, type: 'array', min: 1, message: t('common.required', { field: t('dispatch.engineerIds') }) }]}
        >
          <EngineerSelect />
        </Form.Item>
        <Form.Item name={F('scheduledAt')} label={t('dispatch.scheduledAt')} rules={required(t, t('dispatch.scheduledAt'))}>
          <DateTimeInput />
        </Form.Item>
      </>
    ),
  },

  installation: {
    initialValues: (deal) => {
      // one line per assessed unit, so the engineer only scans serial numbers
      const equipment = (latestFields(deal, 'tech_assessment')?.equipment as EquipmentLine[] | undefined) ?? [];
      const devices = equipment.flatMap((e) =>
        Array.from({ length: Math.min(e.quantity ?? 1, 50) }, () => ({ brandModel: [e.brand, e.model].filter(Boolean).join(' ') })),
      );
      return { form: { devices: devices.length ? devices : [{}] } };
    },
    render: ({ t }) => (
      <>
        <DeviceLines />
        <Form.Item name={F('remarks')} label={t('install.remarks')} rules={[...required(t, t('install.remarks')), { max: 5000 }]}>
          <Input.TextArea rows={3} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name={F('customerSignature')} label={t('field.customerSignature')}>
          <SignaturePad />
        </Form.Item>
      </>
    ),
  },
};
