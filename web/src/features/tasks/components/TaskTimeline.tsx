import { Tag, Timeline, Typography } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';
import { compareIso, fmtDateTime } from '../../../app/format';
import { useUserNames } from '../../users/useUserNames';
import type { Task } from '../api';
import { useProcessText } from '../../process/queries';

/** The steps a case went through: who, when created, due, done, late. */
export function TaskTimeline({ tasks, startLabel, startAt }: { tasks: Task[]; startLabel?: string; startAt?: string }) {
  const { t, tk } = useI18n();
  const nameOf = useUserNames();
  const text = useProcessText();
  const sorted = [...tasks].sort((a, b) => compareIso(a.createdAt, b.createdAt));
  const items = sorted.map((task) => {
    const doneAt = task.completedAt;
    const open = task.status === 'open';
    const late = task.overdue;
    const color = open ? (late ? 'red' : 'blue') : late ? 'orange' : 'green';
    const icon = open ? (late ? <ExclamationCircleOutlined /> : <ClockCircleOutlined />) : <CheckCircleOutlined />;
    const who = task.completedBy ? nameOf(task.completedBy) : task.assigneeId ? nameOf(task.assigneeId) : text.role(task.assigneeRole);
    return {
      key: task.id,
      color,
      icon,
      content: (
        <div data-testid="timeline-item">
          <Typography.Text strong>{text.step(task.step)}</Typography.Text>{' '}
          {open ? (
            <Tag color={late ? 'red' : 'processing'}>{late ? t('inbox.overdue') : t('timeline.open')}</Tag>
          ) : (
            <Tag color={late ? 'orange' : 'green'}>{late ? t('timeline.late') : t('timeline.onTime')}</Tag>
          )}
          {task.outcome && task.outcome !== 'done' && <Tag>{tk('outcome', task.outcome)}</Tag>}
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
            {t('timeline.assignee')}: {text.role(task.assigneeRole)}
            {who && who !== text.role(task.assigneeRole) ? ` · ${who}` : ''}
            {' · '}
            {t('timeline.created')} {fmtDateTime(task.createdAt)}
            {' · '}
            {t('timeline.due')} {fmtDateTime(task.dueAt)}
            {doneAt && (
              <>
                {' · '}
                {t('timeline.done')} {fmtDateTime(doneAt)}
              </>
            )}
          </div>
        </div>
      ),
    };
  });
  if (startLabel) {
    items.unshift({
      key: 'start',
      color: 'gray',
      icon: <CheckCircleOutlined />,
      content: (
        <div>
          <Typography.Text strong>{startLabel}</Typography.Text>
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{fmtDateTime(startAt)}</div>
        </div>
      ),
    });
  }
  return <Timeline items={items} data-testid="task-timeline" />;
}
