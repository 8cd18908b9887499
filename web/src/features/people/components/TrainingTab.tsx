// 培训: the month's training sessions on a calendar (Monday first); the responsible manager plans the
// month by the rules and opens a session to set its topic, lecturer and attendance.
import { useState } from 'react';
import { Button, Card, Space } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useI18n } from '../../../app/i18n';
import { useCapabilities } from '../../../app/access';
import { listTraining, planTraining, type TrainingSession } from '../api';
import { useMonth, useNames } from './hooks';
import { MonthPicker } from './MonthPicker';
import { TrainingSessionModal } from './TrainingSessionModal';

/** The month's days as calendar cells, Monday first: blanks (null) before the 1st. */
function calendarCells(month: string): (string | null)[] {
  const first = dayjs(`${month}-01`);
  const days = Array.from({ length: first.daysInMonth() }, (_, i) => first.add(i, 'day').format('YYYY-MM-DD'));
  return [...Array<null>((first.day() + 6) % 7).fill(null), ...days];
}

export function TrainingTab() {
  const { t } = useI18n();
  const can = useCapabilities();
  const qc = useQueryClient();
  const [month, setMonth] = useMonth();
  const names = useNames();
  const [editing, setEditing] = useState<TrainingSession | null>(null);
  const from = `${month}-01`;
  const q = useQuery({ queryKey: ['people', 'training', month], queryFn: () => listTraining(from, dayjs(from).add(1, 'month').format('YYYY-MM-DD')), enabled: !!month });
  const plan = useMutation({ mutationFn: () => planTraining(from, 5), onSuccess: () => qc.invalidateQueries({ queryKey: ['people', 'training'] }) });
  const byDate = new Map((q.data?.items ?? []).map((s) => [s.date, s]));
  const cells = month ? calendarCells(month) : [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <MonthPicker value={month} onChange={setMonth} />
        {can.planTraining && <Button type="primary" onClick={() => plan.mutate()} loading={plan.isPending}>{t('people.training.plan')}</Button>}
      </Space>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 4 }} data-testid="training-calendar">
        {t('people.training.weekdays').split(',').map((d) => <b key={d}>{d}</b>)}
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
                  09:00–12:00 {t(s.direction === 'business_to_technical' ? 'people.training.businessToTechnical' : 'people.training.technicalToBusiness')}
                  <br />{s.topic ? t('people.training.lecturerTopic', { lecturer: names.name(s.lecturerId), topic: s.topic }) : names.name(s.lecturerId)}
                  {!!s.attendeeIds?.length && <><br />{t('people.training.attended', { n: s.attendeeIds.length })}</>}
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
