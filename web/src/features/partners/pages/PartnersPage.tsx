// 外包服务商: the outsourced repair companies (certificate, rate per repair) and their monthly settlement.
import { useMemo, useState } from 'react';
import { App, Button, Card, Col, DatePicker, Drawer, Form, Input, Modal, Result, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined, AccountBookOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/auth';
import { useCapabilities } from '../../../app/access';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../../app/api';
import { applyServerErrors } from '../../../app/formErrors';
import type { ErrorDetail } from '../../../app/api';
import { fmtDateTime, fmtFen } from '../../../app/format';
import { MoneyInput } from '../../../components/MoneyInput';
import { ServerErrorAlert } from '../../../components/ServerErrorAlert';
import { EmptyBlock } from '../../../components/EmptyState';
import { fmtRate, getPartnerSettlement } from '../../reports/api';
import { createPartner, listPartners, updatePartner, type Partner } from '../api';

interface PartnerForm {
  name: string;
  certifiedUntil: Dayjs;
  ratePerRepairFen?: number;
}

function PartnerModal({ editing, open, onClose, onSaved }: { editing: Partner | null; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PartnerForm>();
  const [saving, setSaving] = useState(false);
  const [unmatched, setUnmatched] = useState<ErrorDetail[]>([]);

  const submit = async (v: PartnerForm) => {
    setSaving(true);
    setUnmatched([]);
    const body = { name: v.name.trim(), certifiedUntil: v.certifiedUntil.format('YYYY-MM-DD'), ratePerRepairFen: v.ratePerRepairFen };
    try {
      if (editing) await updatePartner(editing.id, body);
      else await createPartner(body);
      message.success(editing ? t('common.saved') : t('partners.created'));
      setUnmatched([]);
      onSaved();
    } catch (e) {
      setUnmatched(applyServerErrors(form, e)); // what was typed stays
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? t('partners.edit') : t('partners.new')}
      onCancel={() => {
        setUnmatched([]);
        onClose();
      }}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <ServerErrorAlert details={unmatched} />
      <Form<PartnerForm>
        key={editing?.id ?? 'new'}
        form={form}
        name="partner"
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={editing ? { name: editing.name, certifiedUntil: dayjs(editing.certifiedUntil), ratePerRepairFen: editing.ratePerRepairFen } : undefined}
      >
        <Form.Item name="name" label={t('partners.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('partners.name') }) }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="certifiedUntil"
          label={t('partners.certifiedUntil')}
          rules={[{ required: true, message: t('common.required', { field: t('partners.certifiedUntil') }) }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="ratePerRepairFen" label={t('partners.rate')} extra={editing ? undefined : t('partners.rateHint')}>
          <MoneyInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SettlementDrawer({ partner, onClose }: { partner: Partner | null; onClose: () => void }) {
  const { t } = useI18n();
  const [month, setMonth] = useState<Dayjs | null>(null); // null = the server's current month
  const key = month?.format('YYYY-MM');
  const s = useQuery({ queryKey: ['partners', partner?.id, 'settlement', key ?? 'current'], queryFn: () => getPartnerSettlement(partner!.id, key), enabled: !!partner });
  const d = s.data;

  return (
    <Drawer
      open={!!partner}
      onClose={() => {
        setMonth(null);
        onClose();
      }}
      size={900}
      title={partner ? t('partners.settlementOf', { name: partner.name }) : ''}
      data-testid="settlement-drawer"
    >
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Space>
          <span>{t('partners.month')}</span>
          <DatePicker
            picker="month"
            allowClear={false}
            value={month ?? (d ? dayjs(`${d.month}-01`) : null)}
            onChange={(v) => setMonth(v)}
            id="settlement-month"
          />
        </Space>
        {s.isFetching && !d ? (
          <Spin />
        ) : s.error instanceof ApiError && s.error.status === 403 ? (
          <Result status="403" title="403" subTitle={t('error.noAccess')} />
        ) : !d ? (
          <EmptyBlock text={t('partners.settlementFailed')} />
        ) : (
          <>
            <Row gutter={[16, 16]} data-testid="settlement-summary">
              <Col span={6}><Statistic title={t('partners.repairs')} value={d.repairs} /></Col>
              <Col span={6}><Statistic title={t('partners.onTimeRate')} value={fmtRate(d.onTimeRate)} /></Col>
              <Col span={6}><Statistic title={t('partners.satisfactionRate')} value={fmtRate(d.satisfactionRate)} /></Col>
              <Col span={6}><Statistic title={t('partners.amount')} value={fmtFen(d.amountFen)} /></Col>
            </Row>
            <Typography.Text type="secondary">
              {t('partners.settlementFormula', { n: d.repairs, rate: fmtFen(d.ratePerRepairFen), amount: fmtFen(d.amountFen) })}
            </Typography.Text>
            <Table
              size="small"
              rowKey="taskId"
              dataSource={d.items}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: <EmptyBlock text={t('partners.noRepairs')} /> }}
              columns={[
                { title: t('ticket.number'), dataIndex: 'ticketNumber', render: (v: string, r) => <Link to={`/tickets/${r.ticketId}`}>{v}</Link> },
                { title: t('common.customer'), dataIndex: 'customerName' },
                { title: t('partners.engineer'), dataIndex: 'engineerName', render: (v: string | null) => v ?? '—' },
                { title: t('weekly.dueAt'), dataIndex: 'dueAt', render: (v: string | null) => fmtDateTime(v) },
                { title: t('partners.completedAt'), dataIndex: 'completedAt', render: (v: string | null) => fmtDateTime(v) },
                { title: t('partners.onTime'), dataIndex: 'onTime', render: (v: boolean) => (v ? <Tag color="green">{t('common.yes')}</Tag> : <Tag color="red">{t('common.no')}</Tag>) },
                {
                  title: t('weekly.verdict'),
                  dataIndex: 'satisfied',
                  render: (v: boolean | null) =>
                    v === null ? '—' : v ? <Tag color="green">{t('outcome.satisfied')}</Tag> : <Tag color="red">{t('outcome.unsatisfied')}</Tag>,
                },
              ]}
            />
          </>
        )}
      </Space>
    </Drawer>
  );
}

export default function PartnersPage() {
  const { t } = useI18n();
  const user = useUser();
  const can = useCapabilities();
  const list = useQuery({ queryKey: ['partners', 'list'], queryFn: () => listPartners() });
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Partner | null>(null);
  const [modalOpen, setModalOpen] = useState(false);
  const [settling, setSettling] = useState<Partner | null>(null);
  const rows = useMemo(() => {
    const k = q.trim().toLowerCase();
    return (list.data?.items ?? []).filter((p) => !k || p.name.toLowerCase().includes(k));
  }, [list.data, q]);


  return (
    <Card
      title={t('partners.title')}
      data-testid="partners-page"
      extra={
        can.managePartners && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="partner-new"
            onClick={() => {
              setEditing(null);
              setModalOpen(true);
            }}
          >
            {t('partners.new')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Input.Search allowClear placeholder={t('partners.search')} style={{ maxWidth: 320 }} onSearch={setQ} onChange={(e) => !e.target.value && setQ('')} data-testid="partner-search" />
        <Table<Partner>
          rowKey="id"
          loading={list.isPending}
          dataSource={rows}
          data-testid="partner-table"
          locale={{ emptyText: <EmptyBlock text={list.error ? t('partners.loadFailed') : t('partners.empty')} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
          columns={[
            { title: t('partners.name'), dataIndex: 'name' },
            {
              title: t('partners.certifiedUntil'),
              dataIndex: 'certifiedUntil',
              render: (v: string, p) =>
                p.certified === false ? (
                  <Space>
                    <Typography.Text type="danger" data-testid="partner-expired">{v}</Typography.Text>
                    <Tag color="red">{t('assign.expired')}</Tag>
                  </Space>
                ) : (
                  v
                ),
            },
            { title: t('partners.rate'), dataIndex: 'ratePerRepairFen', render: (v: number) => fmtFen(v) },
            { title: t('common.createdAt'), dataIndex: 'createdAt', render: (v: string) => fmtDateTime(v) },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, p) => (
                <Space>
                  {can.managePartners && (
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => {
                        setEditing(p);
                        setModalOpen(true);
                      }}
                    >
                      {t('common.edit')}
                    </Button>
                  )}
                  {can.partnerSettlement && (
                    <Button size="small" icon={<AccountBookOutlined />} onClick={() => setSettling(p)} data-testid="partner-settlement">
                      {t('partners.settlement')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Space>
      <PartnerModal
        open={modalOpen}
        editing={editing}
        onClose={() => setModalOpen(false)}
        onSaved={() => {
          setModalOpen(false);
          void list.refetch();
        }}
      />
      <SettlementDrawer partner={settling} onClose={() => setSettling(null)} />
    </Card>
  );
}
