import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { listNotifications } from '../api/notifications-api';
import { useSession } from '../auth/session-context';

/** How often the header asks for the unread count while the page is visible. */
export const UNREAD_POLL_MS = 60_000;

interface UnreadNotifications {
  /** Unknown until first loaded (or when the inbox cannot be reached). */
  unread: number | undefined;
  /** Ask again now (after marking something read). */
  refresh: () => void;
}

const UnreadContext = createContext<UnreadNotifications>({ unread: undefined, refresh: () => undefined });

/** Keeps the signed-in user's unread count for the header bell, polled while the tab is visible. */
export function UnreadNotificationsProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const [unread, setUnread] = useState<number>();
  const [attempt, setAttempt] = useState(0);
  const refresh = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    const load = () => {
      if (typeof document !== 'undefined' && document.hidden) return;
      listNotifications(session, { unreadOnly: true }, controller.signal).then(
        (page) => {
          if (!controller.signal.aborted) setUnread(page.unread);
        },
        // the bell keeps its last count; the inbox page is where failures are shown
        () => undefined,
      );
    };
    load();
    const timer = setInterval(load, UNREAD_POLL_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [session, attempt]);

  const value = useMemo(() => ({ unread, refresh }), [unread, refresh]);
  return <UnreadContext.Provider value={value}>{children}</UnreadContext.Provider>;
}

export function useUnreadNotifications(): UnreadNotifications {
  return useContext(UnreadContext);
}
