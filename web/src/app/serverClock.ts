import { useEffect, useState } from 'react';
import { api, type Schemas } from './api';

export type ServerClock = Schemas['Clock'];

let cached: Promise<ServerClock | null> | null = null;

/** The server's clock (a training server may run a manual clock far from the browser's). */
export function fetchServerClock(fresh = false): Promise<ServerClock | null> {
  if (!cached || fresh) {
    cached = api.get<ServerClock>('/clock', undefined, { quiet: true }).catch(() => null);
  }
  return cached;
}

/** "now" for default values: the server's time when it tells, else the browser's. */
export async function serverNowIso(): Promise<string> {
  const c = await fetchServerClock(true);
  return c?.now ?? new Date().toISOString();
}

export function useServerClock(): ServerClock | null {
  const [clock, setClock] = useState<ServerClock | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () => fetchServerClock(true).then((c) => alive && setClock(c));
    load();
    const timer = window.setInterval(load, 60_000);
    return () => {
      alive = false;
      window.clearInterval(timer);
    };
  }, []);
  return clock;
}
