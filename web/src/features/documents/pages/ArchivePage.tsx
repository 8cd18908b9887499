// 档案: search every document the user may read, file them (admin clerk), export to Excel;
// and the asset registry by serial number.
import { useState } from 'react';
import { App, Button, Card, Input, Space, Table, Tabs, Tag } from 'antd';
import { EyeOutlined, FileExcelOutlined, FolderAddOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useProcessText } from '../../process/queries';
import { useUser } from '../../../app/auth';
import { useCapabilities } from '../../../app/access';
import { fmtDate, fmtDateTime } from '../../../app/format';
import { EmptyBlock } from '../../../components/EmptyState';
import { ListPage, type ListColumn, type ListParams } from '../../../components/ListPage';
import { DocumentModal } from '../components/DocumentList';
import {
  archiveDocument,
  assetsBySerial,
  exportUrl,
  getDocument,
  printUrl,
  searchDocuments,
  type ArchiveFilters,
  type ArchivedDocument,
  type AssetHistoryItem,
  type FormDocument,
} from '../api';

type ArchivedChoice = 'all' | 'true' | 'false';

function toFilters(p: ListParams): ArchiveFilters {
  const { archived, ...rest } = p.filters;
  return { ...rest, archived: archived === 'true' || archived === 'false' ? archived : undefined };
}

function DocumentsTab() {
  const { t } = useI18n();
  const text = useProcessText();
  const user = useUser();
  const can = useCapabilities();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [viewing, setViewing] = useState<FormDocument | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const view = async (id: string) => {
    setBusyId(id);
    try {
      setViewing(await getDocument(id));
    } catch {
      /* shown by the error handler */
    } finally {
      setBusyId(null);
    }
  };

  const file = async (id: string) => {
    setBusyId(id);
    try {
      await archiveDocument(id);
      message.success(t('archive.done'));
      await queryClient.invalidateQueries({ queryKey: ['list', 'archive'] });
    } catch {
      /* shown by the error handler */
    } finally {
      setBusyId(null);
    }
  };

  const columns: ListColumn<ArchivedDocument>[] = [
    { key: 'number', title: t('doc.number'), dataIndex: 'number', render: (v?: string | null) => v ?? '—' },
    { key: 'form', title: t('doc.form'), dataIndex: 'form', render: (v: string) => text.form(v) },
    {
      key: 'customer',
      title: t('common.customer'),
      dataIndex: 'customerName',
      render: (v: string | null, r) => (r.customerId ? <Link to={`/customers/${r.customerId}`}>{v ?? '—'}</Link> : (v ?? '—')),
    },
    { key: 'createdAt', title: t('common.createdAt'), dataIndex: 'createdAt', render: (v: string) => fmtDateTime(v) },
    {
      key: 'archivedAt',
      title: t('archive.state'),
      dataIndex: 'archivedAt',
      render: (v: string | null) =>
        v ? <Tag color="green">{t('archive.archivedAt', { at: fmtDate(v) })}</Tag> : <Tag color="orange">{t('archive.awaiting')}</Tag>,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, d) => (
        <Space>
          <Button size="small" icon={<EyeOutlined />} loading={busyId === d.id && !viewing} onClick={() => view(d.id)}>
            {t('common.view')}
          </Button>
          <Button size="small" icon={<PrinterOutlined />} href={printUrl(d.id)} target="_blank" rel="noopener">
            {t('common.print')}
          </Button>
          {can.archiveDocument && !d.archivedAt && (
            <Button size="small" type="primary" icon={<FolderAddOutlined />} loading={busyId === d.id} onClick={() => file(d.id)} data-testid="archive-file">
              {t('archive.file')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <ListPage<ArchivedDocument>
        name="archive"
        fetch={(p) => searchDocuments(toFilters(p), p.page, p.pageSize)}
        columns={columns}
        defaultPageSize={20}
        size="middle"
        filters={[
          { kind: 'text', key: 'number', placeholder: t('doc.number'), width: 160 },
          { kind: 'text', key: 'customer', placeholder: t('common.customer') },
          { kind: 'select', key: 'form', placeholder: t('doc.form'), width: 220, options: text.documentForms.map((f) => ({ value: f, label: text.form(f) })) },
          { kind: 'dateRange', keys: ['from', 'to'], placeholder: [t('archive.from'), t('archive.to')] },
          { kind: 'select', key: 'department', placeholder: t('archive.department'), width: 140, options: text.copyDepartments.map((d) => ({ value: d, label: text.department(d) })) },
          {
            kind: 'segmented',
            key: 'archived',
            testId: 'archive-state',
            // the admin clerk starts with what waits to be filed
            initial: can.archiveDocument ? 'false' : 'all',
            options: [
              { value: 'false', label: t('archive.awaiting') },
              { value: 'true', label: t('archive.archived') },
              { value: 'all' satisfies ArchivedChoice, label: t('common.all') },
            ],
          },
        ]}
        toolbar={(p) => (
          <Button icon={<FileExcelOutlined />} href={exportUrl(toFilters(p))} download data-testid="archive-export">
            {t('common.exportExcel')}
          </Button>
        )}
        tableTestId="archive-table"
        emptyText={t('archive.empty')}
      />
      <DocumentModal doc={viewing} onClose={() => setViewing(null)} />
    </>
  );
}

function AssetsTab() {
  const { t } = useI18n();
  const [serial, setSerial] = useState('');
  const [searched, setSearched] = useState('');
  const result = useQuery({ queryKey: ['assets', searched], queryFn: () => assetsBySerial(searched), enabled: searched.length > 0 });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Input.Search
        allowClear
        enterButton={t('common.search')}
        placeholder={t('assets.serialHint')}
        style={{ maxWidth: 420 }}
        value={serial}
        onChange={(e) => setSerial(e.target.value)}
        onSearch={(v) => setSearched(v.trim())}
        data-testid="asset-search"
      />
      {serial.trim().length === 1 && <span style={{ color: '#999' }}>{t('assets.minLength')}</span>}
      <Table<AssetHistoryItem>
        rowKey="id"
        size="middle"
        loading={!!searched && result.isFetching}
        dataSource={result.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="asset-table"
        locale={{ emptyText: <EmptyBlock text={searched ? t('assets.none', { serial: searched }) : t('assets.prompt')} /> }}
        columns={[
          { title: t('field.serialNumber'), dataIndex: 'serialNumber' },
          { title: t('field.brandModel'), dataIndex: 'brandModel' },
          {
            title: t('common.customer'),
            dataIndex: 'customerName',
            render: (v: string | null, r) => <Link to={`/customers/${r.customerId}`}>{v ?? '—'}</Link>,
          },
          { title: t('assets.installedAt'), dataIndex: 'installedAt', render: (v: string) => fmtDate(v) },
          { title: t('assets.replacedAt'), dataIndex: 'replacedAt', render: (v?: string) => fmtDate(v) },
          {
            title: t('assets.inService'),
            dataIndex: 'inService',
            render: (v: boolean) => (v ? <Tag color="green">{t('assets.inServiceYes')}</Tag> : <Tag>{t('assets.inServiceNo')}</Tag>),
          },
          {
            title: t('assets.chain'),
            key: 'chain',
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                {r.replaces && <span>{t('assets.replaces', { sn: r.replaces.serialNumber, model: r.replaces.brandModel })}</span>}
                {r.replacedBy && <span>{t('assets.replacedBy', { sn: r.replacedBy.serialNumber, model: r.replacedBy.brandModel })}</span>}
                {!r.replaces && !r.replacedBy && '—'}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}

export default function ArchivePage() {
  const { t } = useI18n();
  return (
    <Card title={t('archive.title')} data-testid="archive-page">
      <Tabs
        destroyOnHidden
        items={[
          { key: 'documents', label: t('archive.documents'), children: <DocumentsTab /> },
          { key: 'assets', label: t('assets.title'), children: <AssetsTab /> },
        ]}
      />
    </Card>
  );
}
