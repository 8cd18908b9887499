// Roles and departments of PROCESS.md §1.
export const ROLES = [
  'sales', 'sales_manager', 'engineer', 'tech_manager', 'cs_agent', 'cs_manager',
  'admin_clerk', 'gm', 'partner_engineer', 'sysadmin',
] as const;
export type Role = (typeof ROLES)[number];

export const DEPARTMENTS = ['business', 'technical', 'customer_service', 'admin', 'management', 'partner', 'it'] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const ROLE_DEPARTMENT: Record<Role, Department> = {
  sales: 'business', sales_manager: 'business',
  engineer: 'technical', tech_manager: 'technical',
  cs_agent: 'customer_service', cs_manager: 'customer_service',
  admin_clerk: 'admin', gm: 'management', partner_engineer: 'partner', sysadmin: 'it',
};

/** The manager who receives escalations for work owned by a department. */
export const DEPARTMENT_MANAGER: Partial<Record<Department, Role>> = {
  business: 'sales_manager', technical: 'tech_manager', customer_service: 'cs_manager',
  admin: 'gm', partner: 'tech_manager', management: 'gm',
};

export const ROLE_LABEL_ZH: Record<Role, string> = {
  sales: '业务员', sales_manager: '业务经理', engineer: '技术工程师', tech_manager: '技术经理',
  cs_agent: '客服人员', cs_manager: '客服经理', admin_clerk: '行政人员', gm: '总经理',
  partner_engineer: '外包服务商工程师', sysadmin: '系统管理员',
};

export const DEPARTMENT_LABEL_ZH: Record<Department, string> = {
  business: '业务部', technical: '技术部', customer_service: '客服部', admin: '行政部',
  management: '总经理室', partner: '外包服务商', it: '系统管理',
};

export const MANAGER_ROLES: Role[] = ['sales_manager', 'tech_manager', 'cs_manager', 'gm'];
export const STAFF_ROLES: Role[] = ROLES.filter((r) => r !== 'partner_engineer');

export const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);
