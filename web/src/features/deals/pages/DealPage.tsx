import { Alert, Card, Col, Collapse, Descriptions, Row, Space, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/auth';
import { access } from '../../../app/access';
import { useRemote } from '../../../app/useRemote';
import { fmtDateTime, fmtFen } from '../../../app/format';
import { NotFoundState } from '../../../components/EmptyState';
import { StateTag } from '../../../components/StateTag';
import { DocumentList } from '../../documents/components/DocumentList';
import { TaskPanel } from '../../tasks/components/TaskPanel';
import { TaskTimeline } from '../../tasks/components/TaskTimeline';
import { HistoryList } from '../../tasks/components/HistoryList';
import { useUserNames } from '../../users/useUserNames';
import { getDeal } from '../api';
import { DEAL_STEP_FORMS } from '../components/stepForms';
import { NegotiationLog } from '../components/NegotiationLog';

export default function DealPage() {
  const { id = '' } = useParams();
  const { t, tk } = useI18n();
  const user = useUser();
  const can = access(user.roles);
  const nameOf = useUserNames();
  const deal = useRemote(() => getDeal(id), [id]);

  if (deal.loading && !deal.data) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (deal.error?.status === 404) return <NotFoundState />;
  if (!deal.data) return <NotFoundState />;
  const d = deal.data;
  const tasks = d.tasks ?? [];
  const open = tasks.filter((x) => x.status === 'open');
  const negotiating = d.state === 'negotiation' || d.state === 'proposal_delivery';
  const showLog = negotiating || (d.negotiationLog?.length ?? 0) > 0;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span data-testid="deal-number">{d.number ?? d.id}</span>
            <StateTag state={d.state} />
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('common.customer')}>
            {d.customer ? <Link to={`/customers/${d.customerId}`}>{d.customer.name}</Link> : d.customerId}
          </Descriptions.Item>
          <Descriptions.Item label={t('customer.contactPerson')}>
            {d.customer ? `${d.customer.contactPerson} ${d.customer.phone}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('deal.owner')}>{nameOf(d.ownerId)}</Descriptions.Item>
          <Descriptions.Item label={t('common.createdAt')}>{fmtDateTime(d.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('deal.secondMeetingAt')}>{fmtDateTime(d.secondMeetingAt)}</Descriptions.Item>
          {d.amountFen != null && <Descriptions.Item label={t('nego.amountFen')}>{fmtFen(d.amountFen)}</Descriptions.Item>}
          {d.paymentModel && <Descriptions.Item label={t('nego.paymentModel')}>{tk('nego.paymentModel', d.paymentModel)}</Descriptions.Item>}
          {d.endReason && <Descriptions.Item label={t('nego.reason')}>{d.endReason}</Descriptions.Item>}
          {d.competitor && <Descriptions.Item label={t('nego.competitor')}>{d.competitor}</Descriptions.Item>}
        </Descriptions>
        {d.longNegotiation && <Alert type="warning" showIcon title={t('deal.longNegotiation')} style={{ marginTop: 12 }} />}
      </Card>

      <Row gutter={[24, 24]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            {open.length === 0 ? (
              <Card>
                <Typography.Text type="secondary">{t('deal.finished')}</Typography.Text>
              </Card>
            ) : (
              open.map((task) => <TaskPanel key={task.id} task={task} caseData={d} forms={DEAL_STEP_FORMS} onCompleted={deal.reload} />)
            )}
            {showLog && (
              <Card title={t('deal.negotiationLog')}>
                <NegotiationLog
                  dealId={d.id}
                  entries={d.negotiationLog ?? []}
                  canAdd={negotiating && can.negotiationLog}
                  managerKinds={user.roles.includes('sales_manager') || user.roles.includes('gm')}
                  onAdded={deal.reload}
                />
              </Card>
            )}
            <Card title={t('deal.documents')}>
              <DocumentList documents={d.documents ?? []} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Card title={t('deal.timeline')}>
              <TaskTimeline tasks={tasks} startLabel={t('deal.created')} startAt={d.createdAt} />
            </Card>
            <Collapse items={[{ key: 'h', label: t('deal.history'), children: <HistoryList rows={d.history ?? []} /> }]} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
