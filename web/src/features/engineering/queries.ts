import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getDealEngineering, type Measurement } from './api';

/** Under the deal's key: a completion (the assessment stores its measurement) re-reads it. */
export const dealEngineeringKey = (dealId: string, m: Measurement) => ['deal', dealId, 'engineering', m] as const;

export function useDealEngineering(dealId: string, m: Measurement) {
  return useQuery({ queryKey: dealEngineeringKey(dealId, m), queryFn: () => getDealEngineering(dealId, m), placeholderData: keepPreviousData, retry: false });
}
