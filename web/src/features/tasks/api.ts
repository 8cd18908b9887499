import { api, type ListReply } from '../../app/api';

export type CaseType = 'deal' | 'ticket' | 'customer';

export interface Task {
  id: string;
  step: string;
  caseType: CaseType;
  caseId: string;
  assigneeRole: string;
  assigneeId: string | null;
  createdAt: string;
  dueAt: string | null;
  status: 'open' | 'done';
  overdue: boolean;
  customerName?: string | null;
  caseNumber?: string | null;
  remainingWorkingHours?: number | null;
  // optional extras a server may send for timelines
  assigneeName?: string | null;
  completedAt?: string | null;
  doneAt?: string | null;
  completedBy?: string | null;
  completedByName?: string | null;
  outcome?: string | null;
  note?: string | null;
  partnerId?: string | null;
  assigneeIds?: string[];
  tier?: string | null;
  /** what the signed-in user may do with it (the server's policy) */
  abilities?: { complete: boolean; assign: boolean; assignToPartner?: boolean };
}

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

/** My open work. The server pages (`total`); the contract only promises `items`. */
export function fetchMyOpenTasks(query: TaskQuery = {}) {
  return api.get<ListReply<Task>>('/tasks', { mine: true, status: 'open', ...query });
}

export function completeTask(taskId: string, body: CompleteTaskBody) {
  return api.post<{ task: Task; next: Task[] }>(`/tasks/${encodeURIComponent(taskId)}/complete`, body);
}

export function casePath(caseType: string | undefined, caseId: string): string {
  if (caseType === 'deal') return `/deals/${caseId}`;
  if (caseType === 'ticket') return `/tickets/${caseId}`;
  if (caseType === 'customer') return `/customers/${caseId}`;
  return `/cases/${caseId}`;
}

/** A department manager gives a task to one person, or (after-sales) to a partner company. */
export function assignTask(taskId: string, body: { assigneeId: string } | { partnerId: string }) {
  return api.post<Task>(`/tasks/${encodeURIComponent(taskId)}/assign`, body);
}
