// The roles of the product (for pickers), and the signed-in user's capabilities as the server
// computes them from its policies (src/policies/capabilities.ts): the web holds no rule of its own.
import type { Schemas } from './api';
import { useUser } from './auth';

export type Role = Schemas['Actor']['roles'][number];
export const ROLES = [
  'sales', 'sales_manager', 'engineer', 'tech_manager', 'cs_agent', 'cs_manager', 'admin_clerk', 'gm', 'partner_engineer', 'sysadmin',
] as const;

export type Capabilities = Schemas['Capabilities'];
export type MenuKey = Capabilities['menus'][number];

/** What the signed-in user may do (menus and buttons). */
export function useCapabilities(): Capabilities {
  return useUser().capabilities;
}
