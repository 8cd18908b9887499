// Reply shapes of comments and attachments (service.ts).
import { z } from 'zod';
import { instant, listOf } from '../../server/replies.js';

export const comment = z.object({
  id: z.string(), caseId: z.string(), authorId: z.string(), body: z.string(), mentions: z.array(z.string()), createdAt: instant,
}).meta({ id: 'Comment' });

export const attachment = z.object({
  id: z.string(), caseId: z.string(), name: z.string(), size: z.number().int(), contentType: z.string(), uploadedBy: z.string(), createdAt: instant,
}).meta({ id: 'Attachment' });

export const commentList = listOf(comment);
export const attachmentList = listOf(attachment);

export const commentInput = z.object({
  body: z.string().trim().min(1).max(5000),
  mentions: z.array(z.string().min(1).max(100)).max(20).default([]),
});
