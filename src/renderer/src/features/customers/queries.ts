import { queryOptions } from '@tanstack/react-query';
import { unwrap } from '../../lib/api-error';

export const customerKeys = {
  all: ['customers'] as const,
  searches: () => [...customerKeys.all, 'search'] as const,
  search: (name: string) => [...customerKeys.searches(), name] as const,
  details: () => [...customerKeys.all, 'detail'] as const,
  detail: (customerId: string) => [...customerKeys.details(), customerId] as const,
};

export const CUSTOMER_SEARCH_LIMIT = 50;

export const customerSearchQuery = (name: string) =>
  queryOptions({
    queryKey: customerKeys.search(name),
    queryFn: () => unwrap(window.api.customers.search({ name, limit: CUSTOMER_SEARCH_LIMIT })),
    enabled: name.trim().length > 0,
    staleTime: 30_000,
  });

export const customerDetailQuery = (customerId: string) =>
  queryOptions({
    queryKey: customerKeys.detail(customerId),
    queryFn: () => unwrap(window.api.customers.get({ customerId })),
    staleTime: 60_000,
  });
