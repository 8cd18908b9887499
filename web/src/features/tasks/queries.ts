// Query helpers for tasks: the case page updates from a completion's or an assignment's
// reply (setQueryData) and only re-reads that one case and the lists, not everything.
import { useQuery, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { FormDocument } from '../documents/api';
import { fetchMyOpenTasks, type Task } from './api';

/** What every case page (deal, ticket) carries that a task reply changes. */
export interface CaseView {
  id: string;
  state: string;
  tasks?: Task[];
  documents?: FormDocument[];
}

export interface CompletionReply {
  task: Task;
  next: Task[];
  document?: FormDocument;
}

function withTasks<C extends CaseView>(c: C, changed: Task[]): C {
  const ids = new Set(changed.map((x) => x.id));
  return { ...c, tasks: [...(c.tasks ?? []).filter((x) => !ids.has(x.id)), ...changed] };
}

/**
 * A step was completed: the closed task, the opened ones and the new document go into the
 * cached case at once; the case is then re-read in the background for what effects changed
 * (figures, history), and the lists (inbox, deals, tickets) are marked stale.
 */
export function applyCompletion(queryClient: QueryClient, caseKey: QueryKey, reply: CompletionReply): Promise<void> {
  queryClient.setQueryData<CaseView>(caseKey, (c) => {
    if (!c) return c;
    const next = withTasks(c, [reply.task, ...reply.next]);
    const documents = reply.document ? [...(c.documents ?? []).filter((d) => d.id !== reply.document!.id), reply.document] : c.documents;
    // the case's state is its open step; an end state comes with the re-read
    return { ...next, documents, state: reply.next[0]?.step ?? c.state };
  });
  void queryClient.invalidateQueries({ queryKey: ['list'] });
  void queryClient.invalidateQueries({ queryKey: ['tasks'] });
  return queryClient.invalidateQueries({ queryKey: caseKey });
}

/** A task was given to someone: replace it in the cached case. */
export function applyAssignment(queryClient: QueryClient, caseKey: QueryKey, task: Task): void {
  queryClient.setQueryData<CaseView>(caseKey, (c) => (c ? withTasks(c, [task]) : c));
  void queryClient.invalidateQueries({ queryKey: ['list', 'inbox'] });
}

/** My open tasks on one case (a customer's revisits). */
export function useCaseTasks(caseId: string) {
  return useQuery({ queryKey: ['tasks', 'case', caseId], queryFn: () => fetchMyOpenTasks({ caseId, pageSize: 50 }) });
}
