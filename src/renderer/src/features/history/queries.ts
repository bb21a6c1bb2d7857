import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { unwrap } from '../../lib/api-error';
import { connectivity } from '../../lib/connectivity';
import { historyKeys, type HistoryFilter } from '../../state/query-keys';

/** Rows per request: the local store answers one in about a millisecond, the team database in a few. */
export const HISTORY_PAGE_SIZE = 200;

/** History, a page at a time (keyset cursors from the core); the table asks for the next as it scrolls. */
export const historyListQuery = (filter: HistoryFilter) =>
  infiniteQueryOptions({
    queryKey: historyKeys.list(filter),
    queryFn: ({ pageParam }) => unwrap(window.api.history.list({ ...filter, cursor: pageParam, limit: HISTORY_PAGE_SIZE })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

/** How long a live status read stays fresh before a visible row reads it again. */
export const STATUS_STALE_MS = 2 * 60_000;

/**
 * The live status of one reset, read from the portal through the core (which records the check).
 * When the portal cannot answer the core returns the last known status with `live: false`.
 */
export const historyStatusQuery = (entryId: string) =>
  queryOptions({
    queryKey: historyKeys.status(entryId),
    queryFn: async () => {
      const check = await unwrap(window.api.history.refreshStatus({ entryId }));
      // History itself is local; whether the status read reached the portal says whether it is up.
      if (check.live) connectivity.markReachable();
      else if (check.problem === 'portal_unreachable') connectivity.markUnreachable();
      return check;
    },
    staleTime: STATUS_STALE_MS,
    retry: false,
  });
