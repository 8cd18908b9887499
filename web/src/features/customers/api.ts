import { api, type ListReply } from '../../app/api';

export interface Customer {
  id: string;
  name: string;
  address: string;
  contactPerson: string;
  phone: string;
  serviceTier?: 'standard' | 'vip' | null;
  inServiceSince?: string | null;
  nextRevisitAt?: string | null;
  version?: number;
  createdAt?: string;
}

export interface Asset {
  id?: string;
  brandModel: string;
  serialNumber: string;
  configDocNumber: string;
  installedAt: string;
  replacedAt?: string | null;
}

export interface CaseSummary {
  id: string;
  number?: string | null;
  state: string;
  kind?: string;
  problem?: string;
  createdAt: string;
  dueAt?: string | null;
}

export interface DocumentSummary {
  id: string;
  form: string;
  number?: string | null;
  caseId?: string | null;
  createdAt: string;
}

export interface CustomerDetail extends Customer {
  assets?: Asset[];
  deals?: CaseSummary[];
  tickets?: CaseSummary[];
  documents?: DocumentSummary[];
}

export type CustomerInput = Pick<Customer, 'name' | 'address' | 'contactPerson' | 'phone'>;

export function searchCustomers(query: { q?: string; page?: number; pageSize?: number }) {
  return api.get<ListReply<Customer>>('/customers', query, { quiet: [404, 405, 501] });
}

export function getCustomer(id: string) {
  return api.get<CustomerDetail>(`/customers/${encodeURIComponent(id)}`, undefined, { quiet: [404] });
}

export function createCustomer(input: CustomerInput) {
  return api.post<Customer>('/customers', input);
}

/** `version` guards against overwriting someone else's change (409). */
export function updateCustomer(id: string, input: Partial<CustomerInput> & { version?: number }) {
  return api.patch<Customer>(`/customers/${encodeURIComponent(id)}`, input, { quiet: [404, 405, 501] });
}
