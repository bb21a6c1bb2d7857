import { Alert, Button, Group, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { authStatusQuery } from '../state/app-queries';
import { errorCodeOf } from '../lib/api-error';
import { useUnreachableSince } from '../lib/connectivity';

/** Shown while the portal cannot be reached; the status is polled, faster while offline. */
export function OfflineBanner() {
  const queryClient = useQueryClient();
  const status = useQuery(authStatusQuery(true));
  const since = useUnreachableSince();
  const code = errorCodeOf(status.error);
  const offline = since !== null || status.data?.portalReachable === false || code === 'portal_unreachable';
  if (!offline) return null;
  return (
    <Alert color="red" variant="filled" mb="md" role="alert" title="The portal cannot be reached">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">
          Searches and resets will fail until it answers again. Check the network or the portal URL; the console keeps checking.
        </Text>
        <Button size="xs" variant="white" color="red" onClick={() => {
            void status.refetch();
            void queryClient.refetchQueries({ type: 'active', predicate: (q) => q.state.status === 'error' });
          }}
          loading={status.isFetching}>
          Check again
        </Button>
      </Group>
    </Alert>
  );
}
