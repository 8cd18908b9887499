// Comments and attachments of a case or customer (API.md "Hand-offs").
import { api, buildUrl, type ListReply, type Schemas } from '../../app/api';

export type Comment = Schemas['Comment'];
export type Attachment = Schemas['Attachment'];

/** The server's limit (larger files get 413); checked before uploading. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export function listComments(caseId: string) {
  return api.get<ListReply<Comment>>(`/cases/${encodeURIComponent(caseId)}/comments`);
}

export function addComment(caseId: string, body: string, mentions: string[]) {
  return api.post<Comment>(`/cases/${encodeURIComponent(caseId)}/comments`, { body, mentions });
}

export function listAttachments(caseId: string) {
  return api.get<ListReply<Attachment>>(`/cases/${encodeURIComponent(caseId)}/attachments`);
}

export function uploadAttachment(caseId: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.request<Attachment>(`/cases/${encodeURIComponent(caseId)}/attachments`, { method: 'POST', body: form });
}

/** The file itself (the session cookie authenticates); images and PDF open inline. */
export function attachmentUrl(id: string): string {
  return buildUrl(`/attachments/${encodeURIComponent(id)}`);
}
