// A month's statement that is approved (and so locked) and exported to Excel: the commissions and
// the allowances tabs show one each.
import type { ReactNode } from 'react';
import { Button, Space, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n';
import { useMonth } from './hooks';
import { MonthPicker } from './MonthPicker';

interface Statement { approved: { byName: string | null } | null }

/** The month chosen (the server's month at first), its statement, and approving it. */
export function useMonthStatement<S extends Statement>(name: 'commissions' | 'allowances', fetch: (month: string) => Promise<S>, approve: (month: string) => Promise<unknown>) {
  const qc = useQueryClient();
  const [month, setMonth] = useMonth();
  const statement = useQuery({ queryKey: ['people', name, month], queryFn: () => fetch(month), enabled: !!month });
  const refresh = () => qc.invalidateQueries({ queryKey: ['people', name] });
  const approval = useMutation({ mutationFn: () => approve(month), onSuccess: refresh });
  return { month, setMonth, statement, refresh, approval };
}

/** The month picker, who approved the month (or the approve button for whoever may), `children`, and the export. */
export function StatementBar({ state, canApprove, xlsxUrl, children }: {
  state: ReturnType<typeof useMonthStatement>;
  canApprove: boolean;
  xlsxUrl: (month: string) => string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const { month, setMonth, statement, approval } = state;
  const approved = statement.data?.approved;
  return (
    <Space wrap>
      <MonthPicker value={month} onChange={setMonth} />
      {children}
      {approved
        ? <Tag color="green">{t('people.approvedLocked')}{approved.byName ? ` · ${approved.byName}` : ''}</Tag>
        : canApprove && <Button onClick={() => approval.mutate()} loading={approval.isPending}>{t('people.approveMonth')}</Button>}
      <Button href={month ? xlsxUrl(month) : undefined} target="_blank">{t('common.exportExcel')}</Button>
    </Space>
  );
}
