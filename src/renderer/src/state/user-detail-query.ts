import { queryOptions } from '@tanstack/react-query';
import { unwrap } from '../lib/api-error';
import { userKeys } from './query-keys';

/** One user as the portal holds them now: read by the user panel and by History's ticket note. */
export const userDetailQuery = (customerId: string, userId: string) =>
  queryOptions({
    queryKey: userKeys.detail(customerId, userId),
    queryFn: () => unwrap(window.api.users.get({ customerId, userId })),
    staleTime: 10_000,
  });
