// 人事与薪酬 (issue 14): leads, commissions, the duty rota, allowances, the leadership mailbox and
// training, one tab each (components/*Tab.tsx). What each person may do comes from the server's capabilities.
import { Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { AllowancesTab } from '../components/AllowancesTab';
import { CommissionsTab } from '../components/CommissionsTab';
import { DutyTab } from '../components/DutyTab';
import { LeadsTab } from '../components/LeadsTab';
import { MailboxTab } from '../components/MailboxTab';
import { TrainingTab } from '../components/TrainingTab';

export default function PeoplePage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  return (
    <Tabs
      data-testid="people-tabs"
      activeKey={params.get('tab') ?? 'leads'}
      onChange={(tab) => setParams({ tab }, { replace: true })}
      items={[
        { key: 'leads', label: t('people.tab.leads'), children: <LeadsTab /> },
        { key: 'commissions', label: t('people.tab.commissions'), children: <CommissionsTab /> },
        { key: 'duty', label: t('people.tab.duty'), children: <DutyTab /> },
        { key: 'allowances', label: t('people.tab.allowances'), children: <AllowancesTab /> },
        { key: 'mailbox', label: t('people.tab.mailbox'), children: <MailboxTab /> },
        { key: 'training', label: t('people.tab.training'), children: <TrainingTab /> },
      ]}
      destroyOnHidden
    />
  );
}
