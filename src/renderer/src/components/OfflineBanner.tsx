import { Alert, Button, Group, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { authStatusQuery } from '../state/app-queries';
import { errorCodeOf } from '../lib/api-error';
import { useUnreachableSince } from '../lib/connectivity';

/** When the console started with no credential and the portal down: History works, the portal does not. */
export interface SignedOut {
  onSignIn(): void;
}

/** Shown while the portal cannot be reached; the status is polled, faster while offline. */
export function OfflineBanner({ signedOut }: { signedOut?: SignedOut }) {
  const queryClient = useQueryClient();
  const status = useQuery(authStatusQuery(true));
  const since = useUnreachableSince();
  const code = errorCodeOf(status.error);
  const offline = since !== null || status.data?.portalReachable === false || code === 'portal_unreachable';
  const checkAgain = (
    <Button size="xs" variant="white" color="red" onClick={() => {
        void status.refetch();
        void queryClient.refetchQueries({ type: 'active', predicate: (q) => q.state.status === 'error' });
      }}
      loading={status.isFetching}>
      Check again
    </Button>
  );
  if (signedOut) return <SignedOutBanner offline={status.data?.portalReachable !== true} onSignIn={signedOut.onSignIn} checkAgain={checkAgain} />;
  if (!offline) return null;
  return (
    <Alert color="red" variant="filled" mb="md" role="alert" title="The portal cannot be reached">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">
          Searches and resets will fail until it answers again. Check the network or the portal URL; the console keeps checking.
        </Text>
        {checkAgain}
      </Group>
    </Alert>
  );
}

function SignedOutBanner({ offline, onSignIn, checkAgain }: { offline: boolean; onSignIn(): void; checkAgain: ReactNode }) {
  if (offline) {
    return (
      <Alert color="red" variant="filled" mb="md" role="alert" title="The portal cannot be reached: not signed in">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">
            No credential is kept on this computer, so the console is read-only: History, ticket notes and CSV export work from
            the local audit trail. The console keeps checking and offers sign-in when the portal answers.
          </Text>
          <Group gap="xs" wrap="nowrap">
            {checkAgain}
            <Button size="xs" variant="outline" color="white" onClick={onSignIn}>Sign in</Button>
          </Group>
        </Group>
      </Alert>
    );
  }
  return (
    <Alert color="teal" variant="light" mb="md" role="status" title="The portal is back">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">Sign in to search customers and send temporary passwords.</Text>
        <Button size="xs" color="teal" onClick={onSignIn}>Sign in</Button>
      </Group>
    </Alert>
  );
}
