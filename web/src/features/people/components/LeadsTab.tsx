// 线索: submitting a lead, and the leads the reader may see — searched and filtered here, in the
// browser, since GET /leads answers them all — which the sales manager accepts or rejects.
import { useMemo, useState } from 'react';
import { Button, Input, Select, Space, Table, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n';
import { useCapabilities } from '../../../app/access';
import { listLeads, rejectLead, type Lead } from '../api';
import { AcceptLeadModal } from './AcceptLeadModal';
import { LeadForm } from './LeadForm';
import { PeopleStateTag } from './PeopleStateTag';
import { TextModal } from './TextModal';

const LEAD_STATES: Lead['state'][] = ['new', 'accepted', 'rejected', 'converted'];

/** The leads whose customer, need or number holds `search` (any case), in `state` if one is chosen. */
function filterLeads(items: Lead[], search: string, state: Lead['state'] | undefined): Lead[] {
  const q = search.trim().toLowerCase();
  return items.filter((l) => (!state || l.state === state) && (!q || [l.customerName, l.need, l.number].some((s) => s.toLowerCase().includes(q))));
}

export function LeadsTab() {
  const { t, tk } = useI18n();
  const can = useCapabilities();
  const qc = useQueryClient();
  const leads = useQuery({ queryKey: ['people', 'leads'], queryFn: listLeads });
  const refresh = () => qc.invalidateQueries({ queryKey: ['people', 'leads'] });
  const [accepting, setAccepting] = useState<Lead | null>(null);
  const [rejecting, setRejecting] = useState<Lead | null>(null);
  const [search, setSearch] = useState('');
  const [state, setState] = useState<Lead['state'] | undefined>();
  const [page, setPage] = useState(1);
  const shown = useMemo(() => filterLeads(leads.data?.items ?? [], search, state), [leads.data, search, state]);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {can.createLead && <LeadForm onCreated={refresh} />}
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Input.Search
            allowClear placeholder={t('people.lead.search')} style={{ width: 320 }} data-testid="lead-search"
            value={search} onChange={(e) => { setSearch(e.target.value); setPage(1); }}
          />
          <Select
            allowClear placeholder={t('people.lead.allStates')} style={{ width: 140 }} data-testid="lead-state-filter"
            value={state} onChange={(s: Lead['state'] | undefined) => { setState(s); setPage(1); }}
            options={LEAD_STATES.map((s) => ({ value: s, label: tk('people.state', s) }))}
          />
        </Space>
        <Table
          rowKey="id" size="small" loading={leads.isLoading} dataSource={shown} data-testid="lead-table"
          pagination={{ pageSize: 20, current: page, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t('common.number'), dataIndex: 'number' },
            { title: t('common.customer'), dataIndex: 'customerName' },
            { title: t('people.lead.need'), dataIndex: 'need', ellipsis: true },
            { title: t('people.referrer'), dataIndex: 'referrerName' },
            { title: t('people.lead.classes'), render: (_, r) => `${r.claimedClass} → ${r.class ?? '—'}${r.classReason ? t('people.inParens', { text: r.classReason }) : ''}` },
            { title: t('role.sales'), dataIndex: 'salespersonName' },
            {
              title: t('common.state'),
              render: (_, r) => <><PeopleStateTag state={r.state} />{r.rejectReason && <Typography.Text type="secondary">{r.rejectReason}</Typography.Text>}</>,
            },
            ...(can.triageLead ? [{
              title: t('common.actions'), render: (_: unknown, r: Lead) => r.state === 'new' && (
                <Space>
                  <Button size="small" type="primary" data-testid={`lead-accept-${r.number}`} onClick={() => setAccepting(r)}>{t('people.lead.accept')}</Button>
                  <Button size="small" data-testid={`lead-reject-${r.number}`} onClick={() => setRejecting(r)}>{t('people.lead.reject')}</Button>
                </Space>
              ),
            }] : []),
          ]}
        />
      </Space>
      <AcceptLeadModal lead={accepting} onClose={() => setAccepting(null)} onAccepted={refresh} />
      <TextModal
        open={!!rejecting} title={t('people.lead.rejectTitle', { number: rejecting?.number ?? '' })} label={t('people.lead.rejectReason')} missing={t('people.lead.rejectReasonMissing')}
        field="reason" formName="lead-reject" max={1000} okText={t('people.lead.reject')} okId="lead-reject-ok"
        onSubmit={(reason) => rejectLead(rejecting!.id, reason).then(refresh)} onClose={() => setRejecting(null)}
      />
    </Space>
  );
}
