import { Alert, Button, Checkbox, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { Customer, User } from '../../../../shared/domain/portal-entities';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Address } from '../../components/Address';
import { newIntentId } from '../../lib/intent-id';
import { resetWarningsQuery, useStartReset } from './queries';

/** 3 or more resets of one user in 24 hours looks like someone trying their luck. */
export const SOCIAL_ENGINEERING_THRESHOLD = 3;

interface Props {
  customer: Customer;
  user: User & { email: string };
  /** `sent`: the dialog closes because a reset went out (or its outcome is unknown), not because it was cancelled. */
  onClose(sent: boolean): void;
}

/**
 * The confirmation: the exact address, the warnings, "I verified the caller". One intentId is made when
 * the dialog opens and reused for every click, so however often Send is pressed the portal sends once.
 */
export function ResetDialog({ customer, user, onClose }: Props) {
  const [intentId] = useState(newIntentId);
  const [verified, setVerified] = useState(false);
  const inFlight = useRef(false);
  const startedAt = useRef(0);
  const warnings = useQuery(resetWarningsQuery(customer.id, user.userId));
  const differs = user.email.trim().toLowerCase() !== user.userId.trim().toLowerCase();

  const send = useStartReset(customer, user, intentId, () => startedAt.current, () => onClose(true));

  function onSend() {
    if (!verified || inFlight.current || send.isPending) return;
    inFlight.current = true;
    if (startedAt.current === 0) startedAt.current = Date.now();
    send.mutate(undefined, { onSettled: () => { inFlight.current = false; } });
  }

  const w = warnings.data;
  return (
    <Modal opened onClose={() => !send.isPending && onClose(false)} title={<Text fw={700}>Reset password for {user.firstName} {user.lastName}</Text>} size="lg" centered closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack gap="md">
        <div>
          <Text size="sm">The temporary password will be e-mailed to:</Text>
          <Text fw={700} size="xl"><Address text={user.email} /></Text>
          <Text size="sm" c="dimmed">
            {differs
              ? `This is the user’s Email. It is not the User ID (${user.userId}), which is only the username.`
              : 'This is the user’s Email (the same as the User ID).'}
          </Text>
        </div>

        {warnings.isPending && (
          <Group gap="xs"><Loader size="xs" /><Text size="sm" c="dimmed">Checking recent resets and shared addresses…</Text></Group>
        )}
        {warnings.isError && (
          <ErrorAlert title="Could not check recent resets" error={warnings.error} onRetry={() => void warnings.refetch()} retrying={warnings.isFetching} compact />
        )}
        {w && w.recentResets >= SOCIAL_ENGINEERING_THRESHOLD && (
          <Alert color="red" variant="filled" title="Possible social engineering" role="alert">
            This user has had {w.recentResets} temporary passwords in the last 24 hours. Be suspicious: verify the caller through a
            second channel (call back on the number the customer has on file) before sending another.
          </Alert>
        )}
        {w && w.recentResets > 0 && w.recentResets < SOCIAL_ENGINEERING_THRESHOLD && (
          <Text size="sm" c="dimmed">
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

        <Checkbox
          checked={verified}
          onChange={(e) => setVerified(e.currentTarget.checked)}
          label="I have verified the caller is this user, following the helpdesk identity check"
          data-autofocus
        />

        {send.isError && <ErrorAlert title="The temporary password was not sent" error={send.error} compact />}

        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose(false)} disabled={send.isPending}>
            Cancel
          </Button>
          <Button onClick={onSend} disabled={!verified} loading={send.isPending}>
            Send temporary password
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
