import { queryOptions } from '@tanstack/react-query';
import { unwrap } from '../../lib/api-error';

export const CALLER_LIMIT = 50;

const callerKeys = {
  all: ['callers'] as const,
  find: (source: 'portal' | 'index', q: string) => [...callerKeys.all, source, q] as const,
};

/** Every customer's users, asked of the portal (debounced by the caller; superseded calls come back `cancelled`). */
export const callerPortalQuery = (q: string) =>
  queryOptions({
    queryKey: callerKeys.find('portal', q),
    queryFn: () => unwrap(window.api.callers.find({ q, limit: CALLER_LIMIT })),
    enabled: q !== '',
    staleTime: 30_000,
  });

/** The same query answered at once by main's index of the customers opened last; never cached for long. */
export const callerIndexQuery = (q: string) =>
  queryOptions({
    queryKey: callerKeys.find('index', q),
    queryFn: () => unwrap(window.api.callers.find({ q, limit: CALLER_LIMIT, from: 'index' })),
    enabled: q !== '',
    staleTime: 0,
    gcTime: 10_000,
    retry: false,
  });
