import { api, type Schemas } from '../../app/api';

export type CaseType = 'deal' | 'ticket' | 'customer';

/** A task as the server sends it (inbox rows also carry `customerName` and `caseNumber`). */
export type Task = Schemas['Task'];

export interface CompleteTaskBody {
  outcome?: string;
  form?: Record<string, unknown>;
  note?: string;
}

export interface TaskQuery {
  page?: number;
  pageSize?: number;
  step?: string;
  q?: string;
  sort?: 'due_asc' | 'due_desc' | 'created_desc';
  caseId?: string;
}

/** My open work, one page. */
export function fetchMyOpenTasks(query: TaskQuery = {}) {
  return api.get<Schemas['TaskPage']>('/tasks', { mine: true, status: 'open', ...query });
}

export function completeTask(taskId: string, body: CompleteTaskBody) {
  return api.post<Schemas['CompleteTaskReply']>(`/tasks/${encodeURIComponent(taskId)}/complete`, body);
}

export function casePath(caseType: string | undefined, caseId: string): string {
  if (caseType === 'deal') return `/deals/${caseId}`;
  if (caseType === 'ticket') return `/tickets/${caseId}`;
  if (caseType === 'customer') return `/customers/${caseId}`;
  // a lead's contact task (issue 14): the leads tab of 人事与薪酬
  if (caseType === 'lead') return '/people?tab=leads';
  if (caseType === 'feedback') return `/feedback/${caseId}`;
  return `/cases/${caseId}`;
}

/** A department manager gives a task to one person, or (after-sales) to a partner company. */
export function assignTask(taskId: string, body: { assigneeId: string } | { partnerId: string }) {
  return api.post<Task>(`/tasks/${encodeURIComponent(taskId)}/assign`, body);
}
