import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setPasswordChangeListener, setUnauthorizedListener } from './api';
import { queryClient } from './queryClient';
import * as authApi from '../features/auth/api';
import type { CurrentUser } from '../features/auth/api';

interface AuthValue {
  user: CurrentUser | null;
  loading: boolean;
  /** the server holds the demo company (demo data, demo passwords) */
  demo: boolean;
  login: (username: string, password: string) => Promise<CurrentUser>;
  logout: () => Promise<void>;
  /** ask the server again who is signed in (after a password change) */
  refresh: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [loading, setLoading] = useState(true);
  const [demo, setDemo] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const r = await authApi.fetchMe();
      setUser(r.user);
      setDemo(r.demo === true);
    } catch {
      setUser(null);
    }
  }, []);

  useEffect(() => {
    setUnauthorizedListener(() => {
      queryClient.clear(); // nothing cached for the signed-out user survives
      setUser(null);
    });
    setPasswordChangeListener(() => setUser((u) => (u ? { ...u, mustChangePassword: true } : u)));
    let cancelled = false;
    // the session is in the HttpOnly cookie: ask the server
    authApi
      .fetchMeta()
      .then((m) => !cancelled && setDemo(m.demo === true))
      .catch(() => undefined);
    authApi
      .fetchMe()
      .then((r) => !cancelled && setUser(r.user))
      .catch(() => !cancelled && setUser(null))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
      setUnauthorizedListener(null);
      setPasswordChangeListener(null);
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const r = await authApi.login(username, password);
    queryClient.clear(); // nothing cached for the previous user survives
    setUser(r.user);
    // department / partner come with /auth/me
    refresh().catch(() => undefined);
    return r.user;
  }, [refresh]);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } catch {
      /* logging out locally is enough */
    }
    queryClient.clear();
    setUser(null);
  }, []);

  const value = useMemo(() => ({ user, loading, demo, login, logout, refresh }), [user, loading, demo, login, logout, refresh]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user inside the protected layout (never null there). */
export function useUser(): CurrentUser {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
