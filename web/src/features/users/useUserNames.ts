import { useEffect, useState } from 'react';
import { listUsers } from './api';
import { useAuth } from '../../app/auth';

let cache: Promise<Map<string, string>> | null = null;

function loadNames(): Promise<Map<string, string>> {
  cache ??= listUsers({ pageSize: 200 }, true)
    .then((r) => new Map((r?.items ?? []).map((u) => [u.id, u.displayName] as const)))
    .catch(() => {
      cache = null; // partner engineers may not list staff; try again later
      return new Map<string, string>();
    });
  return cache;
}

/** id → display name for history and timelines (falls back to the id). */
export function useUserNames(): (id: string | null | undefined) => string {
  const { user } = useAuth();
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    let alive = true;
    loadNames().then((m) => alive && setNames(m));
    return () => {
      alive = false;
    };
  }, []);
  // a server-sent name wins; partner engineers cannot list staff, but know themselves
  return (id) => (id ? names.get(id) ?? (id === user?.id ? user.displayName : id.slice(0, 8)) : '—');
}
