import { queryOptions } from '@tanstack/react-query';
import { unwrap } from '../../lib/api-error';

export const appKeys = {
  all: ['app'] as const,
  info: () => [...appKeys.all, 'info'] as const,
};

export const settingsKeys = {
  all: ['settings'] as const,
  view: () => [...settingsKeys.all, 'view'] as const,
};

export const authKeys = {
  all: ['auth'] as const,
  status: () => [...authKeys.all, 'status'] as const,
};

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
