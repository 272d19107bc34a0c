import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { TMe } from '../../shared/auth.js';
import { api, setCsrfToken } from './api.js';

/** Where the sign-in stands. */
export type SessionState = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; me: TMe };

interface SessionValue {
  state: SessionState;
  /** Takes a fresh "me" document (after sign-in, second factor, structure switch). */
  accept: (me: TMe) => void;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

const Context = createContext<SessionValue | null>(null);

/** Loads the signed-in user once and keeps the CSRF token current. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const accept = useCallback((me: TMe) => {
    setCsrfToken(me.csrfToken);
    setState({ status: 'signed-in', me });
  }, []);
  const refresh = useCallback(async () => {
    const r = await api<TMe>('GET', '/auth/me');
    if (r.ok) accept(r.data);
    else setState({ status: 'signed-out' });
  }, [accept]);
  const signOut = useCallback(async () => {
    await api('POST', '/auth/logout', {});
    setState({ status: 'signed-out' });
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const value = useMemo(() => ({ state, accept, refresh, signOut }), [state, accept, refresh, signOut]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The session of the staff area. */
export function useSession(): SessionValue {
  const value = useContext(Context);
  if (!value) throw new Error('useSession() must be used inside SessionProvider');
  return value;
}
