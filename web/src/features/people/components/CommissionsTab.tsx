// 提成: a month's commission statement — per converted lead, the referrer's and salesperson's share
// of the contract; approving locks the month, then each due line is marked paid.
import { Button, Space, Table, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n';
import { useCapabilities } from '../../../app/access';
import { fmtFen } from '../../../app/format';
import { approveCommissions, commissionsXlsxUrl, getCommissions, payCommission, type CommissionLine } from '../api';
import { StatementBar, useMonthStatement } from './MonthStatement';
import { PeopleStateTag } from './PeopleStateTag';

export function CommissionsTab() {
  const { t } = useI18n();
  const can = useCapabilities();
  const state = useMonthStatement('commissions', getCommissions, approveCommissions);
  const pay = useMutation({ mutationFn: (leadId: string) => payCommission(state.month, leadId), onSuccess: state.refresh });
  const s = state.statement.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <StatementBar state={state} canApprove={can.approveCommissions} xlsxUrl={commissionsXlsxUrl}>
        {s && <Typography.Text>{t('people.commission.salesIncome', { pct: s.salesIncomePct })}</Typography.Text>}
      </StatementBar>
      <Table
        rowKey={(r) => r.leadId} size="small" loading={state.statement.isLoading} dataSource={s?.items ?? []} data-testid="commission-table" pagination={false}
        columns={[
          { title: t('people.commission.lead'), dataIndex: 'leadNumber' },
          { title: t('people.commission.deal'), dataIndex: 'dealNumber' },
          { title: t('common.customer'), dataIndex: 'customerName' },
          { title: t('people.referrer'), dataIndex: 'referrerName' },
          { title: t('role.sales'), dataIndex: 'salespersonName' },
          { title: t('people.class'), render: (_, r) => `${r.class} · ${r.pct}%` },
          { title: t('people.commission.amount'), render: (_, r) => fmtFen(r.amountFen) },
          { title: t('people.commission.base'), render: (_, r) => fmtFen(r.baseFen) + t('people.inParens', { text: `${r.salesIncomePct}%` }) },
          { title: t('people.commission.commission'), render: (_, r) => <span data-testid={`commission-${r.leadNumber}`}>{fmtFen(r.commissionFen)}</span> },
          { title: t('people.commission.deduction'), render: (_, r) => (r.deductionFen ? `−${fmtFen(r.deductionFen)}` : '') },
          { title: t('common.state'), render: (_, r) => <PeopleStateTag state={r.state} /> },
          ...(can.payCommissions ? [{
            title: '', render: (_: unknown, r: CommissionLine) => s?.approved && r.state === 'due' && (
              <Button size="small" onClick={() => pay.mutate(r.leadId)}>{t('people.commission.markPaid')}</Button>
            ),
          }] : []),
        ]}
      />
    </Space>
  );
}
