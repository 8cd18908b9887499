// /r/{token}: the customer rates the repair on a phone, without signing in (issue 16).
import { useState } from 'react';
import { Button, Card, Input, Result, Space, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { ApiError } from '../../../app/api';
import { fmtDateTime } from '../../../app/format';
import { getRatingPage, submitRating } from '../api';

export default function RatingPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  const facts = useQuery({ queryKey: ['rating', token], queryFn: () => getRatingPage(token), retry: false });
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState<boolean | null>(null);
  const [done, setDone] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = async (satisfied: boolean) => {
    setSending(satisfied);
    setError(null);
    try {
      await submitRating(token, { satisfied, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      setDone(satisfied);
    } catch (e) {
      const status = e instanceof ApiError ? e.status : 0;
      setError(status === 410 ? t('rating.gone') : status === 429 ? t('rating.tooMany') : t('rating.failed'));
    } finally {
      setSending(null);
    }
  };

  const wrap = (child: React.ReactNode) => (
    <div style={{ maxWidth: 480, margin: '0 auto', padding: 16 }} data-testid="rating-page">
      <Typography.Title level={4} style={{ textAlign: 'center' }}>{t('rating.title')}</Typography.Title>
      {child}
    </div>
  );

  if (facts.isLoading) return wrap(<Spin style={{ display: 'block', marginTop: 48 }} />);
  if (facts.error) {
    const status = facts.error instanceof ApiError ? facts.error.status : 0;
    return wrap(<Result status={status === 404 ? '404' : 'warning'} title={status === 404 ? t('rating.unknown') : status === 429 ? t('rating.tooMany') : t('rating.gone')} />);
  }
  if (done !== null) return wrap(<Result status="success" title={t('rating.thanks')} subTitle={done ? t('rating.thanksSatisfied') : t('rating.thanksUnsatisfied')} data-testid="rating-done" />);
  const f = facts.data!;
  return wrap(
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Typography.Paragraph style={{ marginBottom: 4 }}><Typography.Text type="secondary">{t('rating.customer')}：</Typography.Text>{f.customerName}</Typography.Paragraph>
        <Typography.Paragraph style={{ marginBottom: 4 }}><Typography.Text type="secondary">{t('rating.number')}：</Typography.Text>{f.number}</Typography.Paragraph>
        <Typography.Paragraph style={{ marginBottom: 4 }}><Typography.Text type="secondary">{t('rating.problem')}：</Typography.Text>{f.problem}</Typography.Paragraph>
        {f.resolution && <Typography.Paragraph style={{ marginBottom: 4 }}><Typography.Text type="secondary">{t('rating.resolution')}：</Typography.Text>{f.resolution}</Typography.Paragraph>}
        {f.resolvedAt && <Typography.Text type="secondary">{t('rating.resolvedAt')}：{fmtDateTime(f.resolvedAt)}</Typography.Text>}
      </Card>
      <Typography.Text strong>{t('rating.question')}</Typography.Text>
      <Input.TextArea rows={3} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('rating.comment')} data-testid="rating-comment" />
      <div style={{ display: 'flex', gap: 12 }}>
        <Button type="primary" size="large" block loading={sending === true} disabled={sending !== null} onClick={() => send(true)} data-testid="rating-satisfied">{t('rating.satisfied')}</Button>
        <Button danger size="large" block loading={sending === false} disabled={sending !== null} onClick={() => send(false)} data-testid="rating-unsatisfied">{t('rating.unsatisfied')}</Button>
      </div>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('rating.expires')} {fmtDateTime(f.expiresAt)}</Typography.Text>
    </Space>,
  );
}
