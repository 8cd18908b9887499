import { Table, Tag, Tooltip } from 'antd';
import { useI18n } from '../../../app/i18n';
import { fmtDateTime } from '../../../app/format';
import { useUserNames } from '../../users/useUserNames';

export interface HistoryRow {
  at: string;
  actorId?: string | null;
  action: string;
  after?: unknown;
  /** the server left out fields from forms the reader is not copied on */
  withheld?: boolean;
  /** a completed step: which, how it ended, and the words it left for the next person */
  step?: string;
  outcome?: string;
  note?: string;
  comments?: { field: string; label: { zh: string; en: string }; value: string }[];
}

export function summary(after: unknown, tk: (p: string, v: string) => string): string {
  if (!after || typeof after !== 'object') return '';
  const a = after as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof a.step === 'string') parts.push(tk('step', a.step));
  if (typeof a.outcome === 'string' && a.outcome !== 'done') parts.push(tk('outcome', a.outcome));
  if (Array.isArray(a.next) && a.next.length) parts.push(`→ ${a.next.map((s) => tk('step', String(s))).join(', ')}`);
  if (typeof a.end === 'string') parts.push(`→ ${tk('state', a.end)}`);
  if (typeof a.note === 'string' && a.note) parts.push(a.note);
  return parts.join(' ');
}

/** The case's audit trail, newest last. */
export function HistoryList({ rows }: { rows: HistoryRow[] }) {
  const { t, tk } = useI18n();
  const nameOf = useUserNames();
  return (
    <Table<HistoryRow>
      size="small"
      rowKey={(r, i) => `${r.at}-${i}`}
      dataSource={rows}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      columns={[
        { title: t('history.at'), dataIndex: 'at', width: 160, render: (v: string) => fmtDateTime(v) },
        { title: t('history.actor'), dataIndex: 'actorId', width: 140, render: (v: string | null) => nameOf(v) },
        { title: t('history.action'), dataIndex: 'action', width: 180, render: (v: string) => tk('action', v) },
        {
          title: t('common.details'),
          key: 'after',
          render: (_, r) => (
            <>
              {summary(r.after, tk)}
              {r.withheld && (
                <Tooltip title={t('history.withheld')}>
                  <Tag style={{ marginInlineStart: 8 }} data-testid="history-withheld">
                    {t('history.withheldTag')}
                  </Tag>
                </Tooltip>
              )}
            </>
          ),
        },
      ]}
    />
  );
}
