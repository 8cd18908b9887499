import { api, type Schemas } from '../../app/api';

export type Customer = Schemas['Customer'];
/** A device in the customer's registry; a replaced one stays, marked `replacedAt`. */
export type Asset = Schemas['Asset'];
export type CustomerDetail = Schemas['CustomerDetail'];
/** The customer page's deal and ticket rows. */
export type CaseSummary = CustomerDetail['deals'][number] | CustomerDetail['tickets'][number];
export type DocumentSummary = CustomerDetail['documents'][number];

export type CustomerInput = Pick<Customer, 'name' | 'address' | 'contactPerson' | 'phone'>;

export function searchCustomers(query: { q?: string; page?: number; pageSize?: number }) {
  return api.get<Schemas['CustomerPage']>('/customers', query);
}

export function getCustomer(id: string) {
  return api.get<CustomerDetail>(`/customers/${encodeURIComponent(id)}`, undefined, { quiet: [404] });
}

/** A customer with the same name and phone gets 409 `customer.duplicate` (not reported here: the form
 *  offers the existing one) unless `allowDuplicate`. */
export function createCustomer(input: CustomerInput, allowDuplicate = false) {
  return api.post<Customer>('/customers', { ...input, ...(allowDuplicate ? { allowDuplicate } : {}) }, { quiet: [409] });
}

/** `version` guards against overwriting someone else's change (409). */
export function updateCustomer(id: string, input: Partial<CustomerInput> & { version?: number }) {
  return api.patch<Customer>(`/customers/${encodeURIComponent(id)}`, input);
}
