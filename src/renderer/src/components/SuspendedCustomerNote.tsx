import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { buildBlockedNote } from '../../../shared/notes/blocked-note';
import { copyRich } from '../lib/clipboard';
import { settingsQuery } from '../state/app-queries';
import { useTimeFormat } from '../state/time-format';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  customer: { name: string; accountNumber: string | null };
  /** The caller, when they were found through Find caller. */
  user?: { firstName: string; lastName: string; extension: string; userId: string; email: string | null; status: 'active' | 'disabled' } | null;
}

/**
 * A suspended customer cannot be opened, so no reset can be sent: the ticket still gets a short note with what
 * happened and what to tell the caller (shared by Customer results and Find caller).
 */
export function SuspendedCustomerNote({ customer, user }: Props) {
  const settings = useQuery(settingsQuery());
  const { timeZone, locale } = useTimeFormat();
  // When the staffer met the block: the time the note gives for "Tried".
  const at = useMemo(() => new Date().toISOString(), []);
  const note = useMemo(
    () =>
      buildBlockedNote({
        reason: 'customer_suspended',
        customerName: customer.name,
        accountNumber: customer.accountNumber,
        userName: user ? `${user.firstName} ${user.lastName}` : null,
        extension: user?.extension ?? null,
        userId: user?.userId ?? null,
        ...(user ? { email: user.email, userActive: user.status === 'active' } : {}),
        at,
        staffName: settings.data?.staffName ?? '',
        timeZone,
        locale,
      }),
    [customer, user, at, settings.data?.staffName, timeZone, locale],
  );
  const [copied, setCopied] = useState<string | null>(null);
  const copy = useMutation({
    mutationFn: async () => {
      await copyRich(note.text, note.html);
      setCopied(note.text);
    },
  });
  return (
    <Paper withBorder p="sm" bg="white" mt={6}>
      <Stack gap={6}>
        <Group justify="space-between">
          <Title order={3} size="h6">Ticket note</Title>
          <Group gap="xs">
            {copied === note.text && <Text size="sm" c="teal.9" role="status">Copied — paste it into the ticket.</Text>}
            <Button size="compact-sm" onClick={() => copy.mutate()} loading={copy.isPending}>Copy ticket note</Button>
          </Group>
        </Group>
        <pre className="rc-note" aria-label="Ticket note preview" tabIndex={0}>{note.text}</pre>
        {copy.isError && <ErrorAlert title="The note was not copied" error={copy.error} onRetry={() => copy.mutate()} compact />}
      </Stack>
    </Paper>
  );
}
