import type { z } from 'zod';
import type { historyFilter } from '../../../shared/ipc/contract';

/**
 * Every react-query key the renderer uses. Features invalidate each other's data (a reset refreshes the user
 * and History), so the keys live here rather than in any one feature.
 */
export type HistoryFilter = z.input<typeof historyFilter>;

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

export const customerKeys = {
  all: ['customers'] as const,
  searches: () => [...customerKeys.all, 'search'] as const,
  search: (name: string) => [...customerKeys.searches(), name] as const,
  details: () => [...customerKeys.all, 'detail'] as const,
  detail: (customerId: string) => [...customerKeys.details(), customerId] as const,
};

export const userKeys = {
  all: ['users'] as const,
  ofCustomer: (customerId: string) => [...userKeys.all, customerId] as const,
  searches: (customerId: string) => [...userKeys.ofCustomer(customerId), 'search'] as const,
  search: (customerId: string, q: string) => [...userKeys.searches(customerId), q] as const,
  details: (customerId: string) => [...userKeys.ofCustomer(customerId), 'detail'] as const,
  detail: (customerId: string, userId: string) => [...userKeys.details(customerId), userId] as const,
};

export const historyKeys = {
  all: ['history'] as const,
  lists: () => [...historyKeys.all, 'list'] as const,
  list: (filter: HistoryFilter) => [...historyKeys.lists(), filter] as const,
  statuses: () => [...historyKeys.all, 'status'] as const,
  status: (entryId: string) => [...historyKeys.statuses(), entryId] as const,
};

export const resetKeys = {
  all: ['reset'] as const,
  warnings: (customerId: string, userId: string) => [...resetKeys.all, 'warnings', customerId, userId] as const,
};

/** Team mode: the outbox and connection status, and what the team knows about one user. */
export const teamKeys = {
  all: ['team'] as const,
  status: () => [...teamKeys.all, 'status'] as const,
  activities: () => [...teamKeys.all, 'activity'] as const,
  activity: (customerId: string, userId: string) => [...teamKeys.activities(), customerId, userId] as const,
};
