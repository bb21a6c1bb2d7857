import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { unwrap } from '../../lib/api-error';

export const userKeys = {
  all: ['users'] as const,
  ofCustomer: (customerId: string) => [...userKeys.all, customerId] as const,
  searches: (customerId: string) => [...userKeys.ofCustomer(customerId), 'search'] as const,
  search: (customerId: string, q: string) => [...userKeys.searches(customerId), q] as const,
  details: (customerId: string) => [...userKeys.ofCustomer(customerId), 'detail'] as const,
  detail: (customerId: string, userId: string) => [...userKeys.details(customerId), userId] as const,
};

export const USER_PAGE_SIZE = 100;

/** Pages of users as the staffer types; superseded calls come back `cancelled` and are ignored by the view. */
export const userSearchQuery = (customerId: string, q: string) =>
  infiniteQueryOptions({
    queryKey: userKeys.search(customerId, q),
    queryFn: ({ pageParam }) => unwrap(window.api.users.search({ customerId, q, limit: USER_PAGE_SIZE, cursor: pageParam })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 30_000,
  });

export const userDetailQuery = (customerId: string, userId: string) =>
  queryOptions({
    queryKey: userKeys.detail(customerId, userId),
    queryFn: () => unwrap(window.api.users.get({ customerId, userId })),
    staleTime: 10_000,
  });
