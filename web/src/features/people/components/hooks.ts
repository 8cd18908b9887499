// Small hooks the people tabs share: the month shown and the people to name.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { TZ } from '../../../app/format';
import { serverNowIso } from '../../../app/serverClock';
import { listUsers } from '../../users/api';

/** A month ('YYYY-MM'), starting at the server's Shanghai month plus `offset` (its clock may be the manual one). */
export function useMonth(offset = 0): [string, (m: string) => void] {
  const [month, setMonth] = useState('');
  useEffect(() => {
    serverNowIso().then((iso) => setMonth(dayjs(iso).tz(TZ).startOf('month').add(offset, 'month').format('YYYY-MM')));
  }, [offset]);
  return [month, setMonth];
}

/** The people of a role (all people without one), and a user id → display name lookup. */
export function useNames(role?: string) {
  const q = useQuery({ queryKey: ['people', 'users', role ?? 'all'], queryFn: () => listUsers({ role, pageSize: 200 }, true) });
  const items = (q.data?.items ?? []) as { id: string; displayName: string }[];
  return { items, name: (id: string) => items.find((u) => u.id === id)?.displayName ?? id };
}
