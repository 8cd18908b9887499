// 档案: search every document the user may read, file them (admin clerk), export to Excel;
// and the asset registry by serial number.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Segmented, Select, Space, Table, Tabs, Tag } from 'antd';
import { EyeOutlined, FileExcelOutlined, FolderAddOutlined, PrinterOutlined, SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/auth';
import { access } from '../../../app/access';
import { useRemote } from '../../../app/useRemote';
import { fmtDate, fmtDateTime } from '../../../app/format';
import { EmptyBlock } from '../../../components/EmptyState';
import { DocumentModal } from '../components/DocumentList';
import {
  archiveDocument,
  assetsBySerial,
  DEPARTMENTS,
  exportUrl,
  FORMS,
  getDocument,
  printUrl,
  searchDocuments,
  type ArchiveFilters,
  type ArchivedDocument,
  type AssetHistoryItem,
  type FormDocument,
} from '../api';

interface FilterForm {
  number?: string;
  customer?: string;
  form?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  department?: string;
}

type ArchivedChoice = 'all' | 'true' | 'false';

function toFilters(v: FilterForm, archived: ArchivedChoice): ArchiveFilters {
  const trim = (s?: string) => s?.trim() || undefined;
  return {
    number: trim(v.number),
    customer: trim(v.customer),
    form: v.form || undefined,
    from: v.range?.[0]?.format('YYYY-MM-DD'),
    to: v.range?.[1]?.format('YYYY-MM-DD'),
    department: v.department || undefined,
    archived: archived === 'all' ? undefined : archived,
  };
}

function DocumentsTab() {
  const { t, tk } = useI18n();
  const user = useUser();
  const can = access(user.roles);
  const { message } = App.useApp();
  const [form] = Form.useForm<FilterForm>();
  const [values, setValues] = useState<FilterForm>({});
  // the admin clerk starts with what waits to be filed
  const [archived, setArchived] = useState<ArchivedChoice>(can.archiveDocument ? 'false' : 'all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [viewing, setViewing] = useState<FormDocument | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const filters = toFilters(values, archived);
  const list = useRemote(() => searchDocuments(filters, page, pageSize), [JSON.stringify(filters), page, pageSize]);


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
      list.reload();
    } catch {
      /* shown by the error handler */
    } finally {
      setBusyId(null);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Form<FilterForm>
        form={form}
        name="archive-filter"
        layout="inline"
        onFinish={(v) => {
          setValues(v);
          setPage(1);
        }}
        style={{ rowGap: 12 }}
        data-testid="archive-filter"
      >
        <Form.Item name="number">
          <Input allowClear placeholder={t('doc.number')} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="customer">
          <Input allowClear placeholder={t('common.customer')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="form">
          <Select
            allowClear
            placeholder={t('doc.form')}
            style={{ width: 220 }}
            options={FORMS.map((f) => ({ value: f, label: tk('form', f) }))}
          />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker placeholder={[t('archive.from'), t('archive.to')]} />
        </Form.Item>
        <Form.Item name="department">
          <Select
            allowClear
            placeholder={t('archive.department')}
            style={{ width: 140 }}
            options={DEPARTMENTS.map((d) => ({ value: d, label: tk('department', d) }))}
          />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="archive-search">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setValues({});
                setPage(1);
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Segmented<ArchivedChoice>
          value={archived}
          onChange={(v) => {
            setArchived(v);
            setPage(1);
          }}
          data-testid="archive-state"
          options={[
            { value: 'false', label: t('archive.awaiting') },
            { value: 'true', label: t('archive.archived') },
            { value: 'all', label: t('common.all') },
          ]}
        />
        <Button icon={<FileExcelOutlined />} href={exportUrl(filters)} download data-testid="archive-export">
          {t('common.exportExcel')}
        </Button>
      </Space>
      <Table<ArchivedDocument>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        data-testid="archive-table"
        locale={{ emptyText: <EmptyBlock text={list.error ? t('archive.loadFailed') : t('archive.empty')} /> }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={[
          { title: t('doc.number'), dataIndex: 'number', render: (v?: string | null) => v ?? '—' },
          { title: t('doc.form'), dataIndex: 'form', render: (v: string) => tk('form', v) },
          {
            title: t('common.customer'),
            dataIndex: 'customerName',
            render: (v: string | null, r) => (r.customerId ? <Link to={`/customers/${r.customerId}`}>{v ?? '—'}</Link> : (v ?? '—')),
          },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: (v: string) => fmtDateTime(v) },
          {
            title: t('archive.state'),
            dataIndex: 'archivedAt',
            render: (v: string | null) =>
              v ? <Tag color="green">{t('archive.archivedAt', { at: fmtDate(v) })}</Tag> : <Tag color="orange">{t('archive.awaiting')}</Tag>,
          },
          {
            title: t('common.actions'),
            key: 'actions',
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
        ]}
      />
      <DocumentModal doc={viewing} onClose={() => setViewing(null)} />
    </Space>
  );
}

function AssetsTab() {
  const { t } = useI18n();
  const [serial, setSerial] = useState('');
  const [searched, setSearched] = useState('');
  const result = useRemote(() => (searched ? assetsBySerial(searched) : Promise.resolve(undefined)), [searched]);

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
        loading={!!searched && result.loading}
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
