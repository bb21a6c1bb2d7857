import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { unwrap } from '../../lib/api-error';
import { historyKeys, resetKeys, teamKeys, userKeys } from '../../state/query-keys';

/**
 * While team mode is on, waits on the core's long poll (`team:nextChange`), which answers as soon as any
 * desk's entry arrives (LISTEN/NOTIFY in main) or the outbox's state changes, then refreshes what shows
 * the team: History, the open user's warnings, the team status, and a user a new entry names. Nothing polls the database.
 */
export function useTeamLive(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let version = -1;
    void (async () => {
      while (!stopped) {
        try {
          const next = await unwrap(window.api.team.nextChange({ since: version }));
          if (stopped) return;
          if (version !== -1 && next.version !== version) {
            void queryClient.invalidateQueries({ queryKey: teamKeys.all });
            void queryClient.invalidateQueries({ queryKey: historyKeys.lists() });
            void queryClient.invalidateQueries({ queryKey: resetKeys.all });
            // Another desk reset a user: if it is the one on screen, its password state changed too.
            if (next.allUsers) void queryClient.invalidateQueries({ queryKey: userKeys.all });
            for (const u of next.users) void queryClient.invalidateQueries({ queryKey: userKeys.detail(u.customerId, u.userId) });
          }
          version = next.version;
        } catch {
          // The core is restarting or the window is closing: try again shortly rather than spin.
          await new Promise((r) => setTimeout(r, 2_000));
        }
      }
    })();
    return () => {
      stopped = true;
    };
  }, [enabled, queryClient]);
}
