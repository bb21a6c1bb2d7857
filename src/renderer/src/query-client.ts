import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { errorCodeOf, shouldRetryRead } from './lib/api-error';
import { authKeys, settingsKeys } from './state/query-keys';
import { connectivity, isPortalKey } from './lib/connectivity';

/**
 * One client for the window. Failures that say something about the whole console (portal unreachable,
 * signed out) refresh the connection status or the settings, which drive the banner and first run.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => react(error),
      onSuccess: (_data, query) => {
        if (isPortalKey(query.queryKey)) connectivity.markReachable();
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => react(error),
      onSuccess: (_data, _variables, _context, mutation) => {
        if (mutation.meta?.reachesPortal === true) connectivity.markReachable();
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetryRead, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  function react(error: unknown): void {
    const code = errorCodeOf(error);
    if (code === 'portal_unreachable') connectivity.markUnreachable();
    if (code === 'portal_unreachable' || code === 'portal_timeout') void client.invalidateQueries({ queryKey: authKeys.all });
    if (code === 'not_signed_in') void client.invalidateQueries({ queryKey: settingsKeys.all });
  }
  return client;
}
