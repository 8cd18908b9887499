// Whether a closed ticket broke its close deadline, and whose step it counts against.
// Pure: takes the ticket and its tasks (with the names of who held them), no I/O.
//
// A ticket closed after its `dueAt` is a breach unless a special reason (特殊原因) explains it:
// one recorded on the ticket by the CS manager, or on every late step when it was completed.
// The breach counts against the owner of the first late step without a reason (a step completed
// after its own deadline); when no single step was late (the unsatisfied loop used up the two
// days), against the step that held the ticket when its deadline passed.

export interface BreachTicket { id: string; dueAt: Date; closedAt: Date | null; specialReason: string | null }
export interface BreachTask {
  id: string; step: string; createdAt: Date; dueAt: Date | null; completedAt: Date | null; completedBy: string | null;
  assigneeId: string | null; assigneeRole: string; partnerId: string | null; specialReason: string | null;
}
export interface TaskWithNames { task: BreachTask; completedByName: string | null; assigneeName: string | null; partnerName: string | null }

export interface BreachOwner {
  /** `partner:<id>`, `user:<id>` or `role:<role>` — the key breaches are grouped by */
  key: string;
  kind: 'partner' | 'user' | 'role';
  id: string;
  name: string;
  step: string;
  taskId: string;
}

export type BreachVerdict =
  | { status: 'open' | 'on_time' }
  | { status: 'excused'; reason: string }
  | { status: 'breach'; owner: BreachOwner | null };

function ownerOf(t: TaskWithNames): BreachOwner {
  const { task } = t;
  if (task.partnerId) return { key: `partner:${task.partnerId}`, kind: 'partner', id: task.partnerId, name: t.partnerName ?? task.partnerId, step: task.step, taskId: task.id };
  const userId = task.completedBy ?? task.assigneeId;
  if (userId) return { key: `user:${userId}`, kind: 'user', id: userId, name: (task.completedBy ? t.completedByName : t.assigneeName) ?? userId, step: task.step, taskId: task.id };
  return { key: `role:${task.assigneeRole}`, kind: 'role', id: task.assigneeRole, name: task.assigneeRole, step: task.step, taskId: task.id };
}

export function breachOf(ticket: BreachTicket, tasks: TaskWithNames[]): BreachVerdict {
  if (!ticket.closedAt) return { status: 'open' };
  if (ticket.closedAt.getTime() <= ticket.dueAt.getTime()) return { status: 'on_time' };
  if (ticket.specialReason) return { status: 'excused', reason: ticket.specialReason };
  const late = tasks.filter((t) => t.task.dueAt && t.task.completedAt && t.task.completedAt > t.task.dueAt);
  const unexcused = late.filter((t) => !t.task.specialReason);
  if (unexcused[0]) return { status: 'breach', owner: ownerOf(unexcused[0]) };
  if (late.length) return { status: 'excused', reason: late.map((t) => t.task.specialReason).join('；') };
  const due = ticket.dueAt.getTime();
  const holder = tasks.find((t) => t.task.createdAt.getTime() <= due && (!t.task.completedAt || t.task.completedAt.getTime() > due));
  return { status: 'breach', owner: holder ? ownerOf(holder) : null };
}
