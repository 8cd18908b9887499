// A case's files: upload (and, on a phone, a camera button straight to a photo), images as
// thumbnails, everything downloadable. Visible to whoever may see the case.
import { useRef } from 'react';
import { App, Button, Empty, Grid, Image, List, Space, Typography } from 'antd';
import { CameraOutlined, DownloadOutlined, FileOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';
import { fmtDateTime } from '../../../app/format';
import { useUserNames } from '../../users/useUserNames';
import { useAttachments, useUpload } from '../queries';
import { MAX_ATTACHMENT_BYTES, attachmentUrl } from '../api';

const ACCEPT = 'image/*,application/pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A hidden file input and the button that opens it. */
export function FileButton(props: { accept: string; capture?: 'environment'; icon: React.ReactNode; label: string; testId: string; loading?: boolean; onFile: (f: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={props.accept}
        capture={props.capture}
        style={{ display: 'none' }}
        data-testid={`${props.testId}-input`}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) props.onFile(f);
        }}
      />
      <Button icon={props.icon} loading={props.loading} onClick={() => input.current?.click()} data-testid={props.testId}>
        {props.label}
      </Button>
    </>
  );
}

export function CaseFiles({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const phone = !Grid.useBreakpoint().md;
  const nameOf = useUserNames();
  const files = useAttachments(caseId);
  const upload = useUpload(caseId);
  const send = (f: File) => {
    if (f.size > MAX_ATTACHMENT_BYTES) {
      message.error(t('files.tooLarge', { name: f.name }));
      return;
    }
    upload.mutate(f, { onSuccess: (a) => message.success(t('files.uploaded', { name: a.name })) });
  };
  const items = files.data?.items ?? [];
  const images = items.filter((a) => a.contentType.startsWith('image/'));
  const others = items.filter((a) => !a.contentType.startsWith('image/'));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="case-files">
      <Space wrap>
        <FileButton accept={ACCEPT} icon={<PaperClipOutlined />} label={t('files.upload')} testId="file-upload" loading={upload.isPending} onFile={send} />
        {phone && <FileButton accept="image/*" capture="environment" icon={<CameraOutlined />} label={t('files.camera')} testId="file-camera" onFile={send} />}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('files.hint')}</Typography.Text>
      </Space>
      {items.length === 0 && !files.isPending ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('files.empty')} />
      ) : null}
      {images.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap size={8}>
            {images.map((a) => (
              <div key={a.id} style={{ width: 96 }} data-testid="file-thumb">
                <Image src={attachmentUrl(a.id)} alt={a.name} width={96} height={96} style={{ objectFit: 'cover', borderRadius: 4 }} />
                <Typography.Text ellipsis style={{ display: 'block', fontSize: 12 }} title={a.name}>{a.name}</Typography.Text>
              </div>
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {others.length > 0 && (
        <List
          size="small"
          dataSource={others}
          renderItem={(a) => (
            <List.Item
              data-testid="file-row"
              actions={[
                <a key="d" href={attachmentUrl(a.id)} download={a.name} aria-label={t('files.download')}>
                  <DownloadOutlined />
                </a>,
              ]}
            >
              <List.Item.Meta
                avatar={<FileOutlined />}
                title={<a href={attachmentUrl(a.id)} target="_blank" rel="noreferrer">{a.name}</a>}
                description={`${size(a.size)} · ${nameOf(a.uploadedBy)} · ${fmtDateTime(a.createdAt)}`}
              />
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
