import { Alert, Group, Loader, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { PasswordState } from '../../../../shared/domain/portal-entities';
import type { ResetWarnings } from '../../../../shared/ipc/contract';
import { ErrorAlert } from '../../components/ErrorAlert';

/** 3 or more resets of one user in 24 hours looks like someone trying their luck. */
export const SOCIAL_ENGINEERING_THRESHOLD = 3;

/** When the temporary password still in force was issued, or null when there is none. */
export function earlierTempPassword(password: PasswordState, now = Date.now()): string | null {
  if (password.state !== 'temp_issued' || !password.tempIssuedAt) return null;
  if (password.tempExpiresAt && Date.parse(password.tempExpiresAt) <= now) return null;
  return password.tempIssuedAt;
}

/** The check no portal gives: recent resets of this user (from the audit trail) and other users with the same Email. */
export function EarlierResets({ warnings }: { warnings: UseQueryResult<ResetWarnings> }) {
  const w = warnings.data;
  return (
    <>
      {warnings.isPending && (
        <Group gap="xs"><Loader size="xs" /><Text size="sm" c="dimmed">Checking recent resets and shared addresses…</Text></Group>
      )}
      {warnings.isError && (
        <>
          <ErrorAlert title="Could not check recent resets" error={warnings.error} onRetry={() => void warnings.refetch()} retrying={warnings.isFetching} compact />
          <Text size="sm" fw={600}>
            The check for earlier resets and shared addresses did not run. Retry it, or tick “Send without the check” below; the
            history records that it was sent unchecked.
          </Text>
        </>
      )}
      {w && w.recentResets >= SOCIAL_ENGINEERING_THRESHOLD && (
        <Alert color="red" variant="filled" title="Possible social engineering" role="alert">
          This user has had {w.recentResets} temporary passwords in the last 24 hours. Be suspicious: verify the caller through a
          second channel (call back on the number the customer has on file) before sending another.
        </Alert>
      )}
      {w && w.recentResets > 0 && w.recentResets < SOCIAL_ENGINEERING_THRESHOLD && (
        <Text size="sm">
          {w.recentResets === 1 ? 'One temporary password was' : `${w.recentResets} temporary passwords were`} sent to this user in the last
          24 hours; sending another voids the earlier one.
        </Text>
      )}
      {w && w.sharedEmailUsers.length > 0 && (
        <Alert color="orange" variant="light" title="Shared Email" role="alert">
          The same Email belongs to {w.sharedEmailUsers.length === 1 ? 'another user' : `${w.sharedEmailUsers.length} other users`}:{' '}
          {w.sharedEmailUsers.join(', ')}. Whoever reads that mailbox receives this temporary password.
        </Alert>
      )}
      {w && w.recentResets === 0 && w.sharedEmailUsers.length === 0 && (
        <Text size="sm" c="dimmed">No other temporary passwords for this user in the last 24 hours, and no other user has this Email.</Text>
      )}
    </>
  );
}
