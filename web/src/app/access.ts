// Who sees what — the one place for the web app's role rules (like Ant Design Pro's
// src/access.ts). The server enforces the real authorization; this only shapes the UI.

export const ROLES = [
  'sales',
  'sales_manager',
  'engineer',
  'tech_manager',
  'cs_agent',
  'cs_manager',
  'admin_clerk',
  'gm',
  'partner_engineer',
  'sysadmin',
] as const;
export type Role = (typeof ROLES)[number];

export type MenuKey = 'inbox' | 'deals' | 'tickets' | 'customers' | 'archive' | 'partners' | 'reports' | 'settings' | 'process';

/** Staff = everyone who works for the company (outsourced partner engineers do not). */
const STAFF: readonly Role[] = ROLES.filter((r) => r !== 'partner_engineer');

/** Menu entry → roles that see it; `'all'` = every signed-in user. */
export const MENU_ACCESS: Record<MenuKey, readonly Role[] | 'all'> = {
  inbox: 'all',
  deals: ['sales', 'sales_manager', 'engineer', 'gm', 'admin_clerk', 'tech_manager'],
  tickets: ['cs_agent', 'cs_manager', 'engineer', 'tech_manager', 'partner_engineer', 'gm'],
  customers: STAFF,
  archive: STAFF,
  partners: ['sysadmin', 'tech_manager', 'gm'],
  reports: ['sales_manager', 'tech_manager', 'cs_manager', 'gm'],
  settings: ['sysadmin'],
  /** 流程设置: the process editor */
  process: ['sysadmin', 'gm'],
};

/** Menu order as shown in the side bar. */
export const MENU_ORDER: readonly MenuKey[] = ['inbox', 'deals', 'tickets', 'customers', 'archive', 'partners', 'reports', 'settings', 'process'];

function hasAny(roles: readonly string[], allowed: readonly Role[]): boolean {
  return roles.some((r) => (allowed as readonly string[]).includes(r));
}

export function canSeeMenu(key: MenuKey, roles: readonly string[]): boolean {
  const rule = MENU_ACCESS[key];
  return rule === 'all' ? roles.length > 0 : hasAny(roles, rule);
}

export function visibleMenus(roles: readonly string[]): MenuKey[] {
  return MENU_ORDER.filter((k) => canSeeMenu(k, roles));
}

/** Finer UI switches (buttons, default views). */
export function access(roles: readonly string[]) {
  return {
    createDeal: hasAny(roles, ['sales']),
    createTicket: hasAny(roles, ['cs_agent']),
    createCustomer: hasAny(roles, STAFF),
    editCustomer: hasAny(roles, STAFF),
    viewCustomer: hasAny(roles, STAFF),
    negotiationLog: hasAny(roles, ['sales', 'sales_manager']),
    dealsKanbanByDefault: hasAny(roles, ['sales_manager']) && !hasAny(roles, ['sales']),
    manageUsers: hasAny(roles, ['sysadmin']),
    manageCalendar: hasAny(roles, ['sysadmin']),
    /** 归档: the administration clerk files documents */
    archiveDocument: hasAny(roles, ['admin_clerk']),
    /** create / edit outsourced partners (the GM only reads) */
    managePartners: hasAny(roles, ['sysadmin', 'tech_manager']),
    partnerSettlement: hasAny(roles, ['tech_manager', 'gm']),
    /** 周总结: the GM and the department managers */
    weeklySummary: hasAny(roles, ['gm', 'sales_manager', 'tech_manager', 'cs_manager']),
  };
}

/** Can this user act on a task (the server has the final word)? */
export function canWorkOnTask(
  task: { assigneeRole: string; assigneeId?: string | null; assigneeIds?: string[]; partnerId?: string | null; status: string; step: string },
  user: { id: string; roles: readonly string[]; partnerId?: string | null },
): boolean {
  if (task.status !== 'open') return false;
  if (task.assigneeId === user.id || task.assigneeIds?.includes(user.id)) return true;
  // after-sales steps may also go to an outsourced company's engineers
  if (task.partnerId && user.partnerId === task.partnerId && user.roles.includes('partner_engineer')) return true;
  if (!user.roles.includes(task.assigneeRole)) return false;
  // a task given to a named person or company is theirs alone
  return !task.assigneeId && !(task.assigneeIds && task.assigneeIds.length) && !task.partnerId;
}

/** Who manages the work of a role (DEPARTMENT_MANAGER on the server); the GM may assign anything. */
const MANAGER_OF_ROLE: Partial<Record<Role, Role>> = {
  sales: 'sales_manager',
  sales_manager: 'sales_manager',
  engineer: 'tech_manager',
  tech_manager: 'tech_manager',
  partner_engineer: 'tech_manager',
  cs_agent: 'cs_manager',
  cs_manager: 'cs_manager',
  admin_clerk: 'gm',
};

export function canAssignTask(task: { assigneeRole: string; status: string }, roles: readonly string[]): boolean {
  if (task.status !== 'open') return false;
  if (roles.includes('gm')) return true;
  const manager = MANAGER_OF_ROLE[task.assigneeRole as Role];
  return !!manager && roles.includes(manager);
}
