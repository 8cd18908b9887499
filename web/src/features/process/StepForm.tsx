// One form renderer driven by the process definition: every field spec becomes its widget
// (text, longtext, int, decimal, money ¥↔fen, percent, bool, date, datetime (Shanghai), select,
// user of a role, lines with live totals, signature, serial for scanners, group). Field names
// follow the wire body (`['form', key]`), so server errors land on the right input.
import { cloneElement, type KeyboardEvent, type ReactElement } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Rule } from 'antd/es/form';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useI18n } from '../../app/i18n';
import { useUser } from '../../app/auth';
import { fmtFen } from '../../app/format';
import { MoneyInput } from '../../components/MoneyInput';
import { DateTimeInput } from '../../components/DateTimeInput';
import { SignaturePad } from '../../components/SignaturePad';
import { YesNo } from '../../components/YesNo';
import { listUsers } from '../users/api';
import type { FieldSpec } from './api';
import { useProcess, useProcessText } from './queries';

type Path = (string | number)[];

function rulesOf(f: FieldSpec, label: string, t: ReturnType<typeof useI18n>['t']): Rule[] {
  const rules: Rule[] = [];
  const numeric = ['int', 'decimal', 'money', 'percent'].includes(f.type);
  if (f.required) {
    const message = t('common.required', { field: label });
    rules.push(f.type === 'lines' || f.multiple ? { required: true, type: 'array', min: 1, message } : numeric || f.type === 'bool' ? { required: true, message } : { required: true, whitespace: true, message });
  }
  if ((f.type === 'text' || f.type === 'longtext') && f.max) rules.push({ max: f.max });
  if (numeric && (f.min !== undefined || f.max !== undefined)) rules.push({ type: 'number', min: f.min, max: f.max });
  return rules;
}

/** Scanner-friendly: Enter jumps to the same column in the next row (or the next input) instead of submitting. */
function nextOnEnter(e: KeyboardEvent<HTMLInputElement>) {
  if (e.key !== 'Enter') return;
  e.preventDefault();
  const inputs = Array.from(document.querySelectorAll<HTMLInputElement>('input[data-serial="1"]'));
  const i = inputs.indexOf(e.currentTarget);
  inputs[i + 1]?.focus();
}

function UserSelect({ role, multiple, ...props }: { role?: string; multiple?: boolean; value?: string | string[]; onChange?: (v: string | string[]) => void; id?: string }) {
  const users = useQuery({ queryKey: ['users', 'role', role ?? 'all'], queryFn: () => listUsers({ role, pageSize: 200 }) });
  return (
    <Select
      {...props}
      mode={multiple ? 'multiple' : undefined}
      loading={users.isPending}
      options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}

/** What antd's Form.Item hands its control. */
interface ControlProps {
  id?: string;
  value?: never;
  onChange?: never;
}

/** The widget for one field (not lines or group); Form.Item's id, value and onChange pass through. */
function Widget({ f, ...control }: { f: FieldSpec } & ControlProps) {
  const { lang } = useI18n();
  return cloneElement(widgetFor(f, lang), control);
}

function widgetFor(f: FieldSpec, lang: 'zh' | 'en'): ReactElement {
  switch (f.type) {
    case 'longtext':
      return <Input.TextArea rows={3} maxLength={f.max} showCount={!!f.max && f.max > 2000} />;
    case 'int':
      return <InputNumber precision={0} min={f.min} max={f.max} style={{ width: 200 }} />;
    case 'decimal':
      return <InputNumber min={f.min} max={f.max} style={{ width: 200 }} />;
    case 'money':
      return <MoneyInput style={{ maxWidth: 240 }} />;
    case 'percent':
      return <InputNumber min={f.min ?? 0} max={f.max ?? 100} suffix="%" style={{ width: 160 }} />;
    case 'bool':
      return <YesNo />;
    case 'date':
      return <DateOnly />;
    case 'datetime':
      return <DateTimeInput />;
    case 'select':
      return (f.options?.length ?? 0) <= 4 ? (
        <Radio.Group options={(f.options ?? []).map((o) => ({ value: o.value, label: o.label[lang] }))} />
      ) : (
        <Select allowClear options={(f.options ?? []).map((o) => ({ value: o.value, label: o.label[lang] }))} />
      );
    case 'user':
      return <UserSelect role={f.role} multiple={f.multiple} />;
    case 'signature':
      return <SignaturePad />;
    default:
      return f.serial ? <Input maxLength={f.max} onKeyDown={nextOnEnter} data-serial="1" /> : <Input maxLength={f.max} />;
  }
}

/** A calendar day as `YYYY-MM-DD` (the wire format of `date` fields). */
function DateOnly({ value, onChange, id }: { value?: string; onChange?: (v: string | undefined) => void; id?: string }) {
  return <DatePicker id={id} value={value ? dayjs(value) : null} onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : undefined)} />;
}

/** money × quantity columns give a live row total and a grand total. */
function LinesTotal({ path, columns }: { path: Path; columns: FieldSpec[] }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const rows = (Form.useWatch(path, form) as Record<string, unknown>[] | undefined) ?? [];
  const money = columns.find((c) => c.type === 'money');
  const qty = columns.find((c) => c.type === 'int');
  if (!money || !qty) return null;
  const total = rows.reduce((sum, r) => sum + (Number(r?.[money.key]) || 0) * (Number(r?.[qty.key]) || 0), 0);
  return (
    <Typography.Text strong data-testid="lines-total">
      {t('lines.total')}: {fmtFen(total)}
    </Typography.Text>
  );
}

function LinesField({ f, path, label }: { f: FieldSpec; path: Path; label: string }) {
  const { t } = useI18n();
  const { pick } = useProcessText();
  const columns = (f.columns ?? []).filter((c) => !c.computed);
  return (
    <Form.Item label={label} required={f.required} data-testid={`lines-${f.key}`}>
      <Form.List name={path} rules={f.required ? [{ validator: async (_, v: unknown[]) => (v?.length ? undefined : Promise.reject(new Error(t('common.required', { field: label })))) }] : undefined}>
        {(rows, { add, remove }, { errors }) => (
          <>
            {rows.map((row) => (
              <Space key={row.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
                {columns.map((c) => {
                  const cl = pick(c.label) ?? c.key;
                  return (
                    <Form.Item key={c.key} name={[row.name, c.key]} rules={rulesOf(c, cl, t)} style={{ marginBottom: 8 }}>
                      {c.type === 'text' || c.type === 'longtext' ? (
                        <Input placeholder={cl} maxLength={c.max} onKeyDown={c.serial ? nextOnEnter : undefined} data-serial={c.serial ? '1' : undefined} />
                      ) : (
                        <Widget f={c} />
                      )}
                    </Form.Item>
                  );
                })}
                <Button icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('common.remove')} />
              </Space>
            ))}
            <Form.ErrorList errors={errors} />
            <Space>
              <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid={`lines-${f.key}-add`}>
                {t('common.add')}
              </Button>
              <LinesTotal path={path} columns={columns} />
            </Space>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** The fields of a form under a name prefix; fields another role fills, and computed ones, are left out. */
export function FormFields({ fields, prefix }: { fields: FieldSpec[]; prefix: Path }) {
  const { t } = useI18n();
  const user = useUser();
  const { pick } = useProcessText();
  const mine = (f: FieldSpec) => !f.filledBy || f.filledBy.some((r) => user.roles.includes(r));
  return (
    <>
      {fields
        .filter((f) => !f.computed && !f.hidden && mine(f))
        .map((f) => {
          const label = pick(f.label) ?? f.key;
          const path = [...prefix, f.key];
          if (f.type === 'lines') return <LinesField key={f.key} f={f} path={path} label={label} />;
          if (f.type === 'group')
            return (
              <div key={f.key}>
                <Typography.Title level={5}>{label}</Typography.Title>
                <FormFields fields={f.fields ?? []} prefix={path} />
              </div>
            );
          return (
            <Form.Item key={f.key} name={path} label={label} extra={pick(f.help)} rules={rulesOf(f, label, t)}>
              <Widget f={f} />
            </Form.Item>
          );
        })}
    </>
  );
}

/** The form of one outcome of one step, from the definition. */
export function StepForm({ step, outcome }: { step: string; outcome: string | undefined }) {
  const def = useProcess().data;
  const formKey = outcome ? def?.steps[step]?.outcomes[outcome]?.form : undefined;
  const fields = formKey ? def?.forms[formKey]?.fields ?? [] : [];
  return <FormFields fields={fields} prefix={['form']} />;
}
