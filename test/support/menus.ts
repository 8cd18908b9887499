// The menu each demo role sees: the spec both the policies table (src/policies/policies.test.ts)
// and the browser shell journey (test/e2e/shell.e2e.ts) check against.
export type Menu = 'inbox' | 'deals' | 'tickets' | 'customers' | 'archive' | 'partners' | 'reports' | 'settings' | 'process';

export const EXPECTED_MENUS: Record<string, Menu[]> = {
  sales: ['inbox', 'deals', 'customers', 'archive'],
  sales_manager: ['inbox', 'deals', 'customers', 'archive', 'reports'],
  engineer: ['inbox', 'deals', 'tickets', 'customers', 'archive', 'reports'],
  tech_manager: ['inbox', 'deals', 'tickets', 'customers', 'archive', 'partners', 'reports'],
  cs_agent: ['inbox', 'tickets', 'customers', 'archive'],
  cs_manager: ['inbox', 'tickets', 'customers', 'archive', 'reports'],
  admin_clerk: ['inbox', 'deals', 'customers', 'archive'],
  gm: ['inbox', 'deals', 'tickets', 'customers', 'archive', 'partners', 'reports', 'process'],
  partner_engineer: ['inbox', 'tickets'],
  sysadmin: ['inbox', 'customers', 'archive', 'partners', 'settings', 'process'],
};
