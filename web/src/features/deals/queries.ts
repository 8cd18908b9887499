import { useQuery } from '@tanstack/react-query';
import { getDeal, getPurchases } from './api';

export const dealKey = (id: string) => ['deal', id] as const;

export function useDeal(id: string) {
  return useQuery({ queryKey: dealKey(id), queryFn: () => getDeal(id) });
}

export const purchasesKey = (dealId: string) => ['deal', dealId, 'purchases'] as const;

/** 采购: the purchase list; it lives under the deal's key, so a completion re-reads it too. */
export function usePurchases(dealId: string) {
  return useQuery({ queryKey: purchasesKey(dealId), queryFn: () => getPurchases(dealId) });
}
