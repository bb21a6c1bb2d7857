import { queryOptions } from '@tanstack/react-query';
import { unwrap } from '../lib/api-error';
import { appKeys, authKeys, settingsKeys } from './query-keys';

export const appInfoQuery = () =>
  queryOptions({
    queryKey: appKeys.info(),
    queryFn: () => unwrap(window.api.app.info({})),
    staleTime: Infinity,
  });

export const settingsQuery = () =>
  queryOptions({
    queryKey: settingsKeys.view(),
    queryFn: () => unwrap(window.api.settings.get({})),
    staleTime: Infinity,
  });

/** Polled while signed in: drives the offline banner. */
export const authStatusQuery = (enabled: boolean) =>
  queryOptions({
    queryKey: authKeys.status(),
    queryFn: () => unwrap(window.api.auth.status({})),
    enabled,
    refetchInterval: (query) => (query.state.data?.portalReachable === false || query.state.error ? 5_000 : 20_000),
    retry: false,
  });
