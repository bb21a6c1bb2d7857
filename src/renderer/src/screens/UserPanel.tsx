import { Button, Paper, Skeleton, Stack, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { errorTable } from '../../../shared/error-table';
import type { Customer } from '../../../shared/domain/portal-entities';
import { inspectRecipient } from '../../../shared/recipient/inspect-recipient';
import { ErrorAlert } from '../components/ErrorAlert';
import { confirmedByCheck } from '../features/reset/attempt';
import { BlockedNotePanel } from '../features/reset/BlockedNotePanel';
import { ResetDialog } from '../features/reset/ResetDialog';
import { ResetResult } from '../features/reset/ResetResult';
import { TicketNotePanel } from '../features/reset/TicketNotePanel';
import { emailChangedHere } from '../features/users/email-changes';
import { RecipientWarnings } from '../features/users/RecipientWarnings';
import { UserCard } from '../features/users/UserCard';
import { TeamLatestReset } from '../features/team/TeamLatestReset';
import { useConsole } from '../state/console-state';
import { userDetailQuery } from '../state/user-detail-query';

interface Props {
  customer: Customer;
  userId: string;
  staffName: string;
}

/** The picked user and the reset: the user card, Reset password, the result and the ticket note. */
export function UserPanel({ customer, userId, staffName }: Props) {
  const detail = useQuery(userDetailQuery(customer.id, userId));
  const { attempt } = useConsole();
  const [dialog, setDialog] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const anotherButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focused = useRef(false);
  // When the staffer met the block: the time a blocked note gives for "Tried".
  const seenAt = useMemo(() => new Date().toISOString(), []);

  const user = detail.data;
  const myAttempt = attempt && attempt.customerId === customer.id && attempt.userId === userId ? attempt : null;
  const unknownUnchecked = myAttempt?.outcome.outcome === 'unknown' && !myAttempt.checked;
  // The outcome was unknown, but "Check status" showed the temporary password went out for this attempt.
  const confirmedSent = myAttempt !== null && confirmedByCheck(myAttempt) !== null;
  const blockReason = !user
    ? null
    : user.status === 'disabled'
      ? errorTable.user_disabled.message
      : user.email === null
        ? errorTable.no_email.message
        : unknownUnchecked
          ? 'The last reset’s outcome is unknown. Check status before sending again.'
          : confirmedSent
            ? 'The status check shows the last reset went through: a temporary password is on its way. Do not send another unless the caller cannot receive it.'
            : null;

  // Once the user is on screen, put the keyboard where the next step is.
  useEffect(() => {
    if (!user || focused.current) return;
    focused.current = true;
    if (!blockReason && !myAttempt) resetButton.current?.focus();
    else heading.current?.focus();
  }, [user, blockReason, myAttempt]);

  if (detail.isPending) {
    return (
      <Paper withBorder p="lg" bg="white" aria-busy="true">
        <Skeleton h={28} w="50%" mb="md" />
        <Skeleton h={56} mb="md" />
        <Skeleton h={40} />
      </Paper>
    );
  }
  if (!user) {
    return <ErrorAlert title="Could not read this user" error={detail.error} onRetry={() => void detail.refetch()} retrying={detail.isFetching} />;
  }

  const resettable = user.email !== null && user.status === 'active';
  // After a reset went out the next step is the note: Reset password stays, as the quieter action.
  const afterSent = myAttempt !== null && (myAttempt.outcome.outcome === 'sent' || confirmedSent);
  const blockedBy = user.status === 'disabled' ? 'user_disabled' : user.email === null ? 'no_email' : null;
  const resetActions = (
    <>
      <Tooltip label={blockReason} disabled={!blockReason} multiline w={300}>
        <span>
          <Button ref={resetButton} size="md" variant={afterSent ? 'default' : 'filled'} onClick={() => setDialog(true)} disabled={blockReason !== null}>
            Reset password
          </Button>
        </span>
      </Tooltip>
      {confirmedSent && resettable && (
        <Button ref={anotherButton} variant="default" size="md" onClick={() => setDialog(true)}>
          Send another anyway
        </Button>
      )}
    </>
  );

  return (
    <Stack gap="md">
      {detail.isError && (
        <ErrorAlert title="Could not re-read this user; showing what was read before" error={detail.error} onRetry={() => void detail.refetch()} retrying={detail.isFetching} compact />
      )}
      <UserCard
        customer={customer}
        user={user}
        headingRef={heading}
        rereading={detail.isFetching}
        onReread={() => void detail.refetch()}
        resetActions={resetActions}
        blockedNotice={blockReason && (unknownUnchecked || confirmedSent) && resettable ? blockReason : null}
      />
      <TeamLatestReset customerId={customer.id} userId={userId} />

      {myAttempt && <ResetResult attempt={myAttempt} customer={customer} user={user} />}
      {myAttempt && <TicketNotePanel attempt={myAttempt} customer={customer} user={user} staffName={staffName} />}
      {blockedBy && !myAttempt && <BlockedNotePanel reason={blockedBy} customer={customer} user={user} staffName={staffName} at={seenAt} />}

      {dialog && user.email && (
        <ResetDialog
          customer={customer}
          user={{ ...user, email: user.email }}
          staffName={staffName}
          emailChangedHere={emailChangedHere(customer.id, user.userId)}
          recipientWarnings={<RecipientWarnings inspection={inspectRecipient({ email: user.email, name: `${user.firstName} ${user.lastName}`, userId: user.userId })} />}
          onClose={(sent) => {
            setDialog(false);
            // Cancelled: back to the button that opened it (the dialog unmounts, so do it by hand).
            if (!sent) requestAnimationFrame(() => (resetButton.current?.disabled ? anotherButton.current : resetButton.current)?.focus());
          }} />
      )}
    </Stack>
  );
}
