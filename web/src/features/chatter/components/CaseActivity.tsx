// The case's thread (Odoo's chatter): a comment box with @mentions, then the comments and the
// history in one time order, newest first. A completed step shows its label, how it ended, its
// note and the words it left for the next person (revise comments, the inquiry's answer, reasons).
import { useMemo, useRef, useState } from 'react';
import { Button, Empty, Mentions, Space, Tag, Timeline, Tooltip, Typography } from 'antd';
import { CommentOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';
import { fmtDateTime } from '../../../app/format';
import { useUserNames } from '../../users/useUserNames';
import { useProcessText } from '../../process/queries';
import { summary, type HistoryRow } from '../../tasks/components/HistoryList';
import { useAddComment, useComments, useMentionable } from '../queries';
import type { Comment } from '../api';

const SHOWN = 15;

type Item = { at: string; kind: 'comment'; comment: Comment } | { at: string; kind: 'history'; row: HistoryRow };

export function CaseActivity({ caseId, history = [], caseKey }: { caseId: string; history?: HistoryRow[]; caseKey?: readonly unknown[] }) {
  const { t, tk, lang } = useI18n();
  const text = useProcessText();
  const nameOf = useUserNames();
  const comments = useComments(caseId);
  const people = useMentionable().data ?? [];
  const add = useAddComment(caseId, caseKey);
  const [body, setBody] = useState('');
  const picked = useRef(new Map<string, string>()); // display name → user id, as picked after @
  const [all, setAll] = useState(false);

  const items = useMemo<Item[]>(() => {
    const list: Item[] = [
      // a comment is in the history too (comment.add): shown once, from the thread
      ...history.filter((h) => h.action !== 'comment.add').map((h) => ({ at: h.at, kind: 'history' as const, row: h })),
      ...(comments.data?.items ?? []).map((c) => ({ at: c.createdAt, kind: 'comment' as const, comment: c })),
    ];
    // newest first; entries of one instant keep their order of writing, reversed
    return list.map((it, i) => ({ it, i })).sort((a, b) => b.it.at.localeCompare(a.it.at) || b.i - a.i).map((x) => x.it);
  }, [comments.data, history]);

  const post = () => {
    const trimmed = body.trim();
    if (!trimmed || add.isPending) return;
    const mentions = [...picked.current.entries()].filter(([name]) => trimmed.includes(`@${name}`)).map(([, id]) => id);
    add.mutate({ body: trimmed, mentions: [...new Set(mentions)] }, {
      onSuccess: () => {
        setBody('');
        picked.current.clear();
      },
    });
  };

  const shown = all ? items : items.slice(0, SHOWN);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="case-activity">
      <div data-testid="comment-input">
      <Mentions
        rows={3}
        value={body}
        onChange={setBody}
        placeholder={t('chatter.placeholder')}
        options={people.map((u) => ({ value: u.displayName, label: `${u.displayName}（${u.username}）`, key: u.id }))}
        onSelect={(opt) => {
          const u = people.find((p) => p.displayName === opt.value);
          if (u) picked.current.set(u.displayName, u.id);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            post();
          }
        }}
        maxLength={5000}
      />
      </div>
      <div style={{ textAlign: 'right' }}>
        <Button type="primary" icon={<CommentOutlined />} onClick={post} loading={add.isPending} disabled={!body.trim()} data-testid="comment-send">
          {t('chatter.send')}
        </Button>
      </div>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('chatter.empty')} />
      ) : (
        <Timeline
          style={{ marginTop: 8 }}
          items={shown.map((it) => {
            if (it.kind === 'comment') {
              const c = it.comment;
              return {
                key: `c-${c.id}`,
                color: 'green',
                children: (
                  <div data-testid="activity-comment">
                    <Typography.Text strong>{nameOf(c.authorId)}</Typography.Text>{' '}
                    <Typography.Text type="secondary">{t('chatter.commented')} · {fmtDateTime(c.createdAt)}</Typography.Text>
                    <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{c.body}</div>
                    {c.mentions.length > 0 && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('chatter.mentions')}：{c.mentions.map((id) => nameOf(id)).join('、')}
                      </Typography.Text>
                    )}
                  </div>
                ),
              };
            }
            const h = it.row;
            const done = h.action === 'task.complete' && h.step;
            const title = done ? `${text.step(h.step)}${h.outcome ? ` · ${text.outcome(h.step!, h.outcome)}` : ''}` : tk('action', h.action);
            const rest = done ? '' : summary(h.after, tk);
            return {
              key: `h-${h.at}-${h.action}-${h.step ?? ''}-${h.actorId ?? ''}`,
              color: done ? 'blue' : 'gray',
              children: (
                <div data-testid={done ? 'activity-step' : 'activity-history'}>
                  <Typography.Text strong>{title}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {nameOf(h.actorId)} · {fmtDateTime(h.at)}
                  </Typography.Text>
                  {h.withheld && (
                    <Tooltip title={t('history.withheld')}>
                      <Tag style={{ marginInlineStart: 8 }} data-testid="history-withheld">{t('history.withheldTag')}</Tag>
                    </Tooltip>
                  )}
                  {rest && <div style={{ overflowWrap: 'anywhere' }}>{rest}</div>}
                  {h.comments?.map((w) => (
                    <div key={w.field} data-testid="activity-word" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      <Typography.Text type="secondary">{w.label[lang]}：</Typography.Text>
                      {w.value}
                    </div>
                  ))}
                  {h.note && (
                    <div data-testid="activity-note" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      <Typography.Text type="secondary">{t('chatter.note')}：</Typography.Text>
                      {h.note}
                    </div>
                  )}
                </div>
              ),
            };
          })}
        />
      )}
      {!all && items.length > SHOWN && (
        <Button type="link" onClick={() => setAll(true)}>{t('chatter.showAll', { n: items.length })}</Button>
      )}
    </Space>
  );
}
