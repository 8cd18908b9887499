// Roles and departments of PROCESS.md §1. The ten built-in roles are what the policies speak of;
// the process definition (its `roles` and `departments`) says which department each role is in,
// which role manages each department, and may add roles that are `like` a built-in one (issue 10).
export const ROLES = [
  'sales', 'sales_manager', 'engineer', 'tech_manager', 'cs_agent', 'cs_manager',
  'admin_clerk', 'gm', 'partner_engineer', 'sysadmin',
] as const;
export type Role = (typeof ROLES)[number];

export const DEPARTMENTS = ['business', 'technical', 'customer_service', 'admin', 'management', 'partner', 'it'] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** A role or department key a definition may add: safe in URLs, SQL JSON and i18n keys. */
export const ORG_KEY = /^[a-z][a-z0-9_]{1,40}$/;

/** The organisation a definition describes: each role's department and the built-in role whose
 *  capabilities it has (`like`), each department's manager. The definition itself is one. */
export interface Organisation {
  roles: Readonly<Record<string, { department: string; like?: string }>>;
  departments: Readonly<Record<string, { manager?: string }>>;
}

/** The organisation of the default process (actors built without a definition use it). */
export const DEFAULT_ORGANISATION: Organisation = {
  roles: {
    sales: { department: 'business' }, sales_manager: { department: 'business' },
    engineer: { department: 'technical' }, tech_manager: { department: 'technical' },
    cs_agent: { department: 'customer_service' }, cs_manager: { department: 'customer_service' },
    admin_clerk: { department: 'admin' }, gm: { department: 'management' },
    partner_engineer: { department: 'partner' }, sysadmin: { department: 'it' },
  },
  departments: {
    business: { manager: 'sales_manager' }, technical: { manager: 'tech_manager' }, customer_service: { manager: 'cs_manager' },
    admin: { manager: 'gm' }, management: { manager: 'gm' }, partner: { manager: 'tech_manager' }, it: {},
  },
};

/** Only the parts the policies need (an actor carries this, not the whole definition). */
export function organisationOf(def: Organisation): Organisation {
  return { roles: def.roles, departments: def.departments };
}

/** The built-in role a role stands for: itself, or the one it is `like`. */
export function baseRole(org: Organisation, role: string): string {
  return org.roles[role]?.like ?? role;
}

/** The roles whose capabilities a user holding `roles` has: its own and those they are `like`. */
export function effectiveRoles(org: Organisation, roles: readonly string[]): string[] {
  return [...new Set(roles.flatMap((r) => [r, baseRole(org, r)]))];
}

/** The role managing a department (none: the GM). */
export function managerOf(org: Organisation, department: string): string | undefined {
  return org.departments[department]?.manager;
}

/** The roles that manage some department. */
export function managerRoles(org: Organisation): string[] {
  return [...new Set(Object.values(org.departments).map((d) => d.manager).filter((m): m is string => !!m))];
}

export const ROLE_LABEL_ZH: Record<Role, string> = {
  sales: '业务员', sales_manager: '业务经理', engineer: '技术工程师', tech_manager: '技术经理',
  cs_agent: '客服人员', cs_manager: '客服经理', admin_clerk: '行政人员', gm: '总经理',
  partner_engineer: '外包服务商工程师', sysadmin: '系统管理员',
};

export const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);
