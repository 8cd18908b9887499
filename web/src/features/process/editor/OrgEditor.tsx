// Roles and departments of the definition (issue 10): the sysadmin adds a role (its department, and
// the built-in role whose rights it has) or a department (its manager), relabels them, and sets
// each department's manager. Built-in roles stay; a role users hold is refused on publish.
import { useState } from 'react';
import { Button, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';
import { ROLES } from '../../../app/access';
import type { EditDef, Issue } from './api';
import { issuesOf } from './Diagram';

const KEY = /^[a-z][a-z0-9_]{1,40}$/;
const BUILT_IN: readonly string[] = ROLES;

/** The validator's problems of one role or department, shown on its row. */
function RowIssues({ issues }: { issues: Issue[] }) {
  if (!issues.length) return null;
  return <Space direction="vertical" size={0}>{issues.map((i) => <Typography.Text key={i.path + i.message} type="danger">{i.message}</Typography.Text>)}</Space>;
}

export function OrgEditor({ def, setTop, issues = [] }: { def: EditDef; setTop: (mut: (d: EditDef) => void) => void; issues?: Issue[] }) {
  const { t, lang, tk } = useI18n();
  const roles = def.roles as Record<string, EditDef>;
  const departments = def.departments as Record<string, EditDef>;
  const roleOptions = Object.entries(roles).map(([k, r]) => ({ value: k, label: r.label?.[lang] ?? k }));
  const deptOptions = Object.entries(departments).map(([k, d]) => ({ value: k, label: d.label?.[lang] ?? k }));
  const likeOptions = BUILT_IN.map((r) => ({ value: r, label: roles[r]?.label?.[lang] ?? tk('role', r) }));
  const [role, setRole] = useState<{ key: string; zh: string; en: string; department?: string; like?: string }>({ key: '', zh: '', en: '' });
  const [dept, setDept] = useState<{ key: string; zh: string; en: string; manager?: string }>({ key: '', zh: '', en: '' });
  const keyTaken = (k: string) => Object.hasOwn(roles, k) || Object.hasOwn(departments, k);
  const roleOk = KEY.test(role.key) && !keyTaken(role.key) && !!role.zh.trim() && !!role.department;
  const deptOk = KEY.test(dept.key) && !keyTaken(dept.key) && !!dept.zh.trim();

  const addRole = () => {
    setTop((d) => {
      d.roles[role.key] = { label: { zh: role.zh.trim(), en: role.en.trim() || role.key }, department: role.department, ...(role.like ? { like: role.like } : {}) };
    });
    setRole({ key: '', zh: '', en: '' });
  };
  const addDepartment = () => {
    setTop((d) => {
      d.departments[dept.key] = { label: { zh: dept.zh.trim(), en: dept.en.trim() || dept.key }, ...(dept.manager ? { manager: dept.manager } : {}) };
    });
    setDept({ key: '', zh: '', en: '' });
  };
  const keyHelp = (k: string) => (k && !KEY.test(k) ? t('pe.org.keyRule') : k && keyTaken(k) ? t('pe.org.keyTaken') : undefined);

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="pe-org">
      <Typography.Title level={5}>{t('pe.org.roles')}</Typography.Title>
      <Table size="small" pagination={false} rowKey="key" data-testid="pe-roles"
        dataSource={Object.entries(roles).map(([key, r]) => ({ key, r }))}
        columns={[
          { title: t('pe.org.key'), dataIndex: 'key', render: (k: string) => <Space>{k}{BUILT_IN.includes(k) && <Tag>{t('pe.org.builtIn')}</Tag>}</Space> },
          { title: t('pe.step.labelZh'), render: (_, x) => <Input value={x.r.label?.zh} onChange={(e) => setTop((d) => { d.roles[x.key].label.zh = e.target.value; })} /> },
          { title: t('pe.step.labelEn'), render: (_, x) => <Input value={x.r.label?.en} onChange={(e) => setTop((d) => { d.roles[x.key].label.en = e.target.value; })} /> },
          {
            title: t('pe.role.department'), render: (_, x) => (
              <Select style={{ width: 160 }} value={x.r.department} onChange={(v) => setTop((d) => { d.roles[x.key].department = v; })} options={deptOptions} showSearch={{ optionFilterProp: 'label' }} />
            ),
          },
          {
            title: t('pe.role.like'), render: (_, x) => BUILT_IN.includes(x.key) ? '—' : (
              <Select allowClear style={{ width: 160 }} value={x.r.like} placeholder={t('pe.role.likeNone')}
                onChange={(v) => setTop((d) => { if (v) d.roles[x.key].like = v; else delete d.roles[x.key].like; })} options={likeOptions} showSearch={{ optionFilterProp: 'label' }} />
            ),
          },
          { title: '', render: (_, x) => <RowIssues issues={issuesOf(issues, 'roles', x.key)} /> },
          {
            title: '', render: (_, x) => BUILT_IN.includes(x.key) ? null : (
              <Popconfirm title={t('pe.org.removeRole')} onConfirm={() => setTop((d) => { delete d.roles[x.key]; })}>
                <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('pe.org.removeRole')} />
              </Popconfirm>
            ),
          },
        ]}
      />
      <Space wrap data-testid="pe-add-role">
        <Input style={{ width: 170 }} placeholder={t('pe.org.keyPlaceholder')} value={role.key} status={keyHelp(role.key) ? 'error' : undefined} title={keyHelp(role.key)}
          onChange={(e) => setRole({ ...role, key: e.target.value.trim() })} data-testid="pe-role-key" />
        <Input style={{ width: 150 }} placeholder={t('pe.step.labelZh')} value={role.zh} onChange={(e) => setRole({ ...role, zh: e.target.value })} data-testid="pe-role-zh" />
        <Input style={{ width: 170 }} placeholder={t('pe.step.labelEn')} value={role.en} onChange={(e) => setRole({ ...role, en: e.target.value })} />
        <Select style={{ width: 160 }} placeholder={t('pe.role.department')} value={role.department} onChange={(v) => setRole({ ...role, department: v })} options={deptOptions} showSearch={{ optionFilterProp: 'label' }} data-testid="pe-role-department" />
        <Select allowClear style={{ width: 170 }} placeholder={t('pe.role.like')} value={role.like} onChange={(v) => setRole({ ...role, like: v })} options={likeOptions} showSearch={{ optionFilterProp: 'label' }} data-testid="pe-role-like" />
        <Button icon={<PlusOutlined />} disabled={!roleOk} onClick={addRole}>{t('pe.org.addRole')}</Button>
        {keyHelp(role.key) && <Typography.Text type="danger">{keyHelp(role.key)}</Typography.Text>}
      </Space>

      <Typography.Title level={5}>{t('pe.org.departments')}</Typography.Title>
      <Table size="small" pagination={false} rowKey="key" data-testid="pe-departments"
        dataSource={Object.entries(departments).map(([key, dep]) => ({ key, dep }))}
        columns={[
          { title: t('pe.org.key'), dataIndex: 'key' },
          { title: t('pe.step.labelZh'), render: (_, x) => <Input value={x.dep.label?.zh} onChange={(e) => setTop((d) => { d.departments[x.key].label.zh = e.target.value; })} /> },
          { title: t('pe.step.labelEn'), render: (_, x) => <Input value={x.dep.label?.en} onChange={(e) => setTop((d) => { d.departments[x.key].label.en = e.target.value; })} /> },
          {
            title: t('pe.dept.manager'), render: (_, x) => (
              <Select allowClear style={{ width: 180 }} value={x.dep.manager} placeholder={t('pe.dept.managerNone')}
                onChange={(v) => setTop((d) => { if (v) d.departments[x.key].manager = v; else delete d.departments[x.key].manager; })} options={roleOptions} showSearch={{ optionFilterProp: 'label' }} />
            ),
          },
          { title: '', render: (_, x) => <RowIssues issues={issuesOf(issues, 'departments', x.key)} /> },
        ]}
      />
      <Space wrap data-testid="pe-add-department">
        <Input style={{ width: 170 }} placeholder={t('pe.org.keyPlaceholder')} value={dept.key} status={keyHelp(dept.key) ? 'error' : undefined}
          onChange={(e) => setDept({ ...dept, key: e.target.value.trim() })} data-testid="pe-dept-key" />
        <Input style={{ width: 150 }} placeholder={t('pe.step.labelZh')} value={dept.zh} onChange={(e) => setDept({ ...dept, zh: e.target.value })} data-testid="pe-dept-zh" />
        <Input style={{ width: 170 }} placeholder={t('pe.step.labelEn')} value={dept.en} onChange={(e) => setDept({ ...dept, en: e.target.value })} />
        <Select allowClear style={{ width: 180 }} placeholder={t('pe.dept.manager')} value={dept.manager} onChange={(v) => setDept({ ...dept, manager: v })} options={roleOptions} showSearch={{ optionFilterProp: 'label' }} />
        <Button icon={<PlusOutlined />} disabled={!deptOk} onClick={addDepartment}>{t('pe.org.addDepartment')}</Button>
        {keyHelp(dept.key) && <Typography.Text type="danger">{keyHelp(dept.key)}</Typography.Text>}
      </Space>
    </Space>
  );
}
