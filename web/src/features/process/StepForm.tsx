// One form renderer driven by the process definition: every field spec becomes its widget
// (text, longtext, int, decimal, money ¥↔fen, percent, bool, date, datetime (Shanghai), select,
// user of a role, lines with computed columns, signature, serial for scanners, group). Field names
// follow the wire body (`['form', key]`), so server errors land on the right input. Fields another
// role fills and computed values are shown read-only and never sent.
import { type KeyboardEvent, type ReactNode } from 'react';
import { AutoComplete, Button, Col, DatePicker, Divider, Form, Input, InputNumber, Radio, Row, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Rule } from 'antd/es/form';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useI18n, type Translate } from '../../app/i18n';
import { useUser } from '../../app/auth';
import { fmtDate, fmtDateTime, fmtFen } from '../../app/format';
import { MoneyInput } from '../../components/MoneyInput';
import { DateTimeInput } from '../../components/DateTimeInput';
import { useServerClock } from '../../app/serverClock';
import { SignaturePad } from '../../components/SignaturePad';
import { YesNo } from '../../components/YesNo';
import { listUsers } from '../users/api';
import { customerKey } from '../customers/queries';
import { getCustomer } from '../customers/api';
import { listProposalTemplates } from '../deals/api';
import type { FieldSpec, I18nText, ProcessDefinition } from './api';
import { hasPreview, previewOf } from './computed';
import { prefillOf, type CaseContext } from './values';

type Path = (string | number)[];
type Lang = 'zh' | 'en';

const NUMERIC = ['int', 'decimal', 'money', 'percent'];

function rulesOf(f: FieldSpec, label: string, t: Translate): Rule[] {
  const rules: Rule[] = [];
  const numeric = NUMERIC.includes(f.type);
  const message = t('common.required', { field: label });
  if (f.type === 'user' && f.multiple) {
    if (f.required || f.min) rules.push({ required: true, type: 'array', min: Math.max(1, f.min ?? 1), message });
    return rules;
  }
  if (f.required) rules.push(numeric || f.type === 'bool' ? { required: true, message } : { required: true, whitespace: true, message });
  if ((f.type === 'text' || f.type === 'longtext') && f.max) rules.push({ max: f.max });
  if (numeric) {
    // money bounds are fen on the wire; the server's lower bound is 0 unless the field says otherwise
    const min = f.min ?? 0;
    rules.push({ type: 'number', min, max: f.max, message: t('form.range', { field: label, min: rangeText(f, min), max: rangeText(f, f.max) }) });
  }
  return rules;
}

function rangeText(f: FieldSpec, v: number | undefined): string {
  if (v === undefined) return '…';
  return f.type === 'money' ? fmtFen(v) : String(v);
}

/** Scanner-friendly: Enter trims, then jumps to the next serial field (the same column of the next row) or the next input; it never submits. */
function nextOnEnter(e: KeyboardEvent<HTMLInputElement>, trim: () => void) {
  if (e.key !== 'Enter') return;
  e.preventDefault();
  trim();
  const current = e.currentTarget;
  const form = current.closest('form');
  const serials = Array.from(form?.querySelectorAll<HTMLInputElement>('input[data-serial="1"]') ?? []);
  const next = serials[serials.indexOf(current) + 1];
  if (next) return next.focus();
  const inputs = Array.from(form?.querySelectorAll<HTMLElement>('input:not([type=hidden]):not([disabled]), textarea:not([disabled])') ?? []);
  inputs[inputs.indexOf(current) + 1]?.focus();
}

type Choice = { value: string; label: string };

function SerialInput({ value, onChange, max, autoFocus, id, placeholder, choices }: { value?: string; onChange?: (v: string) => void; max?: number; autoFocus?: boolean; id?: string; placeholder?: string; choices?: Choice[] }) {
  const trim = () => value !== undefined && value !== value.trim() && onChange?.(value.trim());
  if (choices) {
    // pick one of the customer's devices, or scan/type one (the server checks it is theirs)
    return (
      <AutoComplete
        id={id}
        value={value}
        options={choices}
        onChange={(v) => onChange?.(v)}
        filterOption={(typed, o) => !!o && `${o.value} ${String(o.label)}`.toLowerCase().includes(typed.toLowerCase())}
        style={{ minWidth: 180 }}
        data-testid="serial-choices"
      >
        <Input placeholder={placeholder} maxLength={max} autoFocus={autoFocus} autoComplete="off" data-serial="1" onBlur={trim} />
      </AutoComplete>
    );
  }
  return (
    <Input
      id={id}
      value={value}
      placeholder={placeholder}
      maxLength={max}
      autoFocus={autoFocus}
      autoComplete="off"
      data-serial="1"
      onChange={(e) => onChange?.(e.target.value)}
      onBlur={trim}
      onKeyDown={(e) => nextOnEnter(e, trim)}
    />
  );
}

function useTemplates() {
  return useQuery({ queryKey: ['proposal-templates'], queryFn: listProposalTemplates, staleTime: 60_000 });
}

/** Names one of the company's proposal templates. */
function TemplatePick(props: { value?: string; onChange?: (v: string | undefined) => void; id?: string }) {
  const { t } = useI18n();
  const templates = useTemplates();
  return (
    <Select
      {...props}
      allowClear
      loading={templates.isPending}
      placeholder={t('proposal.pickTemplate')}
      options={(templates.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
      data-testid="template-pick"
    />
  );
}

/** A long text that can start from a proposal template: picking one fills an empty box, or adds below what is there. */
function TemplateText({ value, onChange, id, max, placeholder }: { value?: string; onChange?: (v: string) => void; id?: string; max?: number; placeholder?: string }) {
  const { t } = useI18n();
  const templates = useTemplates();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Select
        value={null}
        placeholder={t('proposal.insertTemplate')}
        style={{ maxWidth: 360, width: '100%' }}
        loading={templates.isPending}
        options={(templates.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
        onChange={(picked: string) => {
          const content = templates.data?.items.find((x) => x.id === picked)?.content ?? '';
          onChange?.(value?.trim() ? `${value}\n\n${content}` : content);
        }}
        data-testid="template-insert"
      />
      <Input.TextArea id={id} value={value} onChange={(e) => onChange?.(e.target.value)} rows={6} maxLength={max} showCount={!!max && max > 2000} placeholder={placeholder} />
    </Space>
  );
}

/** Active users holding a role. */
function UserSelect({ role, multiple, ...props }: { role?: string; multiple?: boolean; value?: string | string[]; onChange?: (v: string | string[]) => void; id?: string }) {
  const users = useQuery({ queryKey: ['users', 'role', role ?? 'all'], queryFn: () => listUsers({ role, status: 'active', pageSize: 200 }) });
  return (
    <Select
      {...props}
      mode={multiple ? 'multiple' : undefined}
      loading={users.isPending}
      options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
      showSearch={{ optionFilterProp: 'label' }}
      data-testid={`user-select-${role ?? 'all'}`}
    />
  );
}

/** A calendar day as `YYYY-MM-DD` (the wire format of `date` fields). */
function DateOnly({ value, onChange, id }: { value?: string; onChange?: (v: string | undefined) => void; id?: string }) {
  return <DatePicker id={id} value={value ? dayjs(value) : null} onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : undefined)} />;
}

/** The input widget of one field (not lines or group); antd's Form.Item passes id, value and onChange. */
function Widget({ f, lang, autoFocus, placeholder, notBefore, choices, ...control }: { f: FieldSpec; lang: Lang; autoFocus?: boolean; placeholder?: string; notBefore?: string; choices?: Choice[]; id?: string; value?: never; onChange?: never }) {
  const options = (f.options ?? []).map((o) => ({ value: o.value, label: o.label[lang] }));
  switch (f.type) {
    case 'longtext':
      if (f.choices === 'proposal.templates') return <TemplateText {...control} max={f.max} placeholder={placeholder} />;
      return <Input.TextArea {...control} rows={3} maxLength={f.max} showCount={!!f.max && f.max > 2000} placeholder={placeholder} />;
    case 'int':
      return <InputNumber {...control} precision={0} min={f.min} max={f.max} style={{ width: '100%', maxWidth: 200 }} placeholder={placeholder} />;
    case 'decimal':
      return <InputNumber {...control} min={f.min} max={f.max} style={{ width: '100%', maxWidth: 200 }} placeholder={placeholder} />;
    case 'money':
      return <MoneyInput {...control} style={{ maxWidth: 240 }} placeholder={placeholder} />;
    case 'percent':
      return <InputNumber {...control} min={f.min ?? 0} max={f.max ?? 100} suffix="%" style={{ width: 160 }} placeholder={placeholder} />;
    case 'bool':
      return <YesNo {...control} />;
    case 'date':
      return <DateOnly {...control} />;
    case 'datetime':
      return <DateTimeInput {...control} notBefore={notBefore} />;
    case 'select':
      return options.length <= 4 ? <Radio.Group {...control} options={options} /> : <Select {...control} allowClear options={options} />;
    case 'user':
      return <UserSelect {...control} role={f.role} multiple={f.multiple} />;
    case 'signature':
      return <SignaturePad {...control} />;
    default:
      if (f.choices === 'proposal.templates') return <TemplatePick {...control} />;
      // a text with options offers them; another value may be typed
      if (options.length) return <AutoComplete {...control} options={options} style={{ width: '100%' }} placeholder={placeholder} filterOption={(typed, o) => !!o && String(o.label).includes(typed)} />;
      return f.serial ? <SerialInput {...control} max={f.max} autoFocus={autoFocus} placeholder={placeholder} choices={choices} /> : <Input {...control} maxLength={f.max} placeholder={placeholder} />;
  }
}

/** A value shown as text, by its field's type. */
export function FieldValue({ f, value, lang }: { f: FieldSpec; value: unknown; lang: Lang }): ReactNode {
  const { t } = useI18n();
  if (value === undefined || value === null || value === '') return '—';
  switch (f.type) {
    case 'money':
      return fmtFen(Number(value));
    case 'percent':
      return `${String(value)}%`;
    case 'decimal':
      return typeof value === 'number' ? value.toFixed(2) : String(value);
    case 'bool':
      return value ? t('common.yes') : t('common.no');
    case 'date':
      return fmtDate(String(value));
    case 'datetime':
      return fmtDateTime(String(value));
    case 'select':
      return f.options?.find((o) => o.value === value)?.label[lang] ?? String(value);
    case 'signature':
      return <img src={String(value)} alt="" style={{ maxHeight: 60 }} />;
    case 'lines':
      return Array.isArray(value) ? <ReadOnlyLines f={f} rows={value as Record<string, unknown>[]} lang={lang} /> : '—';
    default:
      return <span style={{ whiteSpace: 'pre-wrap' }}>{String(value)}</span>;
  }
}

function ReadOnlyLines({ f, rows, lang }: { f: FieldSpec; rows: Record<string, unknown>[]; lang: Lang }) {
  return (
    <Table
      size="small"
      pagination={false}
      rowKey={(_, i) => String(i)}
      dataSource={rows}
      // a column kept off the paper (a task id a report matches by) is kept out of sight too
      columns={(f.columns ?? []).filter((c) => c.print !== false).map((c) => ({ key: c.key, title: c.label[lang], render: (_: unknown, r: Record<string, unknown>) => <FieldValue f={c} value={r[c.key]} lang={lang} /> }))}
    />
  );
}

/** What every field of a form needs to know. */
interface FormScope {
  /** all fields of the form (computed ones read the others) */
  all: FieldSpec[];
  /** the form's wire prefix, e.g. ['form'] */
  root: Path;
  caseData?: CaseContext;
  mine: (f: FieldSpec) => boolean;
  lang: Lang;
  t: Translate;
  /** times that set a next step's deadline (the installation date): the picker refuses earlier
   *  days than this (the server's now) */
  notBefore?: { keys: Set<string>; now: string };
  pick: (l: I18nText | undefined) => string | undefined;
}

/** A value the server computes, previewed from what is typed. */
function ComputedValue({ f, scope, row }: { f: FieldSpec; scope: FormScope; row?: number }) {
  const form = Form.useFormInstance();
  const values = (Form.useWatch(scope.root, form) as Record<string, unknown> | undefined) ?? {};
  const v = f.computed ? previewOf(f.computed, f.key, values, scope.caseData) : undefined;
  const shown = row === undefined ? v : Array.isArray(v) ? v[row] : undefined;
  return (
    <span data-testid={`computed-${f.key}`}>
      <FieldValue f={f} value={shown} lang={scope.lang} />
    </span>
  );
}

/** Column widths in the line editor (px), so a row fits the form without scrolling. */
const COLUMN_WIDTH: Record<string, number> = { int: 90, decimal: 100, percent: 100, money: 140, bool: 110, computed: 110, date: 150, datetime: 190 };

/** Lines: at least one row when required (or `min` rows), at most `max`. */
async function linesCount(f: FieldSpec, label: string, t: Translate, n: number) {
  const min = f.min ?? (f.required ? 1 : 0);
  if (n < min) throw new Error(t('common.required', { field: label }));
  if (f.max !== undefined && n > f.max) throw new Error(t('form.tooManyRows', { field: label, max: f.max }));
}

/** A serial already on another line is flagged as it is scanned, not only on submit. */
function twiceRule(path: Path, key: string, row: number, t: Translate): Rule {
  return ({ getFieldValue }) => ({
    validator: async (_: unknown, v: unknown) => {
      const s = typeof v === 'string' ? v.trim() : '';
      if (!s) return;
      const rows = (getFieldValue(path) ?? []) as Record<string, unknown>[];
      const other = rows.findIndex((x, i) => i !== row && typeof x?.[key] === 'string' && (x[key] as string).trim() === s);
      if (other >= 0) throw new Error(t('form.serialTwice', { n: other + 1 }));
    },
  });
}

/** The serial numbers of the customer's devices in service, to pick from (undefined: nothing to offer). */
function useAssetChoices(customerId: string | undefined, wanted: boolean): Choice[] | undefined {
  const customer = useQuery({ queryKey: customerKey(customerId ?? ''), queryFn: () => getCustomer(customerId!), enabled: wanted && !!customerId, retry: false });
  const inService = (customer.data?.assets ?? []).filter((a) => !a.replacedAt);
  return inService.length ? inService.map((a) => ({ value: a.serialNumber, label: `${a.serialNumber} · ${a.brandModel}` })) : undefined;
}

/** The line editor: columns from the definition, computed columns previewed, the footer field under the table. */
function LinesField({ f, path, label, scope }: { f: FieldSpec; path: Path; label: string; scope: FormScope }) {
  const { t } = scope;
  const columns = f.columns ?? [];
  const footer = f.footer ? scope.all.find((x) => x.key === f.footer) : undefined;
  const firstSerial = columns.find((c) => c.serial && !c.computed);
  const assets = useAssetChoices(scope.caseData?.customerId, columns.some((c) => c.choices === 'customer.assets'));
  return (
    <Form.Item label={label} required={f.required} extra={scope.pick(f.help)} data-testid={`lines-${f.key}`}>
      <Form.List name={path} rules={[{ validator: async (_: unknown, v: unknown[] | undefined) => linesCount(f, label, t, v?.length ?? 0) }]}>
        {(rows, { add, remove }, { errors }) => (
          <>
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={rows}
              scroll={{ x: 'max-content' }}
              columns={[
                { key: '#', title: '#', width: 40, render: (_: unknown, r: { name: number }) => r.name + 1 },
                ...columns.map((c) => {
                  const cl = scope.pick(c.label) ?? c.key;
                  return {
                    key: c.key,
                    title: cl,
                    width: COLUMN_WIDTH[c.computed ? 'computed' : c.type] ?? 160,
                    render: (_: unknown, r: { name: number }) =>
                      c.computed ? (
                        <ComputedValue f={c} scope={scope} row={r.name} />
                      ) : (
                        <Form.Item name={[r.name, c.key]} rules={c.serial ? [...rulesOf(c, cl, t), twiceRule(path, c.key, r.name, t)] : rulesOf(c, cl, t)} style={{ margin: 0 }}>
                          <Widget f={c} lang={scope.lang} placeholder={cl} autoFocus={c === firstSerial && r.name === 0} choices={c.choices === 'customer.assets' ? assets : undefined} />
                        </Form.Item>
                      ),
                  };
                }),
                {
                  key: 'remove',
                  width: 48,
                  render: (_: unknown, r: { name: number }) => <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(r.name)} aria-label={t('common.remove')} />,
                },
              ]}
            />
            <Form.ErrorList errors={errors} />
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 8 }}>
              <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid={`lines-${f.key}-add`}>
                {t('common.add')}
              </Button>
              {footer && (
                <Typography.Text strong data-testid="lines-total">
                  {scope.pick(footer.label)}: <ComputedValue f={footer} scope={scope} />
                </Typography.Text>
              )}
            </div>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** One field: its widget, or read-only when another role fills it or the server computes it. */
function FieldItem({ f, prefix, scope, footerOf }: { f: FieldSpec; prefix: Path; scope: FormScope; footerOf: Set<string> }) {
  const label = scope.pick(f.label) ?? f.key;
  const path = [...prefix, f.key];
  if (footerOf.has(f.key)) return null; // shown under its lines
  if (f.computed) {
    if (!hasPreview(f.computed)) return null;
    return (
      <Form.Item label={label} extra={scope.pick(f.help)}>
        <ComputedValue f={f} scope={scope} />
      </Form.Item>
    );
  }
  if (!scope.mine(f)) {
    return (
      <Form.Item label={label} extra={scope.pick(f.help)} data-testid={`readonly-${f.key}`}>
        <FieldValue f={f} value={prefillOf(f, scope.caseData)} lang={scope.lang} />
      </Form.Item>
    );
  }
  if (f.type === 'lines') return <LinesField f={f} path={path} label={label} scope={scope} />;
  if (f.type === 'group') {
    return (
      <>
        <Divider titlePlacement="start">{label}</Divider>
        <FieldList fields={f.fields ?? []} prefix={path} scope={scope} />
      </>
    );
  }
  return (
    <Form.Item name={path} label={label} extra={scope.pick(f.help)} rules={rulesOf(f, label, scope.t)}>
      <Widget f={f} lang={scope.lang} notBefore={scope.notBefore?.keys.has(f.key) ? scope.notBefore.now : undefined} />
    </Form.Item>
  );
}

/** Fields in the paper's layout: a print section starts a divider, `half` fields share a row. */
function FieldList({ fields, prefix, scope }: { fields: FieldSpec[]; prefix: Path; scope: FormScope }) {
  const footerOf = new Set(fields.filter((f) => f.type === 'lines' && f.footer).map((f) => f.footer!));
  return (
    <Row gutter={16}>
      {fields.filter((f) => !f.hidden).map((f) => {
        const section = f.print ? f.print.section : undefined;
        const half = !!(f.print && f.print.half) && f.type !== 'lines';
        return [
          section && (
            <Col span={24} key={`${f.key}-section`}>
              <Divider titlePlacement="start">{scope.pick(section)}</Divider>
            </Col>
          ),
          <Col key={f.key} xs={24} md={half ? 12 : 24}>
            <FieldItem f={f} prefix={prefix} scope={scope} footerOf={footerOf} />
          </Col>,
        ];
      })}
    </Row>
  );
}

/** The fields of a form under a wire prefix (`['form']`, `['survey']`), with the case they belong to. */
export function FormFields({ fields, prefix, caseData, deadlineKeys }: { fields: FieldSpec[]; prefix: Path; caseData?: CaseContext; deadlineKeys?: Set<string> }) {
  const { t, lang } = useI18n();
  const user = useUser();
  const clock = useServerClock();
  const scope: FormScope = {
    ...(deadlineKeys?.size ? { notBefore: { keys: deadlineKeys, now: clock?.now ?? new Date().toISOString() } } : {}),
    all: fields,
    root: prefix,
    caseData,
    lang,
    t,
    pick: (l) => (l ? l[lang] : undefined),
    mine: (f) => !f.filledBy || f.filledBy.some((r) => user.capabilities.actsAs.includes(r)),
  };
  return <FieldList fields={fields} prefix={prefix} scope={scope} />;
}

/** The form of an outcome of a step, from the definition. */
export function formOf(def: ProcessDefinition | undefined, step: string, outcome: string | undefined): FieldSpec[] {
  const formKey = outcome ? def?.steps[step]?.outcomes[outcome]?.form : undefined;
  return formKey ? (def?.forms[formKey]?.fields ?? []) : [];
}

/** The outcomes of a step (buttons when more than one) and the chosen outcome's form. */
/** The fields of a step's form whose time sets a next step's deadline (`due.endOfDayOfField`). */
function deadlineKeysOf(def: ProcessDefinition | undefined, step: string, outcome: string | undefined): Set<string> {
  const s = def?.steps[step];
  const tr = s && (s.outcomes[outcome ?? ''] ?? Object.values(s.outcomes)[0]);
  const keys = new Set<string>();
  for (const n of tr?.next ?? []) {
    const due = def?.steps[n]?.due as Record<string, unknown> | undefined;
    if (due && typeof due.endOfDayOfField === 'string') keys.add(due.endOfDayOfField);
  }
  return keys;
}

export function StepForm({ def, step, outcome, caseData }: { def: ProcessDefinition | undefined; step: string; outcome: string | undefined; caseData?: CaseContext }) {
  const { t, lang } = useI18n();
  const outcomes = Object.entries(def?.steps[step]?.outcomes ?? {});
  return (
    <>
      {outcomes.length > 1 ? (
        <Form.Item name="outcome" label={t('task.outcome')} rules={[{ required: true, message: t('common.required', { field: t('task.outcome') }) }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={outcomes.map(([k, o]) => ({ value: k, label: o.label[lang] }))} data-testid="task-outcome" />
        </Form.Item>
      ) : (
        <Form.Item name="outcome" hidden>
          <Input />
        </Form.Item>
      )}
      <FormFields key={outcome ?? ''} fields={formOf(def, step, outcome)} prefix={['form']} caseData={caseData} deadlineKeys={deadlineKeysOf(def, step, outcome)} />
    </>
  );
}
