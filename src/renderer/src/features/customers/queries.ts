import { queryOptions } from '@tanstack/react-query';
import { unwrap } from '../../lib/api-error';
import { customerKeys } from '../../state/query-keys';

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
