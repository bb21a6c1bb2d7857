import { queryOptions } from '@tanstack/react-query';
import { unwrap } from '../../lib/api-error';
import { teamKeys } from '../../state/query-keys';

export const teamStatusQuery = () =>
  queryOptions({
    queryKey: teamKeys.status(),
    queryFn: () => unwrap(window.api.team.status({})),
    // Kept fresh by the change feed (useTeamLive), not by polling.
    staleTime: Infinity,
  });

export const teamActivityQuery = (customerId: string, userId: string) =>
  queryOptions({
    queryKey: teamKeys.activity(customerId, userId),
    queryFn: () => unwrap(window.api.team.userActivity({ customerId, userId })),
    staleTime: Infinity,
  });
