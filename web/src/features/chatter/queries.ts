import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listUsers } from '../users/api';
import { addComment, listAttachments, listComments, uploadAttachment } from './api';

export const commentsKey = (caseId: string) => ['cases', caseId, 'comments'] as const;
export const attachmentsKey = (caseId: string) => ['cases', caseId, 'attachments'] as const;

export function useComments(caseId: string) {
  return useQuery({ queryKey: commentsKey(caseId), queryFn: () => listComments(caseId) });
}

export function useAttachments(caseId: string) {
  return useQuery({ queryKey: attachmentsKey(caseId), queryFn: () => listAttachments(caseId) });
}

/** `caseKey`: the case page's own query, refreshed too (its history gains the comment). */
export function useAddComment(caseId: string, caseKey?: readonly unknown[]) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { body: string; mentions: string[] }) => addComment(caseId, v.body, v.mentions),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: commentsKey(caseId) });
      if (caseKey) void qc.invalidateQueries({ queryKey: caseKey });
    },
  });
}

export function useUpload(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadAttachment(caseId, file),
    onSuccess: () => void qc.invalidateQueries({ queryKey: attachmentsKey(caseId) }),
  });
}

/** Who can be mentioned: active users (a partner engineer may not list staff: none then). */
export function useMentionable() {
  return useQuery({
    queryKey: ['users', 'mentionable'],
    queryFn: async () => {
      try {
        return (await listUsers({ status: 'active', pageSize: 200 }, true)).items;
      } catch {
        return [];
      }
    },
    staleTime: 5 * 60_000,
  });
}
