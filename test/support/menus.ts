// The menu each demo role sees: the spec both the policies table (src/policies/policies.test.ts)
// and the browser shell journey (test/e2e/shell.e2e.ts) check against.
export type Menu = 'inbox' | 'deals' | 'tickets' | 'customers' | 'archive' | 'partners' | 'reports' | 'people' | 'settings' | 'process';

export const EXPECTED_MENUS: Record<string, Menu[]> = {
  sales: ['inbox', 'deals', 'customers', 'archive', 'people'],
  sales_manager: ['inbox', 'deals', 'customers', 'archive', 'reports', 'people'],
  engineer: ['inbox', 'deals', 'tickets', 'customers', 'archive', 'reports', 'people'],
  tech_manager: ['inbox', 'deals', 'tickets', 'customers', 'archive', 'partners', 'reports', 'people'],
  cs_agent: ['inbox', 'tickets', 'customers', 'archive', 'people'],
  cs_manager: ['inbox', 'tickets', 'customers', 'archive', 'reports', 'people'],
  admin_clerk: ['inbox', 'deals', 'customers', 'archive', 'people'],
  gm: ['inbox', 'deals', 'tickets', 'customers', 'archive', 'partners', 'reports', 'people', 'process'],
  partner_engineer: ['inbox', 'tickets'],
  sysadmin: ['inbox', 'customers', 'archive', 'partners', 'people', 'settings', 'process'],
};
