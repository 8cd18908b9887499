import { useQuery } from '@tanstack/react-query';
import { listUsers } from './api';
import { useAuth } from '../../app/auth';

async function loadNames(): Promise<Map<string, string>> {
  try {
    const r = await listUsers({ pageSize: 200 }, true);
    return new Map((r?.items ?? []).map((u) => [u.id, u.displayName] as const));
  } catch {
    return new Map(); // partner engineers may not list staff
  }
}

/** id → display name for history and timelines (falls back to the id). */
export function useUserNames(): (id: string | null | undefined) => string {
  const { user } = useAuth();
  const names = useQuery({ queryKey: ['users', 'names'], queryFn: loadNames, staleTime: 5 * 60_000 }).data;
  // a server-sent name wins; partner engineers cannot list staff, but know themselves
  return (id) => (id ? names?.get(id) ?? (id === user?.id ? user.displayName : id.slice(0, 8)) : '—');
}
