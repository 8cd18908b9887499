import { useState } from 'react';
import { Button, Descriptions, Modal, Space, Spin, Table, Tag } from 'antd';
import { EyeOutlined, PrinterOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';
import { fmtDateTime, fmtFen } from '../../../app/format';
import { getDocument, printUrl, type FormDocument } from '../api';
import { FieldValue } from '../../process/StepForm';
import { useProcessText } from '../../process/queries';
import type { FieldSpec } from '../../process/api';

interface Row {
  id: string;
  form: string;
  number?: string | null;
  createdAt: string;
  /** a newer document of the same form replaced it (a redrafted proposal) */
  supersededBy?: string;
}

function scalar(key: string, v: unknown): React.ReactNode {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'number' && key.endsWith('Fen')) return fmtFen(v);
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return fmtDateTime(v);
  if (typeof v === 'object') return <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(v, null, 2)}</pre>;
  return <span style={{ whiteSpace: 'pre-wrap' }}>{String(v)}</span>;
}

/** A value no field of the definition describes (an older version's field): lines as a small table. */
function show(key: string, v: unknown, lang: 'zh' | 'en'): React.ReactNode {
  if (Array.isArray(v) && v.length && v.every((x) => x && typeof x === 'object' && !Array.isArray(x))) {
    const cols = [...new Set((v as Record<string, unknown>[]).flatMap((r) => Object.keys(r)))];
    const label = { zh: key, en: key };
    const lines: FieldSpec = { key, type: 'lines', label, columns: cols.map((c) => ({ key: c, type: 'text', label: { zh: c, en: c } })) };
    return <FieldValue f={lines} value={v} lang={lang} />;
  }
  if (Array.isArray(v)) return v.map((x) => String(x)).join('、');
  return scalar(key, v);
}

/** Forms of a case: number, view the fields, print the A4 page. */
export function DocumentList({ documents }: { documents: Row[] }) {
  const { t } = useI18n();
  const text = useProcessText();
  const [viewing, setViewing] = useState<FormDocument | null>(null);
  const [loadingId, setLoadingId] = useState<string | null>(null);

  const open = async (id: string) => {
    setLoadingId(id);
    try {
      setViewing(await getDocument(id));
    } catch {
      /* reported by the error handler */
    } finally {
      setLoadingId(null);
    }
  };

  return (
    <>
      <Table<Row>
        size="small"
        rowKey="id"
        dataSource={documents}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="document-list"
        columns={[
          { title: t('doc.form'), dataIndex: 'form', render: (v: string) => text.form(v) },
          {
            title: t('doc.number'),
            dataIndex: 'number',
            render: (v: string | null | undefined, d) => (
              <Space size={4} wrap>
                <span style={d.supersededBy ? { textDecoration: 'line-through', color: '#8c8c8c' } : undefined}>{v ?? '—'}</span>
                {d.supersededBy && <Tag data-testid="document-superseded">{t('doc.supersededBy', { number: d.supersededBy })}</Tag>}
              </Space>
            ),
          },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: (v: string) => fmtDateTime(v) },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, d) => (
              <Space>
                <Button size="small" icon={<EyeOutlined />} loading={loadingId === d.id} onClick={() => open(d.id)}>
                  {t('common.view')}
                </Button>
                <Button size="small" icon={<PrinterOutlined />} href={printUrl(d.id)} target="_blank" rel="noopener" data-testid="document-print">
                  {t('common.print')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <DocumentModal doc={viewing} onClose={() => setViewing(null)} />
    </>
  );
}

/** The fields of one document in a dialog, with a print button. */
export function DocumentModal({ doc: viewing, onClose }: { doc: FormDocument | null; onClose: () => void }) {
  const { t, tk, lang } = useI18n();
  const text = useProcessText();
  // a group's fields are stored flat in the document
  const flat = (fields: FieldSpec[]): FieldSpec[] => fields.flatMap((f) => (f.type === 'group' ? flat(f.fields ?? []) : [f]));
  const specs = viewing ? flat(text.def?.forms[viewing.form]?.fields ?? []) : [];
  return (
    <Modal
      open={!!viewing}
      title={viewing ? `${text.form(viewing.form)} ${viewing.number ?? ''}` : ''}
      onCancel={onClose}
      footer={
        viewing && (
          <Button icon={<PrinterOutlined />} href={printUrl(viewing.id)} target="_blank" rel="noopener">
            {t('common.print')}
          </Button>
        )
      }
      width={960}
    >
      {!viewing ? (
        <Spin />
      ) : (
        <Descriptions column={1} size="small" bordered styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label={t('doc.number')}>{viewing.number ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('common.createdAt')}>{fmtDateTime(viewing.createdAt)}</Descriptions.Item>
          {Object.entries(viewing.fields ?? {}).map(([k, v]) => {
            const f = specs.find((x) => x.key === k);
            return (
              <Descriptions.Item key={k} label={f ? text.pick(f.label) : k}>
                {f ? <FieldValue f={f} value={v} lang={lang} /> : show(k, v, lang)}
              </Descriptions.Item>
            );
          })}
          {!!viewing.signedBy?.length && (
            <Descriptions.Item label={t('doc.signedBy')}>{[...new Set(viewing.signedBy.map(signer))].map((name) => <Tag key={name}>{name}</Tag>)}</Descriptions.Item>
          )}
          {!!viewing.copies?.length && (
            <Descriptions.Item label={t('doc.copies')}>{viewing.copies.map((s, i) => <Tag key={i}>{tk('department', signer(s))}</Tag>)}</Descriptions.Item>
          )}
        </Descriptions>
      )}
    </Modal>
  );
}

function signer(s: unknown): string {
  if (typeof s === 'string') return s;
  if (s && typeof s === 'object') {
    const o = s as Record<string, unknown>;
    return String(o.displayName ?? o.name ?? o.department ?? o.role ?? o.userId ?? JSON.stringify(o));
  }
  return String(s);
}
