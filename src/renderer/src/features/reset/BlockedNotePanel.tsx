import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { Customer, User } from '../../../../shared/domain/portal-entities';
import { buildBlockedNote, type BlockedReason } from '../../../../shared/notes/blocked-note';
import type { CallerVerification } from '../../../../shared/recipient/caller-verification';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useTimeFormat } from '../../state/time-format';
import { useCopyNote } from './queries';

interface Props {
  reason: BlockedReason;
  customer: Customer;
  user: User;
  staffName: string;
  /** When the reset was tried (blocked before trying: when the staffer saw it). */
  at: string;
  retryAt?: string | null;
  verification?: CallerVerification | null;
}

/** A reset that could not be sent still gets a note: what happened, what to tell the caller, and whether "Forgot Password?" helps. */
export function BlockedNotePanel({ reason, customer, user, staffName, at, retryAt, verification }: Props) {
  const { timeZone, locale } = useTimeFormat();
  const note = useMemo(
    () =>
      buildBlockedNote({
        reason,
        customerName: customer.name,
        accountNumber: customer.accountNumber,
        userName: `${user.firstName} ${user.lastName}`,
        extension: user.extension,
        userId: user.userId,
        email: user.email,
        userActive: user.status === 'active',
        at,
        retryAt: retryAt ?? null,
        verification: verification ?? null,
        staffName,
        timeZone,
        locale,
      }),
    [reason, customer, user, at, retryAt, verification, staffName, timeZone, locale],
  );
  const [copiedText, setCopiedText] = useState<string | null>(null);
  const copy = useCopyNote(customer, user, setCopiedText);
  return (
    <Paper withBorder p="md" bg="white">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">Ticket note</Title>
          <Group gap="xs">
            {copiedText === note.text && !copy.isPending && <Text size="sm" c="teal" role="status">Copied — paste it into the ticket.</Text>}
            <Button onClick={() => copy.mutate(note)} loading={copy.isPending}>Copy ticket note</Button>
          </Group>
        </Group>
        <pre className="rc-note" aria-label="Ticket note preview" tabIndex={0}>{note.text}</pre>
        {copy.isError && <ErrorAlert title="The note was not copied" error={copy.error} onRetry={() => copy.mutate(note)} compact />}
      </Stack>
    </Paper>
  );
}
