// What a step works on (the definition's `reads`): the newest document of each of those forms on
// the case, read-only above the step's form — the GM approves with the proposal and the
// feasibility figures in view, the follow-up call sees what the engineer did.
import { Card, Descriptions, Space, Tag } from 'antd';
import { useI18n } from '../../app/i18n';
import { FieldValue } from './StepForm';
import { useProcessText } from './queries';
import type { FieldSpec, ProcessDefinition } from './api';

interface Doc {
  form: string;
  number?: string | null;
  fields?: Record<string, unknown> | null;
  createdAt: string;
}

const flat = (fields: FieldSpec[]): FieldSpec[] => fields.flatMap((f) => (f.type === 'group' ? flat(f.fields ?? []) : [f]));
const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

export function StepInputs({ def, step, documents }: { def: ProcessDefinition | undefined; step: string; documents?: readonly Doc[] | null }) {
  const { t, lang } = useI18n();
  const text = useProcessText();
  const reads = def?.steps[step]?.reads ?? [];
  const shown = reads
    .map((form) => [...(documents ?? [])].filter((d) => d.form === form && d.fields).sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0])
    .filter((d): d is Doc => !!d);
  if (!shown.length) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }} data-testid="step-inputs">
      {shown.map((d) => {
        const specs = flat(def?.forms[d.form]?.fields ?? []).filter((f) => f.print !== false && f.type !== 'signature' && !empty(d.fields?.[f.key]));
        return (
          <Card
            key={d.form}
            size="small"
            type="inner"
            title={
              <Space wrap>
                <span>{text.form(d.form)}</span>
                {d.number && <Tag>{d.number}</Tag>}
                <Tag color="blue">{t('step.input')}</Tag>
              </Space>
            }
          >
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              {specs.map((f) => (
                <Descriptions.Item key={f.key} label={text.pick(f.label)} span={f.type === 'lines' || f.type === 'longtext' ? 2 : 1}>
                  <FieldValue f={f} value={d.fields?.[f.key]} lang={lang} />
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
        );
      })}
    </Space>
  );
}
