import { Badge, Button, Card, Segmented, Space, Spin, Typography } from 'antd';
import { AppstoreOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { useUser } from '../../../app/auth';
import { useCapabilities } from '../../../app/access';
import { fmtDate, fmtDateTime, fmtFen } from '../../../app/format';
import { flatParams, ListPage, type ListColumn } from '../../../components/ListPage';
import { StateTag } from '../../../components/StateTag';
import { useUserNames } from '../../users/useUserNames';
import { endStatesOf, stepsOf, useProcess } from '../../process/queries';
import { listDeals, type DealSummary } from '../api';

/** Every state a deal can be in: its steps, then how it can end (from the definition). */
function useDealStates(): string[] {
  const def = useProcess().data;
  return [...stepsOf(def, 'deal'), ...endStatesOf(def, 'deal')];
}
const KANBAN_PAGE = 20;
type View = 'list' | 'kanban';

export default function DealListPage() {
  const { t } = useI18n();
  const user = useUser();
  const can = useCapabilities();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const initialView: View = can.dealsBoardByDefault ? 'kanban' : 'list';
  const view: View = sp.get('view') === 'kanban' || sp.get('view') === 'list' ? (sp.get('view') as View) : initialView;

  return (
    <Card
      title={t('deal.list')}
      extra={
        <Space>
          <Segmented
            value={view}
            onChange={(v) => setSp(v === initialView ? {} : { view: String(v) })}
            options={[
              { value: 'list', label: t('common.listView'), icon: <UnorderedListOutlined /> },
              { value: 'kanban', label: t('common.kanbanView'), icon: <AppstoreOutlined /> },
            ]}
            data-testid="deal-view"
          />
          {can.createDeal && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/deals/new')} data-testid="deal-new">
              {t('deal.new')}
            </Button>
          )}
        </Space>
      }
    >
      {view === 'list' ? <DealTable /> : <DealKanban />}
    </Card>
  );
}

function DealTable() {
  const { t, ts } = useI18n();
  const nameOf = useUserNames();
  const states = useDealStates();
  const columns: ListColumn<DealSummary>[] = [
    {
      key: 'number',
      title: t('deal.number'),
      dataIndex: 'number',
      render: (v: string | null, d) => (
        <Link to={`/deals/${d.id}`} onClick={(e) => e.stopPropagation()}>
          {v ?? d.id}
        </Link>
      ),
    },
    { key: 'customer', title: t('common.customer'), dataIndex: 'customerName', render: (v?: string | null) => v ?? '—' },
    { key: 'state', title: t('common.state'), dataIndex: 'state', render: (v: string) => <StateTag state={v} /> },
    { key: 'owner', title: t('deal.owner'), dataIndex: 'ownerId', render: (v?: string | null) => nameOf(v) },
    { key: 'amount', title: t('nego.amountFen'), dataIndex: 'amountFen', responsive: ['lg'], render: (v?: number | null) => (v == null ? '—' : fmtFen(v)) },
    { key: 'createdAt', title: t('common.createdAt'), dataIndex: 'createdAt', render: (v: string) => fmtDateTime(v) },
  ];
  return (
    <ListPage<DealSummary>
      name="deals"
      fetch={(p) => listDeals(flatParams(p))}
      columns={columns}
      filters={[
        { kind: 'search', key: 'q', placeholder: t('deal.searchPlaceholder') },
        { kind: 'select', key: 'state', placeholder: t('common.filterState'), options: states.map((s) => ({ value: s, label: ts(s) })) },
      ]}
      rowHref={(d) => `/deals/${d.id}`}
    />
  );
}

/** The board's stages: steps grouped by their kind (from the definition, never by key). */
const STAGES = [
  { key: 'presales', kinds: ['qualify', 'assessment', 'proposal'] },
  { key: 'approval', kinds: ['approval'] },
  { key: 'commerce', kinds: ['delivery', 'negotiation'] },
  { key: 'implementation', kinds: ['archive', 'procurement', 'dispatch', 'installation'] },
] as const;

function KanbanColumn({ stage, states }: { stage: string; states: string[] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const state = states.join(',');
  const list = useQuery({ queryKey: ['list', 'deals', { state, pageSize: KANBAN_PAGE }], queryFn: () => listDeals({ state, pageSize: KANBAN_PAGE }), enabled: states.length > 0 });
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? items.length;
  return (
    <div style={{ flex: '1 1 240px', minWidth: 240, background: '#f5f5f5', borderRadius: 8, padding: 8 }} data-testid={`kanban-${stage}`}>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Text strong>{t(`deal.stage.${stage}` as MessageKey)}</Typography.Text>
        <Badge count={total} showZero color={total ? '#1677ff' : '#bfbfbf'} />
      </div>
      {list.isPending && states.length > 0 && <Spin size="small" />}
      {!list.isPending && !items.length && <Typography.Text type="secondary">{t('deal.stageEmpty')}</Typography.Text>}
      {items.map((d) => (
        <Card key={d.id} size="small" hoverable style={{ marginBottom: 8 }} onClick={() => navigate(`/deals/${d.id}`)} data-testid={`kanban-card-${d.state}`}>
          <div style={{ fontWeight: 500 }}>{d.customerName ?? '—'}</div>
          <Space size={4} wrap>
            <StateTag state={d.state} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {d.number ?? d.id} · {fmtDate(d.createdAt)}
            </Typography.Text>
          </Space>
        </Card>
      ))}
      {total > items.length && (
        <Link to={`/deals?view=list&state=${encodeURIComponent(state)}`}>
          <Typography.Text type="secondary">{t('deal.kanbanMore', { n: total - items.length })}</Typography.Text>
        </Link>
      )}
    </div>
  );
}

/** Ended deals, apart from the work in progress: a count per end state, each opening the list. */
function EndedDeals({ states }: { states: string[] }) {
  const { t } = useI18n();
  return (
    <Space wrap style={{ marginTop: 12 }} data-testid="kanban-ended">
      <Typography.Text type="secondary">{t('deal.ended')}：</Typography.Text>
      {states.map((s) => (
        <EndedCount key={s} state={s} />
      ))}
    </Space>
  );
}

function EndedCount({ state }: { state: string }) {
  const { ts } = useI18n();
  const list = useQuery({ queryKey: ['list', 'deals', { state, pageSize: 1 }], queryFn: () => listDeals({ state, pageSize: 1 }) });
  return (
    <Link to={`/deals?view=list&state=${encodeURIComponent(state)}`}>
      <Badge count={list.data?.total ?? 0} showZero color="#8c8c8c" offset={[10, 0]}>
        <span style={{ paddingInlineEnd: 8 }}>{ts(state)}</span>
      </Badge>
    </Link>
  );
}

function DealKanban() {
  const def = useProcess().data;
  const steps = stepsOf(def, 'deal');
  const kindOf = (s: string) => def?.steps[s]?.kind as string | undefined;
  const grouped = new Set(STAGES.flatMap((g) => steps.filter((s) => (g.kinds as readonly string[]).includes(kindOf(s) ?? ''))));
  // a step of a kind no stage names (a company's own step) joins the stage of the step before it
  const stages = STAGES.map((g) => ({ key: g.key, states: steps.filter((s) => (g.kinds as readonly string[]).includes(kindOf(s) ?? '')) }));
  for (const s of steps.filter((x) => !grouped.has(x))) {
    const before = steps.slice(0, steps.indexOf(s)).reverse().find((x) => grouped.has(x));
    const stage = stages.find((g) => before && g.states.includes(before)) ?? stages[0];
    stage.states.push(s);
  }
  return (
    <>
      <div style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBottom: 8 }} data-testid="deal-kanban">
        {stages.map((g) => (
          <KanbanColumn key={g.key} stage={g.key} states={g.states} />
        ))}
      </div>
      <EndedDeals states={endStatesOf(def, 'deal')} />
    </>
  );
}
