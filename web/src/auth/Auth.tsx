import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, LOGGED_OUT_EVENT, tokenStore } from '../api/client';
import type { Role } from '../lib/menu';

export interface User {
  id: string;
  displayName: string;
  roles: Role[];
  departmentCodes: string[];
  organisationId: string | null;
}

interface Auth {
  user: User | null;
  /** False until the stored token has been checked, so that pages do not flash the login form. */
  ready: boolean;
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [ready, setReady] = useState(!tokenStore.get());

  useEffect(() => {
    if (tokenStore.get()) {
      api.get<User>('/api/identity/me').then(setUser, () => setUser(null)).finally(() => setReady(true));
    }
    const forget = () => setUser(null);
    window.addEventListener(LOGGED_OUT_EVENT, forget);
    return () => window.removeEventListener(LOGGED_OUT_EVENT, forget);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const answer = await api.post<{ token: string; user: User }>('/api/identity/login', { username, password });
    tokenStore.set(answer.token);
    setUser(answer.user);
    return answer.user;
  }, []);

  const logout = useCallback(async () => {
    await api.post('/api/identity/logout').catch(() => undefined);
    tokenStore.clear();
    setUser(null);
  }, []);

  const value = useMemo(() => ({ user, ready, login, logout }), [user, ready, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

export const hasRole = (user: User | null, ...roles: Role[]) => Boolean(user?.roles.some((role) => roles.includes(role)));
