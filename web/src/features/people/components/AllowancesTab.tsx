// 津贴: a month's allowances (CS duty days, rest-day installations, 7×24 on-call), computed by the
// server from the rota and the tasks; approving locks the month.
import { Space, Table } from 'antd';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { useCapabilities } from '../../../app/access';
import { fmtFen } from '../../../app/format';
import { allowancesXlsxUrl, approveAllowances, getAllowances, type AllowanceLine } from '../api';
import { StatementBar, useMonthStatement } from './MonthStatement';

const KIND: Record<AllowanceLine['kind'], MessageKey> = { cs_duty: 'people.duty.cs', holiday_installation: 'people.allowance.holidayInstallation', vip_oncall: 'people.duty.oncall' };
const UNIT: Record<AllowanceLine['unit'], MessageKey> = { day: 'people.allowance.unit.day', hour: 'people.allowance.unit.hour', month: 'people.allowance.unit.month' };

export function AllowancesTab() {
  const { t } = useI18n();
  const can = useCapabilities();
  const state = useMonthStatement('allowances', getAllowances, approveAllowances);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <StatementBar state={state} canApprove={can.approveAllowances} xlsxUrl={allowancesXlsxUrl} />
      <Table
        rowKey={(r) => `${r.kind}-${r.userId}-${r.date}-${r.caseId}`} size="small" loading={state.statement.isLoading} dataSource={state.statement.data?.items ?? []} pagination={false}
        columns={[
          { title: t('people.allowance.person'), dataIndex: 'userName' },
          { title: t('people.allowance.kind'), render: (_, r) => t(KIND[r.kind]) },
          { title: t('calendar.date'), dataIndex: 'date' },
          { title: t('people.allowance.case'), dataIndex: 'caseNumber' },
          { title: t('people.multiplier'), render: (_, r) => `×${r.multiplier}` },
          { title: t('people.allowance.units'), render: (_, r) => `${r.units} ${t(UNIT[r.unit])}` },
          { title: t('people.allowance.amount'), render: (_, r) => fmtFen(r.amountFen) },
          { title: t('people.allowance.source'), dataIndex: 'source' },
        ]}
      />
    </Space>
  );
}
