import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setToken, setUnauthorizedListener } from './api';
import { queryClient } from './queryClient';
import * as authApi from '../features/auth/api';
import type { CurrentUser } from '../features/auth/api';

interface AuthValue {
  user: CurrentUser | null;
  loading: boolean;
  login: (username: string, password: string) => Promise<CurrentUser>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    setUnauthorizedListener(() => {
      queryClient.clear();
      setUser(null);
    });
    let cancelled = false;
    // the token may be in localStorage or the session in the httpOnly cookie: ask the server
    authApi
      .fetchMe()
      .then((r) => !cancelled && setUser(r.user))
      .catch(() => !cancelled && setUser(null))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
      setUnauthorizedListener(null);
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const r = await authApi.login(username, password);
    setToken(r.token);
    queryClient.clear(); // nothing cached for the previous user survives
    setUser(r.user);
    // department / partner come with /auth/me
    authApi
      .fetchMe()
      .then((m) => setUser(m.user))
      .catch(() => undefined);
    return r.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } catch {
      /* logging out locally is enough */
    }
    setToken(null);
    queryClient.clear();
    setUser(null);
  }, []);

  const value = useMemo(() => ({ user, loading, login, logout }), [user, loading, login, logout]);
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
