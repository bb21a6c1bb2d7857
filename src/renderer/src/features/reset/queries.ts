import { queryOptions } from '@tanstack/react-query';
import { unwrap } from '../../lib/api-error';

export const resetKeys = {
  all: ['reset'] as const,
  warnings: (customerId: string, userId: string) => [...resetKeys.all, 'warnings', customerId, userId] as const,
};

export const resetWarningsQuery = (customerId: string, userId: string) =>
  queryOptions({
    queryKey: resetKeys.warnings(customerId, userId),
    queryFn: () => unwrap(window.api.reset.warnings({ customerId, userId })),
    staleTime: 0,
  });
