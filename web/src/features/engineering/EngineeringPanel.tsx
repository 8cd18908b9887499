// The deal's VoIP engineering (issue 17), beside the open step: busy-hour traffic, channels at the
// target blocking, the current trunks' blocking, gateway ports, bandwidth per codec against the
// spare broadband (green/amber/red), expected MOS per codec from a measured or assumed network,
// and the monthly saving. The engineer takes the suggestion into the equipment list, the
// salesperson the investment and VoIP cost into the proposal.
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { fmtFen } from '../../app/format';
import type { DealDetail } from '../deals/api';
import { useProcess } from '../process/queries';
import { useSuggest } from '../process/suggestions';
import type { CodecSizing, Measurement } from './api';
import { useDealEngineering } from './queries';

const STATUS_COLOR = { green: 'green', amber: 'orange', red: 'red' } as const;
const pct = (x: number | null | undefined, digits = 2) => (x == null ? '—' : `${(x * 100).toFixed(digits)}%`);

export function EngineeringPanel({ deal }: { deal: DealDetail }) {
  const { t, tk } = useI18n();
  const def = useProcess().data;
  const suggest = useSuggest();
  const [draft, setDraft] = useState<Measurement>({});
  const [measured, setMeasured] = useState<Measurement>({});
  const q = useDealEngineering(deal.id, measured);
  if (q.isError || !q.data) return q.isPending ? <Card title={t('eng.title')} loading /> : null;
  const e = q.data;

  // the open steps this user works on, found by their tag (never by key)
  const open = (deal.tasks ?? []).filter((x) => x.status === 'open' && x.abilities?.complete);
  const openOfKind = (kind: string) => open.find((x) => def?.steps[x.step]?.kind === kind);
  const formFields = (step: string) => {
    const form = Object.values(def?.steps[step]?.outcomes ?? {})[0]?.form;
    return new Set((form ? def?.forms[form]?.fields ?? [] : []).map((f) => f.key));
  };
  const assessment = openOfKind('assessment');
  const proposal = openOfKind('proposal');
  const onlyFields = (step: string, values: Record<string, unknown>) => {
    const keys = formFields(step);
    return Object.fromEntries(Object.entries(values).filter(([k, v]) => keys.has(k) && v !== undefined && v !== null));
  };
  const takeIntoAssessment = () => assessment && suggest(assessment.step, onlyFields(assessment.step, {
    equipment: [{ model: t('eng.gatewayModel', { ports: e.trunks.gatewayPorts, channels: e.trunks.channels }), quantity: 1 }],
    codec: e.suggestedCodec,
    measuredRttMs: measured.rttMs, measuredJitterMs: measured.jitterMs, measuredLossPct: measured.lossPct,
  }));
  const takeIntoProposal = () => proposal && e.suggestions.proposal && suggest(proposal.step, onlyFields(proposal.step, { ...e.suggestions.proposal }));

  const columns = [
    { title: t('eng.codec'), dataIndex: 'codec', render: (c: string) => <Space>{c.toUpperCase()}{c === e.suggestedCodec && <Tag color="blue">{t('eng.suggested')}</Tag>}</Space> },
    { title: t('eng.perCall'), dataIndex: 'perCallKbps', align: 'right' as const },
    { title: t('eng.total'), dataIndex: 'totalKbps', align: 'right' as const },
    { title: t('eng.share'), dataIndex: 'shareOfSpare', align: 'right' as const, render: (s: number | null) => pct(s, 1) },
    { title: t('eng.bandwidth'), dataIndex: 'status', render: (s: CodecSizing['status']) => <Tag color={STATUS_COLOR[s]} data-testid={`eng-status`}>{tk('eng.status', s)}</Tag> },
    { title: t('eng.delay'), dataIndex: 'oneWayDelayMs', align: 'right' as const },
    { title: 'R', dataIndex: 'R', align: 'right' as const },
    { title: 'MOS', dataIndex: 'mos', align: 'right' as const },
    { title: t('eng.rating'), dataIndex: 'rating', render: (r: string) => tk('eng.rating', r) },
  ];

  return (
    <Card title={t('eng.title')} data-testid="engineering-panel">
      {e.withheld && <Alert type="info" showIcon title={t('eng.withheld')} style={{ marginBottom: 12 }} />}
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('eng.busyHour')}>{e.traffic.busyHourErlangs} Erl{e.traffic.monthlyMinutes != null && <Typography.Text type="secondary">{' '}({t('eng.minutes', { n: e.traffic.monthlyMinutes })})</Typography.Text>}</Descriptions.Item>
        <Descriptions.Item label={t('eng.channels', { b: pct(e.trunks.targetBlocking, 0) })}>
          <Typography.Text strong data-testid="eng-channels">{e.trunks.channels}</Typography.Text>
          {e.trunks.cappedByExtensions && <Tag style={{ marginLeft: 8 }}>{t('eng.capped')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('eng.trunkBlocking')}>
          {e.trunks.trunkLines == null ? '—' : t('eng.trunkBlockingValue', { n: e.trunks.trunkLines, b: pct(e.trunks.trunkBlocking) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('eng.gatewayPorts')}>{e.trunks.gatewayPorts}</Descriptions.Item>
        <Descriptions.Item label={t('eng.spare')}>
          {e.survey.bandwidthMbps == null ? t('eng.noBroadband') : t('eng.spareValue', { mbps: e.survey.bandwidthMbps, u: e.survey.utilisationPct, kbps: e.spareKbps })}
          {e.survey.utilisationAssumed && <Tag style={{ marginLeft: 8 }}>{t('eng.assumed')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('eng.suggestedCodec')}>
          <Tag color="blue" data-testid="eng-codec">{e.suggestedCodec.toUpperCase()}</Tag>
        </Descriptions.Item>
      </Descriptions>
      <Table<CodecSizing> data-testid="eng-codecs" size="small" rowKey="codec" pagination={false} columns={columns} dataSource={e.codecs} scroll={{ x: true }} style={{ marginBottom: 12 }} />
      <Space wrap align="center" style={{ marginBottom: 12 }}>
        <Typography.Text>{e.network.measured ? t('eng.networkMeasured') : t('eng.networkAssumed', { rtt: e.network.rttMs, jitter: e.network.jitterMs, loss: e.network.lossPct })}</Typography.Text>
        <InputNumber min={0} max={5000} placeholder={t('eng.rtt')} addonAfter="ms" value={draft.rttMs} onChange={(v) => setDraft({ ...draft, rttMs: v ?? undefined })} data-testid="eng-rtt" style={{ width: 170 }} />
        <InputNumber min={0} max={1000} placeholder={t('eng.jitter')} addonAfter="ms" value={draft.jitterMs} onChange={(v) => setDraft({ ...draft, jitterMs: v ?? undefined })} data-testid="eng-jitter" style={{ width: 170 }} />
        <InputNumber min={0} max={100} placeholder={t('eng.loss')} addonAfter="%" value={draft.lossPct} onChange={(v) => setDraft({ ...draft, lossPct: v ?? undefined })} data-testid="eng-loss" style={{ width: 150 }} />
        <Button onClick={() => setMeasured({ ...draft })} loading={q.isFetching} data-testid="eng-estimate">{t('eng.estimate')}</Button>
      </Space>
      {e.saving && (
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('eng.currentBill')}>{fmtFen(e.saving.currentMonthlyFen)}</Descriptions.Item>
          <Descriptions.Item label={t('eng.voipCost')}>{fmtFen(e.saving.voipMonthlyFen)}</Descriptions.Item>
          <Descriptions.Item label={t('eng.saving')}><Typography.Text strong type="success" data-testid="eng-saving">{fmtFen(e.saving.monthlySavingFen)}</Typography.Text></Descriptions.Item>
        </Descriptions>
      )}
      <Space wrap>
        {assessment && <Button type="primary" ghost onClick={takeIntoAssessment} data-testid="eng-take-assessment">{t('eng.takeIntoAssessment')}</Button>}
        {proposal && e.suggestions.proposal && <Button type="primary" ghost onClick={takeIntoProposal} data-testid="eng-take-proposal">{t('eng.takeIntoProposal')}</Button>}
      </Space>
    </Card>
  );
}
