// 流程设置 (sysadmin, GM): the process as a diagram, editors for steps and forms, validation with
// each problem on its element, a draft with its differences as sentences, publishing, versions
// with rollback, import and export as JSON.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, InputNumber, Input, List, Modal, Popconfirm, Segmented, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CloudUploadOutlined, DownloadOutlined, SaveOutlined, UploadOutlined, UndoOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';
import { ApiError } from '../../../app/api';
import { fmtDateTime } from '../../../app/format';
import { useUserNames } from '../../users/useUserNames';
import { diffVersion, getCurrent, getVersion, listVersions, publishVersion, saveDraft, validateDefinition, type Change, type EditDef, type Issue, type VersionItem } from './api';
import { ProcessDiagram, issuesOf } from './Diagram';
import { FormEditor, StepEditor, type Update } from './Editors';
import { OrgEditor } from './OrgEditor';

function ChangeList({ changes }: { changes: Change[] }) {
  const { t } = useI18n();
  if (!changes.length) return <Typography.Text type="secondary">{t('pe.noChanges')}</Typography.Text>;
  return <List size="small" bordered data-testid="pe-changes" dataSource={changes} renderItem={(c) => <List.Item><Tag color={c.kind === 'added' ? 'green' : c.kind === 'removed' ? 'red' : 'blue'}>{t(`pe.kind.${c.kind}`)}</Tag>{c.text}</List.Item>} />;
}

function download(name: string, def: EditDef) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(def, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export default function ProcessEditorPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const names = useUserNames();
  const current = useQuery({ queryKey: ['process-editor', 'current'], queryFn: getCurrent, staleTime: 0 });
  const versions = useQuery({ queryKey: ['process-editor', 'versions'], queryFn: listVersions });
  const [working, setWorking] = useState<EditDef | null>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [checked, setChecked] = useState(false);
  const [caseType, setCaseType] = useState('deal');
  const [step, setStep] = useState<string | null>(null);
  const [form, setForm] = useState<string | null>(null);
  const [draft, setDraft] = useState<{ version: number; against: number; changes: Change[] } | null>(null);
  const [diffOf, setDiffOf] = useState<{ version: number; against: number; changes: Change[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (current.data && !working) setWorking(structuredClone(current.data));
  }, [current.data, working]);

  const update: Update = useCallback((mut) => {
    setWorking((w) => {
      const next = structuredClone(w!);
      mut(next);
      return next;
    });
    setChecked(false);
    setDraft(null);
  }, []);
  const openStep = useCallback((k: string) => setStep(k), []);

  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['process-editor'] }),
      queryClient.invalidateQueries({ queryKey: ['process'] }),
    ]);
  };

  const validate = async () => {
    if (!working) return false;
    const r = await validateDefinition(working);
    setIssues(r.issues);
    setChecked(true);
    if (r.valid) message.success(t('pe.valid'));
    else message.error(t('pe.invalid', { count: r.issues.length }));
    return r.valid;
  };

  const save = async () => {
    if (!working) return;
    setBusy(true);
    try {
      const d = await saveDraft(working);
      setIssues([]);
      setChecked(true);
      const diff = await diffVersion(d.version);
      setDraft(diff);
      message.success(t('pe.draftSaved', { version: d.version }));
      await queryClient.invalidateQueries({ queryKey: ['process-editor', 'versions'] });
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) {
        setIssues(e.details.map((d) => ({ path: d.path, message: d.message })));
        setChecked(true);
        message.error(t('pe.invalid', { count: e.details.length }));
      } else throw e;
    } finally {
      setBusy(false);
    }
  };

  const publish = async (version: number) => {
    setBusy(true);
    try {
      const r = await publishVersion(version);
      message.success(t('pe.published', { version: r.version }));
      setDraft(null);
      setDiffOf(null);
      setWorking(null);
      await refresh();
    } finally {
      setBusy(false);
    }
  };

  const loadVersion = async (v: number) => {
    const r = await getVersion(v);
    setWorking(structuredClone(r.definition));
    setIssues([]);
    setDraft(null);
  };

  const onImport = async (f: File | undefined) => {
    if (!f) return;
    try {
      const def = JSON.parse(await f.text()) as EditDef;
      setWorking(def);
      setDraft(null);
      setIssues([]);
      message.info(t('pe.imported'));
    } catch {
      message.error(t('pe.importBad'));
    }
  };

  if (!working || !current.data) return <Card loading title={t('pe.title')} />;
  const dirty = JSON.stringify(working) !== JSON.stringify(current.data);
  const formIssueCount = (k: string) => issuesOf(issues, 'forms', k).length;
  const setTop = (mut: (d: EditDef) => void) => update(mut);

  const versionColumns = [
    { title: t('pe.versions.version'), dataIndex: 'version', render: (v: number, r: VersionItem) => <Space>{v}{r.current && <Tag color="green">{t('pe.versions.currentTag')}</Tag>}</Space> },
    { title: t('pe.title'), dataIndex: 'name' },
    {
      title: t('pe.versions.status'), dataIndex: 'status',
      filters: [{ text: t('pe.versions.status.draft'), value: 'draft' }, { text: t('pe.versions.status.published'), value: 'published' }],
      onFilter: (v: React.Key | boolean, r: VersionItem) => r.status === v,
      render: (v: string) => <Tag color={v === 'draft' ? 'orange' : 'blue'}>{t(v === 'draft' ? 'pe.versions.status.draft' : 'pe.versions.status.published')}</Tag>,
    },
    { title: t('pe.versions.basedOn'), dataIndex: 'basedOn', render: (v: number | null) => v ?? '—' },
    { title: t('pe.versions.publishedAt'), dataIndex: 'publishedAt', render: (v: string | null) => (v ? fmtDateTime(v) : '—') },
    { title: t('pe.versions.publishedBy'), dataIndex: 'publishedBy', render: (v: string | null) => (v ? names(v) : '—') },
    {
      title: t('common.actions'), render: (_: unknown, r: VersionItem) => (
        <Space wrap>
          <Button size="small" onClick={async () => setDiffOf(await diffVersion(r.version, r.current ? undefined : current.data!.version))}>{t('pe.versions.showDiff')}</Button>
          <Button size="small" onClick={() => loadVersion(r.version)}>{t('pe.versions.load')}</Button>
          {r.status === 'draft' && (
            <Popconfirm title={t('pe.publishConfirm')} onConfirm={() => publish(r.version)}><Button size="small" type="primary">{t('pe.publish')}</Button></Popconfirm>
          )}
          {r.status === 'published' && !r.current && (
            <Popconfirm title={t('pe.rollbackConfirm', { version: r.version })} onConfirm={() => publish(r.version)}>
              <Button size="small" icon={<UndoOutlined />} data-testid={`pe-rollback-${r.version}`}>{t('pe.rollback')}</Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="process-editor">
      <Card
        title={<Space>{t('pe.title')}<Tag color="green">{t('pe.current', { version: current.data.version })}</Tag>{dirty && <Tag color="orange">{t('pe.editing', { version: current.data.version })}</Tag>}</Space>}
        extra={
          <Space wrap>
            <Button icon={<CheckCircleOutlined />} onClick={validate} data-testid="pe-validate">{t('pe.validate')}</Button>
            <Button type="primary" icon={<SaveOutlined />} onClick={save} loading={busy} data-testid="pe-save">{t('pe.saveDraft')}</Button>
            <Button icon={<DownloadOutlined />} onClick={() => download(`process-v${working.version}.json`, working)}>{t('pe.export')}</Button>
            <Button icon={<UploadOutlined />} onClick={() => file.current?.click()}>{t('pe.import')}</Button>
            <input ref={file} type="file" accept="application/json,.json" style={{ display: 'none' }} data-testid="pe-import-file" onChange={(e) => { void onImport(e.target.files?.[0]); e.target.value = ''; }} />
            <Button disabled={!dirty} onClick={() => { setWorking(structuredClone(current.data)); setIssues([]); setDraft(null); }}>{t('pe.discard')}</Button>
          </Space>
        }
      >
        {checked && issues.length > 0 && (
          <Alert type="error" showIcon data-testid="pe-issues" style={{ marginBottom: 12 }} message={t('pe.invalid', { count: issues.length })}
            description={<ul style={{ margin: 0, paddingLeft: 18 }}>{issues.map((i) => <li key={i.path + i.message}><code>{i.path.replace(/^definition\./, '')}</code>: {i.message}</li>)}</ul>} />
        )}
        {draft && (
          <Card size="small" type="inner" data-testid="pe-draft" style={{ marginBottom: 12 }}
            title={t('pe.diffOf', { version: draft.version, against: draft.against })}
            extra={<Popconfirm title={t('pe.publishConfirm')} onConfirm={() => publish(draft.version)}><Button type="primary" icon={<CloudUploadOutlined />} loading={busy} data-testid="pe-publish">{t('pe.publish')}</Button></Popconfirm>}>
            <ChangeList changes={draft.changes} />
          </Card>
        )}
        <Tabs
          items={[
            {
              key: 'diagram', label: t('pe.tab.diagram'),
              children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Segmented value={caseType} onChange={(v) => setCaseType(String(v))}
                    options={(['deal', 'ticket', 'customer'] as const).map((k) => ({ value: k, label: t(`pe.caseType.${k}`) }))} />
                  <ProcessDiagram def={working} caseType={caseType} issues={issues} onOpen={openStep} />
                </Space>
              ),
            },
            {
              key: 'forms', label: t('pe.tab.forms'),
              children: (
                <Table size="small" rowKey="key" pagination={{ pageSize: 20 }} data-testid="pe-forms"
                  dataSource={Object.entries(working.forms as Record<string, EditDef>).map(([key, f]) => ({ key, f }))}
                  onRow={(r) => ({ onClick: () => setForm(r.key), style: { cursor: 'pointer', ...(formIssueCount(r.key) ? { background: '#fff1f0' } : {}) } })}
                  columns={[
                    { title: t('pe.form.title'), render: (_, r) => <Typography.Link data-testid={`pe-form-${r.key}`}>{r.f.title?.[lang] ?? r.key}</Typography.Link> },
                    { title: t('pe.form.prefix'), render: (_, r) => r.f.prefix ?? '—' },
                    { title: t('pe.form.copies'), render: (_, r) => (r.f.copies ?? []).map((d: string) => <Tag key={d}>{working.departments[d]?.label?.[lang] ?? d}</Tag>) },
                    { title: t('pe.form.fields'), render: (_, r) => r.f.fields?.length ?? 0 },
                    { title: t('pe.errors'), render: (_, r) => (formIssueCount(r.key) ? <Tag color="red">{formIssueCount(r.key)}</Tag> : null) },
                  ]}
                />
              ),
            },
            {
              key: 'settings', label: t('pe.tab.settings'),
              children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Space wrap>
                    <span>{t('pe.settings.ticketCloseDays')}</span><InputNumber min={0.5} value={working.ticketCloseDays} onChange={(v) => v && setTop((d) => { d.ticketCloseDays = v; })} />
                    <span>{t('pe.settings.secondMeeting')}</span><InputNumber min={0} max={60} value={working.secondMeetingAfterDays} onChange={(v) => v !== null && setTop((d) => { d.secondMeetingAfterDays = v; })} />
                    <span>{t('pe.settings.revisitStandard')}</span><InputNumber min={1} value={working.revisitIntervalDays?.standard} onChange={(v) => v && setTop((d) => { d.revisitIntervalDays.standard = v; })} />
                    <span>{t('pe.settings.revisitVip')}</span><InputNumber min={1} value={working.revisitIntervalDays?.vip} onChange={(v) => v && setTop((d) => { d.revisitIntervalDays.vip = v; })} />
                  </Space>
                  <Space wrap>
                    <span>{t('pe.settings.numbering')}</span>
                    <Input addonBefore={t('pe.caseType.deal')} style={{ width: 200 }} value={working.caseNumbering?.deal} onChange={(e) => setTop((d) => { d.caseNumbering.deal = e.target.value; })} />
                    <Input addonBefore={t('pe.caseType.ticket')} style={{ width: 200 }} value={working.caseNumbering?.ticket} onChange={(e) => setTop((d) => { d.caseNumbering.ticket = e.target.value; })} />
                  </Space>
                  <Typography.Title level={5}>{t('pe.settings.roles')}</Typography.Title>
                  <OrgEditor def={working} setTop={setTop} issues={issues} />
                </Space>
              ),
            },
            {
              key: 'versions', label: t('pe.tab.versions'),
              children: <Table<VersionItem> size="small" rowKey="version" loading={versions.isPending} dataSource={versions.data?.items ?? []} pagination={{ pageSize: 10 }} columns={versionColumns} data-testid="pe-versions" />,
            },
          ]}
        />
      </Card>
      <StepEditor def={working} stepKey={step} issues={issues} update={update} onClose={() => setStep(null)} />
      <FormEditor def={working} formKey={form} issues={issues} update={update} onClose={() => setForm(null)} />
      <Modal open={!!diffOf} onCancel={() => setDiffOf(null)} footer={null} width={760} title={diffOf ? t('pe.diffOf', { version: diffOf.version, against: diffOf.against }) : ''}>
        {diffOf && <ChangeList changes={diffOf.changes} />}
      </Modal>
    </Space>
  );
}
