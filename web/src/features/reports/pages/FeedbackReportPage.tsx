// 客户反馈汇总 (the feedback cycle, issue 13): the period's customer opinions by customer, the CS
// summary, the GM's findings, each adjustment with its task — and the step the reader has to do.
import { Card, Descriptions, List, Space, Table, Tag, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n';
import { fmtDateTime } from '../../../app/format';
import { fetchMyOpenTasks } from '../../tasks/api';
import { TaskPanel } from '../../tasks/components/TaskPanel';
import { getFeedbackReport, type FeedbackReport } from '../api';

const TAG_COLOR: Record<string, string> = { unsatisfied: 'red', complaint: 'orange', problem_found: 'volcano', satisfied: 'green', revisit: 'blue' };

export default function FeedbackReportPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const caseKey = ['feedback', id];
  const report = useQuery({ queryKey: [...caseKey, 'report'], queryFn: () => getFeedbackReport(id) });
  const mine = useQuery({ queryKey: caseKey, queryFn: async () => ({ tasks: (await fetchMyOpenTasks({ caseId: id })).items, documents: [] }) });
  const r: FeedbackReport | undefined = report.data;
  if (!r) return null;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={<Space>{t('fb.title')} <Typography.Text code>{r.number}</Typography.Text><Tag data-testid="feedback-state">{r.state}</Tag></Space>}>
        <Descriptions size="small" column={2}>
          <Descriptions.Item label={t('mgmt.period')}>{r.period}（{fmtDateTime(r.from)} – {fmtDateTime(r.to)}）</Descriptions.Item>
          {r.compile?.summary && <Descriptions.Item label={t('fb.summary')}>{r.compile.summary}</Descriptions.Item>}
          {r.review?.findings && <Descriptions.Item label={t('fb.findings')}>{r.review.findings}</Descriptions.Item>}
        </Descriptions>
      </Card>
      {(mine.data?.tasks ?? []).map((task) => (
        <TaskPanel key={task.id} task={task} caseData={{ documents: [] }} caseKey={caseKey} />
      ))}
      {!!r.adjustments.length && (
        <Card title={t('fb.adjustments')} data-testid="feedback-adjustments">
          <Table size="small" pagination={false} rowKey={(a) => a.task.id} dataSource={r.adjustments} columns={[
            { title: t('fb.department'), dataIndex: 'departmentLabel' },
            { title: t('fb.what'), dataIndex: 'what' },
            { title: t('mgmt.due'), render: (_, a) => <span style={{ color: a.task.overdue ? '#cf1322' : undefined }}>{fmtDateTime(a.task.dueAt)}</span> },
            { title: t('fb.status'), render: (_, a) => <Tag color={a.task.status === 'done' ? 'green' : a.escalationLevel ? 'red' : 'blue'}>{a.task.status === 'done' ? t('fb.done') : a.escalationLevel ? t('fb.escalated') : t('fb.open')}</Tag> },
            { title: t('fb.note'), dataIndex: 'note' },
          ]} />
        </Card>
      )}
      <Card title={t('fb.opinions')} data-testid="feedback-opinions">
        <List dataSource={r.opinions} renderItem={(g) => (
          <List.Item>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text strong>{g.customerName}</Typography.Text>
              {g.items.map((o, i) => (
                <div key={i}><Tag color={TAG_COLOR[o.tag]}>{t(`fb.tag.${o.tag}` as 'fb.tag.complaint')}</Tag>{o.ticketNumber && <Typography.Text type="secondary">{o.ticketNumber} </Typography.Text>}{o.text}</div>
              ))}
            </Space>
          </List.Item>
        )} />
      </Card>
    </Space>
  );
}
