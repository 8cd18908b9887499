import { useEffect, useState } from 'react';
import { Spin } from 'antd';
import { Navigate, useParams } from 'react-router-dom';
import { api } from '../../../app/api';
import { NotFoundState } from '../../../components/EmptyState';

/**
 * /cases/:id — a notification may name only a case id: find out whether it is a deal,
 * a ticket or a customer, and go there.
 */
export default function CaseRedirectPage() {
  const { id = '' } = useParams();
  const [target, setTarget] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    let alive = true;
    (async () => {
      for (const [path, page] of [
        ['/deals/', '/deals/'],
        ['/tickets/', '/tickets/'],
        ['/customers/', '/customers/'],
      ] as const) {
        try {
          await api.get(`${path}${encodeURIComponent(id)}`, undefined, { quiet: true });
          if (alive) setTarget(`${page}${id}`);
          return;
        } catch {
          /* try the next kind */
        }
      }
      // a lead (issue 14): the leads tab, when the reader may see it
      const leads = await api.get<{ items: { id: string }[] }>('/leads', undefined, { quiet: true }).catch(() => ({ items: [] }));
      if (leads.items.some((l) => l.id === id)) {
        if (alive) setTarget('/people?tab=leads');
        return;
      }
      if (alive) setTarget(null);
    })();
    return () => {
      alive = false;
    };
  }, [id]);

  if (target === undefined) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (target === null) return <NotFoundState />;
  return <Navigate to={target} replace />;
}
