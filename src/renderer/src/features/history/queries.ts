import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { historyFilter } from '../../../../shared/ipc/contract';
import { unwrap } from '../../lib/api-error';

export type HistoryFilter = z.input<typeof historyFilter>;

export const historyKeys = {
  all: ['history'] as const,
  lists: () => [...historyKeys.all, 'list'] as const,
  list: (filter: HistoryFilter) => [...historyKeys.lists(), filter] as const,
};

export const historyListQuery = (filter: HistoryFilter) =>
  queryOptions({
    queryKey: historyKeys.list(filter),
    queryFn: () => unwrap(window.api.history.list(filter)),
  });
