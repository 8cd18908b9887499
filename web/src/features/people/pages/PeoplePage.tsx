// 人事与薪酬 (issue 14): leads, commissions, the duty rota, allowances, the leadership mailbox and
// training, one tab each. What each person may do comes from the server's capabilities.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Radio, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useCapabilities } from '../../../app/access';
import { serverNowIso } from '../../../app/serverClock';
import { listUsers } from '../../users/api';
import * as people from '../api';
import { applyServerErrors, validated } from '../../../app/formErrors';

type L = (zh: string, en: string) => string;
function useL(): L {
  const { lang } = useI18n();
  return (zh, en) => (lang === 'zh' ? zh : en);
}
const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`);

function useMonth(offset = 0): [string, (m: string) => void] {
  const [month, setMonth] = useState('');
  useEffect(() => {
    serverNowIso().then((iso) => {
      const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
      d.setUTCMonth(d.getUTCMonth() + offset, 1);
      setMonth(d.toISOString().slice(0, 7));
    });
  }, [offset]);
  return [month, setMonth];
}

function useNames(role?: string) {
  const q = useQuery({ queryKey: ['people', 'users', role ?? 'all'], queryFn: () => listUsers({ role, pageSize: 200 }, true) });
  const items = (q.data?.items ?? []) as { id: string; displayName: string }[];
  return { items, name: (id: string) => items.find((u) => u.id === id)?.displayName ?? id };
}

const STATE_TAG: Record<string, [string, string, string]> = {
  new: ['blue', '待处理', 'New'], accepted: ['gold', '已受理', 'Accepted'], rejected: ['default', '已退回', 'Rejected'], converted: ['green', '已立项', 'Converted'],
  pending: ['gold', '待发放', 'Pending'], due: ['blue', '应发放', 'Due'], paid: ['green', '已发放', 'Paid'], handled: ['green', '已处理', 'Handled'],
};
function StateTag({ s }: { s: string }) {
  const l = useL();
  const [color, zh, en] = STATE_TAG[s] ?? ['default', s, s];
  return <Tag color={color}>{l(zh, en)}</Tag>;
}

function LeadsTab() {
  const l = useL();
  const can = useCapabilities();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const leads = useQuery({ queryKey: ['people', 'leads'], queryFn: people.listLeads });
  const sales = useNames('sales');
  const [form] = Form.useForm();
  const [accepting, setAccepting] = useState<people.Lead | null>(null);
  const [acceptForm] = Form.useForm();
  const refresh = () => qc.invalidateQueries({ queryKey: ['people', 'leads'] });
  const create = useMutation({ mutationFn: people.createLead, onSuccess: () => { message.success(l('线索已提交', 'Lead submitted')); form.resetFields(); refresh(); } });
  const accept = useMutation({
    mutationFn: (v: { salespersonId: string; class: people.LeadClass; classReason?: string }) => people.acceptLead(accepting!.id, v),
    onSuccess: () => { message.success(l('已受理并分配', 'Accepted')); setAccepting(null); refresh(); },
  });
  const reject = useMutation({ mutationFn: ({ id, reason }: { id: string; reason: string }) => people.rejectLead(id, reason), onSuccess: refresh });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {can.createLead && (
        <Card title={l('提交线索', 'Submit a lead')} size="small">
          <Form form={form} layout="inline" onFinish={(v) => create.mutate(v)} data-testid="lead-form">
            <Form.Item name="customerName" label={l('客户名称', 'Customer')} rules={[{ required: true }]}><Input data-testid="lead-customer" /></Form.Item>
            <Form.Item name="contactPerson" label={l('联系人', 'Contact')}><Input /></Form.Item>
            <Form.Item name="phone" label={l('电话', 'Phone')}><Input /></Form.Item>
            <Form.Item name="need" label={l('需求', 'Need')} rules={[{ required: true }]}><Input style={{ width: 260 }} data-testid="lead-need" /></Form.Item>
            <Form.Item name="claimedClass" label={l('类别', 'Class')} rules={[{ required: true }]} initialValue="B">
              <Radio.Group options={['A', 'B', 'C'].map((c) => ({ value: c, label: c }))} />
            </Form.Item>
            <Form.Item name="justification" label={l('理由', 'Why')}><Input /></Form.Item>
            <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="lead-submit">{l('提交', 'Submit')}</Button>
          </Form>
        </Card>
      )}
      <Table
        rowKey="id" size="small" loading={leads.isLoading} dataSource={leads.data?.items ?? []} data-testid="lead-table" pagination={{ pageSize: 20 }}
        columns={[
          { title: l('编号', 'No.'), dataIndex: 'number' },
          { title: l('客户', 'Customer'), dataIndex: 'customerName' },
          { title: l('需求', 'Need'), dataIndex: 'need', ellipsis: true },
          { title: l('推荐人', 'Referrer'), dataIndex: 'referrerName' },
          { title: l('申报/确认类别', 'Class'), render: (_, r) => `${r.claimedClass} → ${r.class ?? '—'}${r.classReason ? `（${r.classReason}）` : ''}` },
          { title: l('业务员', 'Salesperson'), dataIndex: 'salespersonName' },
          { title: l('状态', 'State'), render: (_, r) => <>{<StateTag s={r.state} />}{r.rejectReason && <Typography.Text type="secondary">{r.rejectReason}</Typography.Text>}</> },
          ...(can.triageLead ? [{
            title: l('操作', 'Actions'), render: (_: unknown, r: people.Lead) => r.state === 'new' && (
              <Space>
                <Button size="small" type="primary" data-testid={`lead-accept-${r.number}`} onClick={() => { setAccepting(r); acceptForm.setFieldsValue({ class: r.claimedClass, salespersonId: undefined, classReason: undefined }); }}>{l('受理', 'Accept')}</Button>
                <Button size="small" onClick={() => { const reason = window.prompt(l('退回原因', 'Reason')); if (reason) reject.mutate({ id: r.id, reason }); }}>{l('退回', 'Reject')}</Button>
              </Space>
            ),
          }] : []),
        ]}
      />
      <Modal open={!!accepting} title={l('受理线索', 'Accept the lead')} onCancel={() => setAccepting(null)} onOk={() => acceptForm.submit()} confirmLoading={accept.isPending} okButtonProps={{ id: 'lead-accept-ok' }}>
        <Form form={acceptForm} layout="vertical" onFinish={(v) => accept.mutate(v)}>
          <Form.Item name="salespersonId" label={l('分配给业务员', 'Salesperson')} rules={[{ required: true }]}>
            <Select data-testid="lead-salesperson" options={sales.items.map((u) => ({ value: u.id, label: u.displayName }))} />
          </Form.Item>
          <Form.Item name="class" label={l('确认类别', 'Class')} rules={[{ required: true }]}><Radio.Group options={['A', 'B', 'C'].map((c) => ({ value: c, label: c }))} /></Form.Item>
          <Form.Item name="classReason" label={l('修改类别的原因', 'Reason for a changed class')}><Input /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

function MonthInput({ value, onChange }: { value: string; onChange: (m: string) => void }) {
  return <Input type="month" value={value} onChange={(e) => e.target.value && onChange(e.target.value)} style={{ width: 160 }} data-testid="month-input" />;
}

function CommissionsTab() {
  const l = useL();
  const can = useCapabilities();
  const qc = useQueryClient();
  const [month, setMonth] = useMonth();
  const q = useQuery({ queryKey: ['people', 'commissions', month], queryFn: () => people.getCommissions(month), enabled: !!month });
  const refresh = () => qc.invalidateQueries({ queryKey: ['people', 'commissions'] });
  const approve = useMutation({ mutationFn: () => people.approveCommissions(month), onSuccess: refresh });
  const pay = useMutation({ mutationFn: (leadId: string) => people.payCommission(month, leadId), onSuccess: refresh });
  const s = q.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <MonthInput value={month} onChange={setMonth} />
        {s && <Typography.Text>{l('业务员收入比例', 'Sales income')} {s.salesIncomePct}%</Typography.Text>}
        {s?.approved ? <Tag color="green">{l('已审批锁定', 'Approved, locked')} · {s.approved.byName}</Tag> : can.approveCommissions && <Button onClick={() => approve.mutate()} loading={approve.isPending}>{l('审批本月', 'Approve the month')}</Button>}
        <Button href={month ? people.commissionsXlsxUrl(month) : undefined} target="_blank">{l('导出 Excel', 'Export Excel')}</Button>
      </Space>
      <Table
        rowKey={(r) => r.leadId} size="small" loading={q.isLoading} dataSource={s?.items ?? []} data-testid="commission-table" pagination={false}
        columns={[
          { title: l('线索', 'Lead'), dataIndex: 'leadNumber' },
          { title: l('商机', 'Deal'), dataIndex: 'dealNumber' },
          { title: l('客户', 'Customer'), dataIndex: 'customerName' },
          { title: l('推荐人', 'Referrer'), dataIndex: 'referrerName' },
          { title: l('业务员', 'Salesperson'), dataIndex: 'salespersonName' },
          { title: l('类别', 'Class'), render: (_, r) => `${r.class} · ${r.pct}%` },
          { title: l('合同金额', 'Contract'), render: (_, r) => yuan(r.amountFen) },
          { title: l('提成基数', 'Base'), render: (_, r) => `${yuan(r.baseFen)}（${r.salesIncomePct}%）` },
          { title: l('提成', 'Commission'), render: (_, r) => <span data-testid={`commission-${r.leadNumber}`}>{yuan(r.commissionFen)}</span> },
          { title: l('扣减', 'Deduction'), render: (_, r) => (r.deductionFen ? `−${yuan(r.deductionFen)}` : '') },
          { title: l('状态', 'State'), render: (_, r) => <StateTag s={r.state} /> },
          ...(can.payCommissions ? [{ title: '', render: (_: unknown, r: people.CommissionStatement['items'][number]) => s?.approved && r.state === 'due' && <Button size="small" onClick={() => pay.mutate(r.leadId)}>{l('标记已发放', 'Mark paid')}</Button> }] : []),
        ]}
      />
    </Space>
  );
}

function DutyTab() {
  const l = useL();
  const can = useCapabilities();
  const qc = useQueryClient();
  const [month, setMonth] = useMonth(1);
  const [rota, setRota] = useState<people.Rota>('cs');
  const names = useNames(rota === 'cs' ? 'cs_agent' : 'engineer');
  const q = useQuery({ queryKey: ['people', 'duty', month, rota], queryFn: () => people.getDuty(month, rota), enabled: !!month });
  const set = (d: people.DutyMonth) => qc.setQueryData(['people', 'duty', month, rota], d);
  const generate = useMutation({ mutationFn: () => people.generateDuty(month, rota), onSuccess: set });
  const [swapFrom, setSwapFrom] = useState<string | null>(null);
  const swap = useMutation({ mutationFn: (withDate: string) => people.swapDuty(month, { rota, date: swapFrom!, withDate }), onSuccess: (d) => { set(d); setSwapFrom(null); } });
  const manages = rota === 'cs' ? can.manageCsDuty : can.manageOncall;
  const items = q.data?.items ?? [];
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.userId, (counts.get(i.userId) ?? 0) + 1);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <MonthInput value={month} onChange={setMonth} />
        <Radio.Group value={rota} onChange={(e) => setRota(e.target.value)} options={[{ value: 'cs', label: l('客服值班', 'CS duty') }, { value: 'oncall', label: l('7×24 值守', '7×24 on-call') }]} optionType="button" />
        {manages && <Button type="primary" onClick={() => generate.mutate()} loading={generate.isPending} data-testid="duty-generate">{l('生成该月值班表', 'Generate the month')}</Button>}
        {swapFrom && <Alert type="info" showIcon message={l(`选择与 ${swapFrom} 对调的日期`, `Pick the day to swap with ${swapFrom}`)} />}
      </Space>
      <Space wrap>{[...counts].map(([id, n]) => <Tag key={id}>{names.name(id)} × {n}</Tag>)}</Space>
      <Table
        rowKey="date" size="small" loading={q.isLoading} dataSource={items} data-testid="duty-table" pagination={false}
        columns={[
          { title: l('日期', 'Date'), dataIndex: 'date' },
          { title: l('类型', 'Kind'), render: (_, r) => (r.kind === 'holiday' ? l('节假日', 'Holiday') : r.kind === 'weekend' ? l('周末', 'Weekend') : l('工作日', 'Working day')) },
          { title: l('倍数', 'Rate'), render: (_, r) => <Tag color={r.statutory ? 'red' : undefined}>×{r.multiplier}{r.statutory ? ` ${l('法定', 'statutory')}` : ''}</Tag> },
          { title: l('值班人', 'On duty'), render: (_, r) => <span data-testid={`duty-${r.date}`}>{names.name(r.userId)}</span> },
          ...(manages ? [{
            title: '', render: (_: unknown, r: people.DutyMonth['items'][number]) => (swapFrom
              ? swapFrom !== r.date && <Button size="small" type="primary" data-testid={`duty-swap-with-${r.date}`} onClick={() => swap.mutate(r.date)}>{l('与此对调', 'Swap here')}</Button>
              : <Button size="small" data-testid={`duty-swap-${r.date}`} onClick={() => setSwapFrom(r.date)}>{l('调班', 'Swap')}</Button>),
          }] : []),
        ]}
      />
    </Space>
  );
}

function AllowancesTab() {
  const l = useL();
  const can = useCapabilities();
  const qc = useQueryClient();
  const [month, setMonth] = useMonth();
  const q = useQuery({ queryKey: ['people', 'allowances', month], queryFn: () => people.getAllowances(month), enabled: !!month });
  const approve = useMutation({ mutationFn: () => people.approveAllowances(month), onSuccess: () => qc.invalidateQueries({ queryKey: ['people', 'allowances'] }) });
  const KIND: Record<string, string> = { cs_duty: l('客服值班', 'CS duty'), holiday_installation: l('休息日装机', 'Rest-day installation'), vip_oncall: l('7×24 值守', '7×24 on-call') };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <MonthInput value={month} onChange={setMonth} />
        {q.data?.approved ? <Tag color="green">{l('已审批锁定', 'Approved, locked')}</Tag> : can.approveAllowances && <Button onClick={() => approve.mutate()}>{l('审批本月', 'Approve the month')}</Button>}
        <Button href={month ? people.allowancesXlsxUrl(month) : undefined} target="_blank">{l('导出 Excel', 'Export Excel')}</Button>
      </Space>
      <Table
        rowKey={(r) => `${r.kind}-${r.userId}-${r.date}-${r.caseId}`} size="small" loading={q.isLoading} dataSource={q.data?.items ?? []} pagination={false}
        columns={[
          { title: l('人员', 'Person'), dataIndex: 'userName' },
          { title: l('类别', 'Kind'), render: (_, r) => KIND[r.kind] },
          { title: l('日期', 'Date'), dataIndex: 'date' },
          { title: l('单号', 'Case'), dataIndex: 'caseNumber' },
          { title: l('倍数', 'Rate'), render: (_, r) => `×${r.multiplier}` },
          { title: l('数量', 'Units'), render: (_, r) => `${r.units} ${r.unit === 'day' ? l('天', 'd') : r.unit === 'hour' ? l('小时', 'h') : l('月', 'mo')}` },
          { title: l('金额', 'Amount'), render: (_, r) => yuan(r.amountFen) },
          { title: l('来源', 'Source'), dataIndex: 'source' },
        ]}
      />
    </Space>
  );
}

function MailboxTab() {
  const l = useL();
  const can = useCapabilities();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [code, setCode] = useState<string | null>(null);
  const [lookup, setLookup] = useState('');
  const [found, setFound] = useState<{ subject: string; reply: string | null } | null>(null);
  const box = useQuery({ queryKey: ['people', 'mailbox'], queryFn: people.readMailbox, enabled: can.readMailbox });
  const mine = useQuery({ queryKey: ['people', 'mailbox', 'mine'], queryFn: people.myLetters });
  const write = useMutation({
    mutationFn: people.writeLetter,
    onSuccess: (r) => { form.resetFields(); setCode(r.replyCode ?? null); message.success(l('信已送达总经理', 'Sent to the GM')); qc.invalidateQueries({ queryKey: ['people', 'mailbox'] }); },
  });
  const reply = useMutation({ mutationFn: ({ id, body }: { id: string; body: string }) => people.replyLetter(id, body), onSuccess: () => qc.invalidateQueries({ queryKey: ['people', 'mailbox'] }) });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {can.readMailbox && (
        <Card title={l('来信', 'Letters')} size="small">
          <Table
            rowKey="id" size="small" loading={box.isLoading} dataSource={box.data?.items ?? []} data-testid="mailbox-table" pagination={{ pageSize: 20 }}
            columns={[
              { title: l('日期', 'Day'), dataIndex: 'createdAt' },
              { title: l('主题', 'Subject'), dataIndex: 'subject' },
              { title: l('内容', 'Letter'), dataIndex: 'body' },
              { title: l('来信人', 'From'), render: (_, r) => r.author?.displayName ?? <Tag>{l('匿名', 'Anonymous')}</Tag> },
              { title: l('回复', 'Reply'), render: (_, r) => r.reply ?? <Button size="small" data-testid={`mailbox-reply-${r.subject}`} onClick={() => { const body = window.prompt(l('回复内容', 'Reply')); if (body) reply.mutate({ id: r.id, body }); }}>{l('回复', 'Reply')}</Button> },
              { title: l('状态', 'State'), render: (_, r) => <StateTag s={r.state} /> },
            ]}
          />
        </Card>
      )}
      <Card title={l('给总经理写信', 'Write to the GM')} size="small">
        <Form form={form} layout="vertical" onFinish={(v) => write.mutate({ ...v, anonymous: !!v.anonymous })} style={{ maxWidth: 640 }}>
          <Form.Item name="subject" label={l('主题', 'Subject')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="body" label={l('内容', 'Letter')} rules={[{ required: true }]}><Input.TextArea rows={4} /></Form.Item>
          <Form.Item name="anonymous" valuePropName="checked"><Checkbox>{l('匿名（不记录写信人）', 'Anonymous (the writer is not recorded)')}</Checkbox></Form.Item>
          <Button type="primary" htmlType="submit" loading={write.isPending}>{l('发送', 'Send')}</Button>
        </Form>
        {code && <Alert style={{ marginTop: 12 }} type="warning" showIcon data-testid="reply-code" message={l(`回复查询码：${code}（只显示这一次，请记下）`, `Reply code: ${code} (shown once — note it down)`)} />}
        <Space style={{ marginTop: 12 }}>
          <Input placeholder={l('回复查询码', 'Reply code')} value={lookup} onChange={(e) => setLookup(e.target.value)} style={{ width: 260 }} />
          <Button onClick={() => people.replyByCode(lookup).then(setFound, () => setFound(null))}>{l('查看回复', 'Read the reply')}</Button>
        </Space>
        {found && <Alert style={{ marginTop: 8 }} message={found.subject} description={found.reply ?? l('尚未回复', 'No reply yet')} />}
      </Card>
      <Card title={l('我的署名来信', 'My named letters')} size="small">
        <Table rowKey="id" size="small" dataSource={mine.data?.items ?? []} pagination={false}
          columns={[{ title: l('日期', 'Day'), dataIndex: 'createdAt' }, { title: l('主题', 'Subject'), dataIndex: 'subject' }, { title: l('回复', 'Reply'), dataIndex: 'reply' }]} />
      </Card>
    </Space>
  );
}

function TrainingTab() {
  const l = useL();
  const can = useCapabilities();
  const qc = useQueryClient();
  const [month, setMonth] = useMonth();
  const names = useNames();
  const [editing, setEditing] = useState<people.TrainingSession | null>(null);
  const next = month ? (() => { const [y, m] = month.split('-').map(Number) as [number, number]; return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`; })() : '';
  const q = useQuery({ queryKey: ['people', 'training', month], queryFn: () => people.listTraining(`${month}-01`, next), enabled: !!month });
  const plan = useMutation({ mutationFn: () => people.planTraining(`${month}-01`, 5), onSuccess: () => qc.invalidateQueries({ queryKey: ['people', 'training'] }) });
  const byDate = new Map((q.data?.items ?? []).map((s) => [s.date, s]));
  const days = month ? Array.from({ length: 31 }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`).filter((d) => d < next) : [];
  const firstDow = days[0] ? (new Date(`${days[0]}T00:00:00Z`).getUTCDay() + 6) % 7 : 0;
  const cells = [...Array(firstDow).fill(null), ...days] as (string | null)[];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <MonthInput value={month} onChange={setMonth} />
        {can.planTraining && <Button type="primary" onClick={() => plan.mutate()} loading={plan.isPending}>{l('按规则排本月培训', 'Plan the month')}</Button>}
      </Space>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 4 }} data-testid="training-calendar">
        {[l('一', 'Mon'), l('二', 'Tue'), l('三', 'Wed'), l('四', 'Thu'), l('五', 'Fri'), l('六', 'Sat'), l('日', 'Sun')].map((d) => <b key={d}>{d}</b>)}
        {cells.map((d, i) => {
          const s = d ? byDate.get(d) : undefined;
          return (
            <Card
              key={d ?? `x${i}`}
              size="small"
              hoverable={!!s && can.planTraining}
              onClick={s && can.planTraining ? () => setEditing(s) : undefined}
              style={{ minHeight: 70, background: s ? '#e6f4ff' : undefined }}
              data-testid={s ? `training-${s.date}` : undefined}
            >
              {d && <div>{Number(d.slice(8))}</div>}
              {s && (
                <div style={{ fontSize: 12 }}>
                  09:00–12:00 {s.direction === 'business_to_technical' ? l('业务→技术', 'Business→Tech') : l('技术→业务', 'Tech→Business')}
                  <br />{names.name(s.lecturerId)}{s.topic ? `：${s.topic}` : ''}
                  {!!s.attendeeIds?.length && <><br />{l(`出席 ${s.attendeeIds.length} 人`, `${s.attendeeIds.length} attended`)}</>}
                </div>
              )}
            </Card>
          );
        })}
      </div>
      <TrainingSessionModal session={editing} onClose={() => setEditing(null)} />
    </Space>
  );
}

/** The responsible manager sets a session's topic, changes its lecturer and records who attended. */
function TrainingSessionModal({ session, onClose }: { session: people.TrainingSession | null; onClose: () => void }) {
  const l = useL();
  const qc = useQueryClient();
  const names = useNames();
  const [form] = Form.useForm<{ topic?: string; lecturerId: string; attendeeIds: string[] }>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (session) form.setFieldsValue({ topic: session.topic ?? undefined, lecturerId: session.lecturerId, attendeeIds: session.attendeeIds ?? [] });
  }, [session, form]);
  const save = async () => {
    const v = await validated(form);
    if (!v || !session) return;
    setSaving(true);
    try {
      await people.updateTrainingSession(session.id, { ...(v.topic?.trim() ? { topic: v.topic.trim() } : {}), lecturerId: v.lecturerId });
      await people.recordTrainingAttendance(session.id, v.attendeeIds ?? []);
      await qc.invalidateQueries({ queryKey: ['people', 'training'] });
      onClose();
    } catch (e) {
      applyServerErrors(form, e); // what was typed stays
    } finally {
      setSaving(false);
    }
  };
  const users = names.items.map((u) => ({ value: u.id, label: u.displayName }));
  return (
    <Modal open={!!session} title={session ? `${l('培训', 'Training')} ${session.date} 09:00–12:00` : ''} onCancel={onClose} onOk={save} confirmLoading={saving} okText={l('保存', 'Save')} cancelText={l('取消', 'Cancel')} forceRender>
      <Form form={form} layout="vertical" name="training-session">
        <Form.Item name="topic" label={l('主题', 'Topic')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="lecturerId" label={l('讲师', 'Lecturer')} rules={[{ required: true, message: l('请选择讲师', 'Pick the lecturer') }]}>
          <Select options={users} showSearch={{ optionFilterProp: 'label' }} data-testid="training-lecturer" />
        </Form.Item>
        <Form.Item name="attendeeIds" label={l('出席人员', 'Attended')}>
          <Select mode="multiple" options={users} showSearch={{ optionFilterProp: 'label' }} data-testid="training-attendees" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function PeoplePage() {
  const l = useL();
  const [params, setParams] = useSearchParams();
  return (
    <Tabs
      data-testid="people-tabs"
      activeKey={params.get('tab') ?? 'leads'}
      onChange={(tab) => setParams({ tab }, { replace: true })}
      items={[
        { key: 'leads', label: l('线索', 'Leads'), children: <LeadsTab /> },
        { key: 'commissions', label: l('提成', 'Commissions'), children: <CommissionsTab /> },
        { key: 'duty', label: l('值班表', 'Duty rota'), children: <DutyTab /> },
        { key: 'allowances', label: l('津贴', 'Allowances'), children: <AllowancesTab /> },
        { key: 'mailbox', label: l('领导信箱', 'Mailbox'), children: <MailboxTab /> },
        { key: 'training', label: l('培训', 'Training'), children: <TrainingTab /> },
      ]}
      destroyOnHidden
    />
  );
}
