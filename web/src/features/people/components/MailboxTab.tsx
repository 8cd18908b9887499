// 领导信箱: the GM reads and answers the letters (an anonymous one has no author anywhere); everyone
// writes one and sees the answers to their signed letters.
import { useState } from 'react';
import { Button, Card, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n';
import { useCapabilities } from '../../../app/access';
import { fmtDate } from '../../../app/format';
import { myLetters, readMailbox, replyLetter, type Letter } from '../api';
import { LetterForm } from './LetterForm';
import { PeopleStateTag } from './PeopleStateTag';
import { TextModal } from './TextModal';

export function MailboxTab() {
  const { t } = useI18n();
  const can = useCapabilities();
  const qc = useQueryClient();
  const [replying, setReplying] = useState<Letter | null>(null);
  const box = useQuery({ queryKey: ['people', 'mailbox'], queryFn: readMailbox, enabled: can.readMailbox });
  const mine = useQuery({ queryKey: ['people', 'mailbox', 'mine'], queryFn: myLetters });
  // a letter keeps only the day it was written (YYYY-MM-DD), not the time
  const writtenOn = { title: t('people.mail.writtenOn'), dataIndex: 'createdAt', render: (v: string) => fmtDate(v) };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {can.readMailbox && (
        <Card title={t('people.mail.letters')} size="small">
          <Table
            rowKey="id" size="small" loading={box.isLoading} dataSource={box.data?.items ?? []} data-testid="mailbox-table" pagination={{ pageSize: 20 }}
            columns={[
              writtenOn,
              { title: t('people.mail.subject'), dataIndex: 'subject' },
              { title: t('people.mail.body'), dataIndex: 'body' },
              { title: t('people.mail.from'), render: (_, r) => r.author?.displayName ?? <Tag>{t('people.mail.anonymous')}</Tag> },
              {
                title: t('people.mail.reply'),
                render: (_, r) => r.reply ?? <Button size="small" data-testid={`mailbox-reply-${r.subject}`} onClick={() => setReplying(r)}>{t('people.mail.reply')}</Button>,
              },
              { title: t('common.state'), render: (_, r) => <PeopleStateTag state={r.state} /> },
            ]}
          />
        </Card>
      )}
      <LetterForm />
      <Card title={t('people.mail.mine')} size="small">
        <Table
          rowKey="id" size="small" dataSource={mine.data?.items ?? []} pagination={false}
          columns={[writtenOn, { title: t('people.mail.subject'), dataIndex: 'subject' }, { title: t('people.mail.reply'), dataIndex: 'reply' }]}
        />
      </Card>
      <TextModal
        open={!!replying} title={t('people.mail.replyTitle', { subject: replying?.subject ?? '' })} label={t('people.mail.replyBody')} missing={t('people.mail.replyBodyMissing')}
        field="body" formName="letter-reply" max={10_000} okText={t('people.mail.reply')} okId="mailbox-reply-ok"
        onSubmit={(body) => replyLetter(replying!.id, body).then(() => qc.invalidateQueries({ queryKey: ['people', 'mailbox'] }))}
        onClose={() => setReplying(null)}
      />
    </Space>
  );
}
