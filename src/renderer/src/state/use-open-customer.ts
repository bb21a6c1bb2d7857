import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Customer } from '../../../shared/domain/portal-entities';
import { unwrap } from '../lib/api-error';
import { portalMutation } from '../lib/connectivity';
import { useConsole } from './console-state';
import { customerKeys, userKeys } from './query-keys';

/**
 * Opens a customer (the Access CAP step) and makes it the console's customer. One path for every place that
 * opens one (Customer results, History's Reset again): it reaches the portal (offline banner), caches the
 * customer and refreshes that customer's user lists and details, read under an earlier CAP session.
 * `onOpened` runs after the console switched to it, even if the calling component has unmounted since.
 */
export function useOpenCustomer(onOpened?: (customer: Customer) => void) {
  const queryClient = useQueryClient();
  const { openCustomer, customer: current, pickUser } = useConsole();
  return useMutation({
    meta: portalMutation,
    // Another customer's user panel goes at once, not when the portal answers (issue 13: the panel belongs to its customer).
    onMutate: (customerId: string) => {
      if (current?.id !== customerId) pickUser(null);
    },
    mutationFn: (customerId: string) => unwrap(window.api.customers.open({ customerId })),
    onSuccess: (customer) => {
      queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      // A fresh CAP session: earlier user lists of this customer may be stale.
      void queryClient.invalidateQueries({ queryKey: userKeys.ofCustomer(customer.id) });
      openCustomer(customer);
      onOpened?.(customer);
    },
  });
}
