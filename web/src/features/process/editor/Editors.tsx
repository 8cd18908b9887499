// The editors a click on the diagram or the forms list opens: a step (labels, owner, extra roles,
// assignment, deadline, outcomes, long-running threshold) and a form (title, prefix, copies, fields).
import { Alert, Button, Card, Checkbox, Drawer, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n, type MessageKey } from '../../../app/i18n';
import type { EditDef, Issue } from './api';
import { issuesOf } from './Diagram';

export type Update = (mut: (d: EditDef) => void) => void;

const FIELD_TYPES = ['text', 'longtext', 'int', 'decimal', 'money', 'percent', 'bool', 'date', 'datetime', 'select', 'user', 'lines', 'signature', 'group'] as const;

function Problems({ issues }: { issues: Issue[] }) {
  const { t } = useI18n();
  if (!issues.length) return null;
  return (
    <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('pe.errors')} data-testid="pe-element-errors"
      description={<ul style={{ margin: 0, paddingLeft: 18 }}>{issues.map((i) => <li key={i.path + i.message}><code>{i.path.replace(/^definition\./, '')}</code>: {i.message}</li>)}</ul>} />
  );
}

export function StepEditor({ def, stepKey, issues, update, onClose }: { def: EditDef; stepKey: string | null; issues: Issue[]; update: Update; onClose: () => void }) {
  const { t, lang } = useI18n();
  const s = stepKey ? def.steps[stepKey] : undefined;
  const roleOptions = Object.entries(def.roles as Record<string, EditDef>).map(([k, r]) => ({ value: k, label: r.label?.[lang] ?? k }));
  const stepOptions = Object.entries(def.steps as Record<string, EditDef>).map(([k, x]) => ({ value: k, label: x.label?.[lang] ?? k }));
  const formOptions = Object.entries(def.forms as Record<string, EditDef>).map(([k, f]) => ({ value: k, label: f.title?.[lang] ?? k }));
  const set: Update = (mut) => update((d) => mut(d.steps[stepKey!]));
  const due = s?.due ?? {};
  const dueKind = 'none' in due ? 'none' : 'endOfDayOfField' in due ? 'field' : 'days';
  const assignKind = typeof s?.assign === 'object' ? 'fromField' : (s?.assign ?? 'pool');
  return (
    <Drawer open={!!s} onClose={onClose} width={720} title={s ? `${t('pe.step')}: ${s.label?.[lang] ?? stepKey}` : ''} destroyOnHidden>
      {s && (
        <Form layout="vertical" data-testid="pe-step-editor">
          <Problems issues={issuesOf(issues, 'steps', stepKey!)} />
          <Form.Item label={t('pe.step.key')}><Typography.Text code>{stepKey}</Typography.Text> {s.kind && <Tag>{s.kind}</Tag>}</Form.Item>
          <Space wrap>
            <Form.Item label={t('pe.step.labelZh')}><Input id="pe-step-label-zh" value={s.label?.zh} onChange={(e) => set((x) => { x.label.zh = e.target.value; })} /></Form.Item>
            <Form.Item label={t('pe.step.labelEn')}><Input id="pe-step-label-en" value={s.label?.en} onChange={(e) => set((x) => { x.label.en = e.target.value; })} /></Form.Item>
          </Space>
          <Space wrap>
            <Form.Item label={t('pe.step.role')}>
              <Select id="pe-step-role" style={{ width: 200 }} value={s.role} options={roleOptions} showSearch={{ optionFilterProp: 'label' }} onChange={(v) => set((x) => { x.role = v; })} />
            </Form.Item>
            <Form.Item label={t('pe.step.alsoRoles')}>
              <Select id="pe-step-also" mode="multiple" style={{ width: 280 }} value={s.alsoRoles ?? []} options={roleOptions} onChange={(v) => set((x) => { x.alsoRoles = v; })} />
            </Form.Item>
          </Space>
          <Space wrap align="end">
            <Form.Item label={t('pe.step.assign')}>
              <Select id="pe-step-assign" style={{ width: 200 }} value={assignKind}
                options={(['pool', 'case_owner', 'fromField'] as const).map((k) => ({ value: k, label: t(`pe.assign.${k}` as MessageKey) }))}
                onChange={(v) => set((x) => { x.assign = v === 'fromField' ? { fromField: '' } : v; })} />
            </Form.Item>
            {assignKind === 'fromField' && (
              <Form.Item label={t('pe.assign.field')}><Input value={s.assign.fromField} onChange={(e) => set((x) => { x.assign = { fromField: e.target.value }; })} /></Form.Item>
            )}
          </Space>
          <Card size="small" title={t('pe.step.due')} style={{ marginBottom: 16 }}>
            <Space wrap align="end">
              <Form.Item label={t('pe.step.due')}>
                <Select id="pe-step-due-kind" style={{ width: 180 }} value={dueKind}
                  options={[{ value: 'days', label: t('pe.due.days') }, { value: 'none', label: t('pe.due.none') }, { value: 'field', label: t('pe.due.field') }]}
                  onChange={(v) => set((x) => { x.due = v === 'none' ? { none: true } : v === 'field' ? { endOfDayOfField: '' } : { days: 1, from: 'task_created', tier: 'standard' }; })} />
              </Form.Item>
              {dueKind === 'days' && (
                <>
                  <Form.Item label={t('pe.due.days')}>
                    <InputNumber id="pe-step-due-days" min={0} max={365} step={0.5} value={due.days} onChange={(v) => set((x) => { x.due = { ...x.due, days: v ?? 0 }; })} />
                  </Form.Item>
                  <Form.Item label={t('pe.due.from')}>
                    <Select style={{ width: 140 }} value={due.from ?? 'task_created'} options={(['task_created', 'case_created'] as const).map((k) => ({ value: k, label: t(`pe.due.from.${k}`) }))}
                      onChange={(v) => set((x) => { x.due = { ...x.due, from: v }; })} />
                  </Form.Item>
                  <Form.Item label={t('pe.due.tier')}>
                    <Select style={{ width: 170 }} value={due.tier ?? 'standard'} options={(['standard', 'customer'] as const).map((k) => ({ value: k, label: t(`pe.due.tier.${k}`) }))}
                      onChange={(v) => set((x) => { x.due = { ...x.due, tier: v }; })} />
                  </Form.Item>
                </>
              )}
              {dueKind === 'field' && (
                <Form.Item label={t('pe.assign.field')}><Input value={due.endOfDayOfField} onChange={(e) => set((x) => { x.due = { endOfDayOfField: e.target.value }; })} /></Form.Item>
              )}
            </Space>
          </Card>
          <Form.Item label={t('pe.step.longAfterDays')}>
            <InputNumber min={0} value={s.longAfterDays} onChange={(v) => set((x) => { if (v === null) delete x.longAfterDays; else x.longAfterDays = v; })} />
          </Form.Item>
          <Typography.Title level={5}>{t('pe.outcomes')}</Typography.Title>
          <Table
            size="small" pagination={false} rowKey="key" data-testid="pe-outcomes"
            dataSource={Object.entries(s.outcomes as Record<string, EditDef>).map(([key, o]) => ({ key, o }))}
            columns={[
              { title: t('pe.outcome.key'), dataIndex: 'key', width: 90 },
              { title: t('pe.step.labelZh'), render: (_, r) => <Input value={r.o.label?.zh} onChange={(e) => set((x) => { x.outcomes[r.key].label.zh = e.target.value; })} /> },
              { title: t('pe.step.labelEn'), render: (_, r) => <Input value={r.o.label?.en} onChange={(e) => set((x) => { x.outcomes[r.key].label.en = e.target.value; })} /> },
              { title: t('pe.outcome.next'), render: (_, r) => <Select mode="multiple" style={{ minWidth: 140 }} value={r.o.next ?? []} options={stepOptions} onChange={(v) => set((x) => { x.outcomes[r.key].next = v; })} /> },
              { title: t('pe.outcome.end'), width: 100, render: (_, r) => <Input value={r.o.end ?? ''} onChange={(e) => set((x) => { if (e.target.value) x.outcomes[r.key].end = e.target.value; else delete x.outcomes[r.key].end; })} /> },
              { title: t('pe.outcome.form'), render: (_, r) => <Select allowClear style={{ minWidth: 120 }} value={r.o.form} options={formOptions} onChange={(v) => set((x) => { if (v) x.outcomes[r.key].form = v; else delete x.outcomes[r.key].form; })} /> },
              { title: '', width: 40, render: (_, r) => <Button size="small" danger icon={<DeleteOutlined />} onClick={() => set((x) => { delete x.outcomes[r.key]; })} aria-label={t('common.delete')} /> },
            ]}
          />
          <Button icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => set((x) => {
            let n = 1;
            while (x.outcomes[`outcome${n}`]) n++;
            x.outcomes[`outcome${n}`] = { label: { zh: `结果${n}`, en: `Outcome ${n}` }, next: [], end: 'done', effects: [] };
          })}>{t('pe.outcome.add')}</Button>
        </Form>
      )}
    </Drawer>
  );
}

/** `forms.<key>.fields.<i>…`: the index of the field a problem names, if any. */
function fieldIssueIndexes(issues: Issue[], formKey: string): Set<number> {
  const out = new Set<number>();
  for (const i of issuesOf(issues, 'forms', formKey)) {
    const p = i.path.replace(/^definition\./, '').split('.');
    if (p[2] === 'fields' && /^\d+$/.test(p[3] ?? '')) out.add(Number(p[3]));
  }
  return out;
}

export function FormEditor({ def, formKey, issues, update, onClose }: { def: EditDef; formKey: string | null; issues: Issue[]; update: Update; onClose: () => void }) {
  const { t, lang } = useI18n();
  const f = formKey ? def.forms[formKey] : undefined;
  const set: Update = (mut) => update((d) => mut(d.forms[formKey!]));
  const roleOptions = Object.entries(def.roles as Record<string, EditDef>).map(([k, r]) => ({ value: k, label: r.label?.[lang] ?? k }));
  const deptOptions = Object.entries(def.departments as Record<string, EditDef>).map(([k, r]) => ({ value: k, label: r.label?.[lang] ?? k }));
  const bad = formKey ? fieldIssueIndexes(issues, formKey) : new Set<number>();
  const setField = (i: number, mut: (x: EditDef) => void) => set((x) => mut(x.fields[i]));
  const move = (i: number, by: number) => set((x) => {
    const j = i + by;
    if (j < 0 || j >= x.fields.length) return;
    [x.fields[i], x.fields[j]] = [x.fields[j], x.fields[i]];
  });
  return (
    <Drawer open={!!f} onClose={onClose} width={1100} title={f ? `${t('pe.forms')}: ${f.title?.[lang] ?? formKey}` : ''} destroyOnHidden>
      {f && (
        <Form layout="vertical" data-testid="pe-form-editor">
          <Problems issues={issuesOf(issues, 'forms', formKey!)} />
          <Space wrap>
            <Form.Item label={t('pe.form.titleZh')}><Input value={f.title?.zh} onChange={(e) => set((x) => { x.title.zh = e.target.value; })} /></Form.Item>
            <Form.Item label={t('pe.form.titleEn')}><Input value={f.title?.en} onChange={(e) => set((x) => { x.title.en = e.target.value; })} /></Form.Item>
            <Form.Item label={t('pe.form.prefix')}>
              <Input style={{ width: 100 }} value={f.prefix ?? ''} onChange={(e) => set((x) => { if (e.target.value) x.prefix = e.target.value.toUpperCase(); else delete x.prefix; })} />
            </Form.Item>
            <Form.Item label={t('pe.form.copies')}>
              <Select mode="multiple" style={{ minWidth: 300 }} value={f.copies ?? []} options={deptOptions}
                onChange={(v) => set((x) => { if (v.length) x.copies = v; else delete x.copies; })} />
            </Form.Item>
          </Space>
          <Typography.Title level={5}>{t('pe.form.fields')}</Typography.Title>
          <Table
            size="small" pagination={false} rowKey={(r) => String(r.i)} data-testid="pe-fields" scroll={{ x: 1000 }}
            rowClassName={(r) => (bad.has(r.i) ? 'pe-row-error' : '')}
            onRow={(r) => ({ style: bad.has(r.i) ? { background: '#fff1f0' } : undefined, 'data-testid': `pe-field-${r.f.key}` } as React.HTMLAttributes<HTMLElement>)}
            dataSource={(f.fields as EditDef[]).map((x, i) => ({ f: x, i }))}
            columns={[
              { title: t('pe.field.key'), width: 130, render: (_, r) => <Input aria-label={t('pe.field.key')} value={r.f.key} disabled={!!r.f.computed} onChange={(e) => setField(r.i, (x) => { x.key = e.target.value; })} /> },
              { title: t('pe.field.labelZh'), width: 140, render: (_, r) => <Input aria-label={t('pe.field.labelZh')} value={r.f.label?.zh} onChange={(e) => setField(r.i, (x) => { x.label.zh = e.target.value; })} /> },
              { title: t('pe.field.labelEn'), width: 140, render: (_, r) => <Input aria-label={t('pe.field.labelEn')} value={r.f.label?.en} onChange={(e) => setField(r.i, (x) => { x.label.en = e.target.value; })} /> },
              {
                title: t('pe.field.type'), width: 120, render: (_, r) => (
                  <Select aria-label={t('pe.field.type')} style={{ width: 110 }} value={r.f.type} disabled={!!r.f.computed} popupMatchSelectWidth={false}
                    options={FIELD_TYPES.map((k) => ({ value: k, label: t(`pe.type.${k}`) }))}
                    onChange={(v) => setField(r.i, (x) => { x.type = v; })} />
                ),
              },
              { title: t('pe.field.required'), width: 60, render: (_, r) => <Checkbox aria-label={t('pe.field.required')} checked={!!r.f.required} onChange={(e) => setField(r.i, (x) => { if (e.target.checked) x.required = true; else delete x.required; })} /> },
              {
                title: t('pe.field.options'), width: 220, render: (_, r) => r.f.type === 'select' ? (
                  <Select aria-label={t('pe.field.options')} mode="tags" style={{ width: 210 }} value={(r.f.options ?? []).map((o: EditDef) => o.label?.[lang] ?? o.value)}
                    onChange={(tags: string[]) => setField(r.i, (x) => {
                      const old = (x.options ?? []) as EditDef[];
                      x.options = tags.map((tag) => old.find((o) => (o.label?.[lang] ?? o.value) === tag) ?? { value: tag, label: { zh: tag, en: tag } });
                      if (!x.options.length) delete x.options;
                    })} />
                ) : null,
              },
              {
                title: t('pe.field.filledBy'), width: 170, render: (_, r) => (
                  <Select aria-label={t('pe.field.filledBy')} mode="multiple" allowClear style={{ width: 160 }} value={r.f.filledBy ?? []} options={roleOptions} popupMatchSelectWidth={false}
                    onChange={(v) => setField(r.i, (x) => { if (v.length) x.filledBy = v; else delete x.filledBy; })} />
                ),
              },
              { title: t('pe.field.print'), width: 50, render: (_, r) => <Checkbox aria-label={t('pe.field.print')} checked={r.f.print !== false} onChange={(e) => setField(r.i, (x) => { if (e.target.checked) delete x.print; else x.print = false; })} /> },
              { title: t('pe.field.hidden'), width: 50, render: (_, r) => <Checkbox aria-label={t('pe.field.hidden')} checked={!!r.f.hidden} onChange={(e) => setField(r.i, (x) => { if (e.target.checked) x.hidden = true; else delete x.hidden; })} /> },
              {
                title: '', width: 120, render: (_, r) => (
                  <Space size={2}>
                    <Button size="small" icon={<ArrowUpOutlined />} aria-label={t('pe.field.up')} disabled={r.i === 0} onClick={() => move(r.i, -1)} />
                    <Button size="small" icon={<ArrowDownOutlined />} aria-label={t('pe.field.down')} disabled={r.i === f.fields.length - 1} onClick={() => move(r.i, 1)} />
                    {r.f.computed ? <Tag>{t('pe.field.computed')}</Tag> : (
                      <Popconfirm title={t('common.delete')} onConfirm={() => set((x) => { x.fields.splice(r.i, 1); })}>
                        <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                      </Popconfirm>
                    )}
                  </Space>
                ),
              },
            ]}
          />
          <Button icon={<PlusOutlined />} style={{ marginTop: 8 }} data-testid="pe-field-add" onClick={() => set((x) => {
            let n = 1;
            while ((x.fields as EditDef[]).some((y) => y.key === `field${n}`)) n++;
            x.fields.push({ key: `field${n}`, type: 'text', label: { zh: `新字段${n}`, en: `New field ${n}` } });
          })}>{t('pe.field.add')}</Button>
        </Form>
      )}
    </Drawer>
  );
}
