// Service tiers of the definition (issue 10): each tier's name, working clock (7×24, the calendar's
// business hours, or its own hours such as 5×12), the contract payment models that give it, and its
// revisit interval. `standard` stays (customers not in service, payment models no tier names).
import { useState } from 'react';
import { Button, Input, InputNumber, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';
import type { EditDef, Issue } from './api';

const KEY = /^[a-z][a-z0-9_]{1,40}$/;
type Period = { start: string; end: string };

/** The payment models a contract offers: the options of the definition's `paymentModel` select fields. */
function paymentModelOptions(def: EditDef, lang: 'zh' | 'en') {
  const out = new Map<string, string>();
  for (const f of Object.values(def.forms as Record<string, EditDef>)) {
    for (const field of (f.fields ?? []) as EditDef[]) {
      if (field.key === 'paymentModel') for (const o of (field.options ?? []) as EditDef[]) out.set(o.value, o.label?.[lang] ?? o.value);
    }
  }
  return [...out].map(([value, label]) => ({ value, label }));
}

function tierIssues(issues: Issue[], key: string) {
  return issues.filter((i) => {
    const p = i.path.replace(/^definition\./, '').split('.');
    return p[0] === 'tiers' && (p[1] === key || (p.length === 1 && key === 'standard'));
  });
}

export function TierEditor({ def, setTop, issues = [] }: { def: EditDef; setTop: (mut: (d: EditDef) => void) => void; issues?: Issue[] }) {
  const { t, lang } = useI18n();
  const tiers = def.tiers as Record<string, EditDef>;
  const models = paymentModelOptions(def, lang);
  const [added, setAdded] = useState<{ key: string; zh: string; en: string }>({ key: '', zh: '', en: '' });
  const keyHelp = added.key && !KEY.test(added.key) ? t('pe.org.keyRule') : added.key && Object.hasOwn(tiers, added.key) ? t('pe.tier.keyTaken') : undefined;
  const addOk = KEY.test(added.key) && !Object.hasOwn(tiers, added.key) && !!added.zh.trim();
  const addTier = () => {
    setTop((d) => {
      d.tiers[added.key] = {
        label: { zh: added.zh.trim(), en: added.en.trim() || added.key },
        clock: { periods: [{ start: '08:00', end: '20:00' }] }, paymentModels: [], revisitIntervalDays: 30,
      };
    });
    setAdded({ key: '', zh: '', en: '' });
  };
  const clockKind = (c: EditDef) => (typeof c === 'string' ? c : 'own');
  const setPeriods = (key: string, mut: (p: Period[]) => void) => setTop((d) => { mut(d.tiers[key].clock.periods); });

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="pe-tiers">
      <Table size="small" pagination={false} rowKey="key" data-testid="pe-tier-table"
        dataSource={Object.entries(tiers).map(([key, x]) => ({ key, x }))}
        columns={[
          { title: t('pe.org.key'), dataIndex: 'key' },
          { title: t('pe.step.labelZh'), render: (_, r) => <Input style={{ width: 130 }} value={r.x.label?.zh} onChange={(e) => setTop((d) => { d.tiers[r.key].label.zh = e.target.value; })} /> },
          { title: t('pe.step.labelEn'), render: (_, r) => <Input style={{ width: 130 }} value={r.x.label?.en} onChange={(e) => setTop((d) => { d.tiers[r.key].label.en = e.target.value; })} /> },
          {
            title: t('pe.tier.clock'), render: (_, r) => (
              <Space direction="vertical" size={4}>
                <Select style={{ width: 200 }} value={clockKind(r.x.clock)} data-testid={`pe-tier-clock-${r.key}`}
                  onChange={(v) => setTop((d) => { d.tiers[r.key].clock = v === 'own' ? { periods: [{ start: '08:00', end: '20:00' }] } : v; })}
                  options={(['24x7', 'business', 'own'] as const).map((v) => ({ value: v, label: t(`pe.tier.clock.${v}`) }))} />
                {clockKind(r.x.clock) === 'own' && (r.x.clock.periods as Period[]).map((p, i) => (
                  <Space key={i} size={4}>
                    <Input style={{ width: 76 }} value={p.start} placeholder="08:00" aria-label={t('pe.tier.start')} data-testid={`pe-tier-${r.key}-start-${i}`}
                      onChange={(e) => setPeriods(r.key, (ps) => { ps[i].start = e.target.value.trim(); })} />
                    <span>–</span>
                    <Input style={{ width: 76 }} value={p.end} placeholder="20:00" aria-label={t('pe.tier.end')} data-testid={`pe-tier-${r.key}-end-${i}`}
                      onChange={(e) => setPeriods(r.key, (ps) => { ps[i].end = e.target.value.trim(); })} />
                    {r.x.clock.periods.length > 1 && <Button size="small" icon={<DeleteOutlined />} aria-label={t('pe.tier.removePeriod')} onClick={() => setPeriods(r.key, (ps) => { ps.splice(i, 1); })} />}
                  </Space>
                ))}
                {clockKind(r.x.clock) === 'own' && (
                  <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => setPeriods(r.key, (ps) => { ps.push({ start: '13:00', end: '18:00' }); })}>{t('pe.tier.addPeriod')}</Button>
                )}
              </Space>
            ),
          },
          {
            title: t('pe.tier.paymentModels'), render: (_, r) => (
              <Select mode="tags" style={{ minWidth: 180 }} value={r.x.paymentModels ?? []} options={models} data-testid={`pe-tier-models-${r.key}`}
                onChange={(v: string[]) => setTop((d) => {
                  // a payment model gives one tier: choosing it here takes it from the other
                  for (const [k, other] of Object.entries(d.tiers as Record<string, EditDef>)) if (k !== r.key) other.paymentModels = (other.paymentModels ?? []).filter((m: string) => !v.includes(m));
                  d.tiers[r.key].paymentModels = v;
                })} />
            ),
          },
          {
            title: t('pe.tier.revisit'), render: (_, r) => (
              <InputNumber min={1} max={3650} value={r.x.revisitIntervalDays} data-testid={`pe-tier-revisit-${r.key}`} onChange={(v) => v && setTop((d) => { d.tiers[r.key].revisitIntervalDays = v; })} />
            ),
          },
          {
            title: '', render: (_, r) => {
              const list = tierIssues(issues, r.key);
              return list.length ? <Space direction="vertical" size={0}>{list.map((i) => <Typography.Text key={i.path + i.message} type="danger">{i.message}</Typography.Text>)}</Space> : null;
            },
          },
          {
            title: '', render: (_, r) => r.key === 'standard' ? null : (
              <Popconfirm title={t('pe.tier.remove')} onConfirm={() => setTop((d) => { delete d.tiers[r.key]; })}>
                <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('pe.tier.remove')} />
              </Popconfirm>
            ),
          },
        ]}
      />
      <Space wrap data-testid="pe-add-tier">
        <Input style={{ width: 170 }} placeholder={t('pe.tier.keyPlaceholder')} value={added.key} status={keyHelp ? 'error' : undefined} title={keyHelp}
          onChange={(e) => setAdded({ ...added, key: e.target.value.trim() })} data-testid="pe-tier-key" />
        <Input style={{ width: 150 }} placeholder={t('pe.step.labelZh')} value={added.zh} onChange={(e) => setAdded({ ...added, zh: e.target.value })} data-testid="pe-tier-zh" />
        <Input style={{ width: 170 }} placeholder={t('pe.step.labelEn')} value={added.en} onChange={(e) => setAdded({ ...added, en: e.target.value })} />
        <Button icon={<PlusOutlined />} disabled={!addOk} onClick={addTier} data-testid="pe-tier-add">{t('pe.tier.add')}</Button>
        {keyHelp && <Typography.Text type="danger">{keyHelp}</Typography.Text>}
      </Space>
    </Space>
  );
}
