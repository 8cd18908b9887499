// The menu each demo role sees: the spec both the policies table (src/policies/policies.test.ts)
// and the browser shell journey (test/e2e/shell.e2e.ts) check against.
export type Menu = 'home' | 'inbox' | 'deals' | 'tickets' | 'customers' | 'archive' | 'partners' | 'reports' | 'people' | 'settings' | 'process';

export const EXPECTED_MENUS: Record<string, Menu[]> = {
  sales: ['home', 'inbox', 'deals', 'customers', 'archive', 'people'],
  sales_manager: ['home', 'inbox', 'deals', 'customers', 'archive', 'reports', 'people'],
  engineer: ['home', 'inbox', 'deals', 'tickets', 'customers', 'archive', 'reports', 'people'],
  tech_manager: ['home', 'inbox', 'deals', 'tickets', 'customers', 'archive', 'partners', 'reports', 'people'],
  cs_agent: ['home', 'inbox', 'tickets', 'customers', 'archive', 'people'],
  cs_manager: ['home', 'inbox', 'tickets', 'customers', 'archive', 'reports', 'people'],
  admin_clerk: ['home', 'inbox', 'deals', 'customers', 'archive', 'people'],
  gm: ['home', 'inbox', 'deals', 'tickets', 'customers', 'archive', 'partners', 'reports', 'people', 'process'],
  partner_engineer: ['inbox', 'tickets'],
  sysadmin: ['home', 'inbox', 'customers', 'archive', 'partners', 'people', 'settings', 'process'],
};
