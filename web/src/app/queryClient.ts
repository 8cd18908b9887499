// The one TanStack Query client. Failed requests are already shown by the one error
// handler (errors.tsx), so queries do not retry or notify again.
import { QueryClient } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, staleTime: 15_000, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});
