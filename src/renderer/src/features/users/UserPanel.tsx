import { Alert, Badge, Button, Divider, Group, Paper, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { errorTable } from '../../../../shared/errors';
import type { Customer } from '../../../../shared/domain/portal-entities';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConsole } from '../console/console-state';
import { TicketNotePanel } from '../note/TicketNotePanel';
import { ResetDialog } from '../reset/ResetDialog';
import { confirmedByCheck } from '../reset/attempt';
import { ResetResult } from '../reset/ResetResult';
import { EditEmail } from './EditEmail';
import { PasswordStatus } from './PasswordStatus';
import { userDetailQuery } from './queries';

interface Props {
  customer: Customer;
  userId: string;
  staffName: string;
}

function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Who the caller is, where the reset e-mail goes, the password state, and the reset itself. */
export function UserPanel({ customer, userId, staffName }: Props) {
  const detail = useQuery(userDetailQuery(customer.id, userId));
  const { attempt } = useConsole();
  const [editing, setEditing] = useState(false);
  const [dialog, setDialog] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const anotherButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focused = useRef(false);

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

  const differs = user.email !== null && !sameAddress(user.email, user.userId);
  const emailTermId = `term-email`;
  const userIdTermId = `term-userid`;

  return (
    <Stack gap="md">
      {detail.isError && (
        <ErrorAlert title="Could not re-read this user; showing what was read before" error={detail.error} onRetry={() => void detail.refetch()} retrying={detail.isFetching} compact />
      )}
      <Paper withBorder p="lg" bg="white">
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div>
              <Title order={2} size="h3" ref={heading} tabIndex={-1}>
                {user.firstName} {user.lastName}
              </Title>
              <Group gap="xs" mt={4}>
                <Badge variant="outline" color="indigo" ff="monospace" size="lg">Ext {user.extension}</Badge>
                {user.department && <Text size="sm" c="dimmed">{user.department}</Text>}
                <Text size="sm" c="dimmed">{customer.name}</Text>
                {user.status === 'disabled' ? (
                  <Badge color="gray" variant="filled">Disabled</Badge>
                ) : (
                  <Badge color="teal" variant="light">Enabled</Badge>
                )}
              </Group>
            </div>
            <Button variant="subtle" size="xs" onClick={() => void detail.refetch()} loading={detail.isFetching}>
              Re-read
            </Button>
          </Group>

          <dl className="rc-dl">
            <div>
              <dt id={emailTermId}>Email</dt>
              <dd aria-labelledby={emailTermId}>{user.email ?? <Text span c="orange.8" fw={600} inherit>none</Text>}</dd>
            </div>
            <div>
              <dt id={userIdTermId}>User ID</dt>
              <dd aria-labelledby={userIdTermId}>{user.userId}</dd>
            </div>
          </dl>

          {differs && (
            <Alert color="blue" variant="light" p="sm">
              <Text size="sm" fw={600}>The Email and the User ID are different: the temporary password goes to the Email, not to the User ID.</Text>
            </Alert>
          )}
          {user.email === null && user.status === 'active' && (
            <Alert color="orange" variant="light" title="No Email: reset is blocked" role="status">
              <Text size="sm">{errorTable.no_email.message} Ask the caller for their address and confirm it with them.</Text>
            </Alert>
          )}
          {user.status === 'disabled' && (
            <Alert color="gray" variant="filled" title="Disabled user: reset is blocked" role="status">
              <Text size="sm">{errorTable.user_disabled.message}</Text>
            </Alert>
          )}

          {editing ? (
            <EditEmail customer={customer} user={user} onDone={() => setEditing(false)} />
          ) : null}

          <Divider />
          <div>
            <Text size="xs" tt="uppercase" c="dimmed" fw={600} mb={4}>Password state</Text>
            <PasswordStatus password={user.password} />
          </div>

          <Group gap="sm">
            <Tooltip label={blockReason} disabled={!blockReason} multiline w={300}>
              <span>
                <Button ref={resetButton} size="md" onClick={() => setDialog(true)} disabled={blockReason !== null}>
                  Reset password
                </Button>
              </span>
            </Tooltip>
            {confirmedSent && user.email !== null && user.status === 'active' && (
              <Button ref={anotherButton} variant="default" size="md" onClick={() => setDialog(true)}>
                Send another anyway
              </Button>
            )}
            {!editing && user.status === 'active' && (
              <Button variant="default" size="md" onClick={() => setEditing(true)}>
                {user.email === null ? 'Add Email' : 'Change Email'}
              </Button>
            )}
          </Group>
          {blockReason && (unknownUnchecked || confirmedSent) && user.email !== null && user.status === 'active' && (
            <Text size="sm" c="dimmed">Reset is blocked: {blockReason}</Text>
          )}
        </Stack>
      </Paper>

      {myAttempt && <ResetResult attempt={myAttempt} customer={customer} user={user} />}
      {myAttempt && <TicketNotePanel attempt={myAttempt} customer={customer} user={user} staffName={staffName} />}

      {dialog && user.email && (
        <ResetDialog customer={customer} user={{ ...user, email: user.email }} onClose={(sent) => {
            setDialog(false);
            // Cancelled: back to the button that opened it (the dialog unmounts, so do it by hand).
            if (!sent) requestAnimationFrame(() => (resetButton.current?.disabled ? anotherButton.current : resetButton.current)?.focus());
          }} />
      )}
    </Stack>
  );
}
