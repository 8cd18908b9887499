import { useState } from 'react';
import { Button, Descriptions, Modal, Space, Spin, Table, Tag } from 'antd';
import { EyeOutlined, PrinterOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';
import { fmtDateTime, fmtFen } from '../../../app/format';
import { getDocument, printUrl, type FormDocument } from '../api';

interface Row {
  id: string;
  form: string;
  number?: string | null;
  createdAt: string;
}

function show(key: string, v: unknown): React.ReactNode {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'number' && key.endsWith('Fen')) return fmtFen(v);
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  if (Array.isArray(v)) {
    return (
      <div>
        {v.map((x, i) => (
          <div key={i}>{typeof x === 'object' && x ? Object.entries(x as Record<string, unknown>).map(([k, y]) => `${k}: ${k.endsWith('Fen') && typeof y === 'number' ? fmtFen(y) : String(y)}`).join(' · ') : String(x)}</div>
        ))}
      </div>
    );
  }
  if (typeof v === 'object') return <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(v, null, 2)}</pre>;
  return <span style={{ whiteSpace: 'pre-wrap' }}>{String(v)}</span>;
}

/** Forms of a case: number, view the fields, print the A4 page. */
export function DocumentList({ documents }: { documents: Row[] }) {
  const { t, tk } = useI18n();
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
        data-testid="document-list"
        columns={[
          { title: t('doc.form'), dataIndex: 'form', render: (v: string) => tk('form', v) },
          { title: t('doc.number'), dataIndex: 'number', render: (v?: string | null) => v ?? '—' },
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
      <Modal
        open={!!viewing}
        title={viewing ? `${tk('form', viewing.form)} ${viewing.number ?? ''}` : ''}
        onCancel={() => setViewing(null)}
        footer={
          viewing && (
            <Button icon={<PrinterOutlined />} href={printUrl(viewing.id)} target="_blank" rel="noopener">
              {t('common.print')}
            </Button>
          )
        }
        width={720}
      >
        {!viewing ? (
          <Spin />
        ) : (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('doc.number')}>{viewing.number ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('common.createdAt')}>{fmtDateTime(viewing.createdAt)}</Descriptions.Item>
            {Object.entries(viewing.fields ?? {}).map(([k, v]) => (
              <Descriptions.Item key={k} label={fieldLabel(k, tk)}>
                {show(k, v)}
              </Descriptions.Item>
            ))}
            {!!viewing.signedBy?.length && (
              <Descriptions.Item label={t('doc.signedBy')}>{viewing.signedBy.map((s, i) => <Tag key={i}>{signer(s)}</Tag>)}</Descriptions.Item>
            )}
            {!!viewing.copies?.length && (
              <Descriptions.Item label={t('doc.copies')}>{viewing.copies.map((s, i) => <Tag key={i}>{signer(s)}</Tag>)}</Descriptions.Item>
            )}
          </Descriptions>
        )}
      </Modal>
    </>
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

function fieldLabel(key: string, tk: (p: string, v: string) => string): string {
  const label = tk('field', key);
  return label;
}
