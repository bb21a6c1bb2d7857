import { infiniteQueryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Customer, User } from '../../../../shared/domain/portal-entities';
import { portalMutation } from '../../lib/connectivity';
import { unwrap } from '../../lib/api-error';
import { resetKeys, userKeys } from '../../state/query-keys';
import { markEmailChanged } from './email-changes';

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

/** Saves a user's new Email, then re-reads what the portal holds and refreshes lists and warnings that show it. */
export function useSaveEmail(customer: Customer, user: User, onSaved: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: portalMutation,
    mutationFn: (email: string) => unwrap(window.api.users.setEmail({ customerId: customer.id, userId: user.userId, email })),
    onSuccess: async (updated) => {
      markEmailChanged(customer.id, user.userId);
      queryClient.setQueryData(userKeys.detail(customer.id, user.userId), updated);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: userKeys.detail(customer.id, user.userId) }),
        queryClient.invalidateQueries({ queryKey: userKeys.searches(customer.id) }),
        queryClient.invalidateQueries({ queryKey: resetKeys.warnings(customer.id, user.userId) }),
      ]);
      onSaved();
    },
  });
}
