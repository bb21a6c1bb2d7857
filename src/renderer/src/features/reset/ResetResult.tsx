import { Alert, Button, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { Customer, User } from '../../../../shared/domain/portal-entities';
import { describePasswordState } from '../../../../shared/ticket-note';
import { Address } from '../../components/Address';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatRelative } from '../../lib/format-time';
import { useNow } from '../../lib/use-now';
import type { ResetAttempt } from '../../state/console-state';
import { useTimeFormat } from '../../state/time-format';
import { extrasOf } from './attempt-extras';
import { useCheckStatus } from './queries';

export function ResetResult({ attempt, customer, user }: { attempt: ResetAttempt; customer: Customer; user: User }) {
  const now = useNow(15_000);
  const t = useTimeFormat();
  const check = useCheckStatus(attempt, customer, user);
  const checkButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (attempt.outcome.outcome === 'unknown') checkButton.current?.focus();
  }, [attempt.outcome]);
  const forWhom = `For ${user.firstName} ${user.lastName} (ext ${user.extension}) at ${customer.name}${customer.accountNumber ? ` (account ${customer.accountNumber})` : ''}.`;
  const when = (iso: string) => `${t.instant(iso)} (${formatRelative(Date.parse(iso), now)})`;

  if (attempt.outcome.outcome === 'sent') {
    const o = attempt.outcome;
    // Same words as the note's callerInstructions, with the screen's times (the note adds UTC).
    const replacesEarlier = extrasOf(o)?.replacesEarlier ?? false;
    const differs = o.sentTo.trim().toLowerCase() !== user.userId.trim().toLowerCase();
    // The portal shows a password change at or after this reset: the countdown is over, the job is done.
    const changedAt = user.password.changedAt && Date.parse(user.password.changedAt) >= Date.parse(o.issuedAt) ? user.password.changedAt : null;
    if (changedAt) {
      return (
        <Alert color="teal" variant="light" title="Password changed" role="status">
          <Text size="sm">
            {user.firstName} {user.lastName} signed in with the temporary password and chose a new password {when(changedAt)}. The reset is
            complete; the temporary password no longer works.
          </Text>
          <Text size="xs" c="dimmed">Reset reference {o.resetId}, sent {t.instant(o.issuedAt)}</Text>
        </Alert>
      );
    }
    return (
      <Alert color="teal" variant="light" title="Temporary password sent" role="status">
        <Stack gap={6}>
          <Text size="sm">{forWhom}</Text>
          <Text size="sm">
            Sent to <b><Address text={o.sentTo} /></b>{differs ? ' — the user’s Email, not the User ID.' : ' — the user’s Email.'}
          </Text>
          <Text size="sm">
            Sent {when(o.issuedAt)} · expires {when(o.expiresAt)}
          </Text>
          <Text size="sm">
            <b>Tell the caller:</b> Check the inbox (and Spam) at {o.sentTo} for the e-mail with the temporary password.
            {replacesEarlier && ` Use only the one sent ${t.instant(o.issuedAt)}: the temporary passwords in earlier e-mails no longer work.`} Sign
            in to My Phone Next before {t.instant(o.expiresAt)} with the username {user.userId} and that temporary password, then choose a new
            password (rules in the ticket note).
          </Text>
          <Text size="xs" c="dimmed">Reset reference {o.resetId}</Text>
        </Stack>
      </Alert>
    );
  }

  const o = attempt.outcome;
  const checked = attempt.checked;
  // Once checked, the box says what the portal showed; until then it says only that the outcome is unknown.
  const wentThrough = checked ? checked.wentThrough : null;
  const title = wentThrough === null ? 'Outcome unknown — check status' : wentThrough ? 'Reset went through (confirmed by status check)' : 'Reset did not go through';
  return (
    <Alert color={wentThrough === null ? 'yellow' : wentThrough ? 'teal' : 'gray'} variant="light" title={title} role="alert">
      <Stack gap={6}>
        <Text size="sm">{forWhom}</Text>
        {wentThrough === null && (
          <>
            <Text size="sm">{o.message}</Text>
            <Text size="sm">Do not send again until the status is checked: the e-mail may already be on its way.</Text>
          </>
        )}
        {checked && (
          <Alert color={wentThrough ? 'teal' : 'gray'} variant="white" p="xs">
            <Text size="sm" fw={600}>
              {wentThrough
                ? 'The portal shows a temporary password issued for this attempt: the reset went through. Do not send another; ask the caller to check their inbox and Spam.'
                : 'The portal shows no temporary password for this attempt: the reset did not go through. You can send one now.'}
            </Text>
            <Text size="xs" c="dimmed">
              Checked {t.instant(new Date(checked.at).toISOString())}: {describePasswordState(checked.user.password, t)}
            </Text>
          </Alert>
        )}
        {check.isError && <ErrorAlert title="Status check failed" error={check.error} onRetry={() => check.mutate()} retrying={check.isPending} compact />}
        <div>
          <Button ref={checkButton} variant={checked ? 'default' : 'filled'} color="yellow" onClick={() => check.mutate()} loading={check.isPending}>
            Check status
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}
