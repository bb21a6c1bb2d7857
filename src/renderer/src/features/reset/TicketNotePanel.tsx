import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Customer, User } from '../../../../shared/domain/portal-entities';
import { buildTicketNote } from '../../../../shared/ticket-note';
import { ErrorAlert } from '../../components/ErrorAlert';
import { hrefOf } from '../../lib/route';
import type { ResetAttempt } from '../../state/console-state';
import { useTimeFormat } from '../../state/time-format';
import { noteInputFromAttempt } from './note-input';
import { useCopyNote } from './queries';

/** A visible preview of the ticket note and the button that puts it on the clipboard (text + HTML). */
export function TicketNotePanel({ attempt, customer, user, staffName }: { attempt: ResetAttempt; customer: Customer; user: User; staffName: string }) {
  const { timeZone, locale } = useTimeFormat();
  const input = useMemo(
    () => ({ ...noteInputFromAttempt(attempt, customer, user, staffName, { timeZone, locale }), timeZone, locale }),
    [attempt, customer, user, staffName, timeZone, locale],
  );
  const note = useMemo(() => buildTicketNote(input), [input]);
  const copyButton = useRef<HTMLButtonElement>(null);
  // The text that was copied: "Copied" holds only while the note still says exactly that.
  const [copiedText, setCopiedText] = useState<string | null>(null);
  const copied = copiedText === note.text;

  const copy = useCopyNote(customer, user, setCopiedText);

  // After a reset (or a status check that confirms it) the next step is the note: put the keyboard there.
  // (When the outcome is unknown, Check status comes first and takes the focus instead.)
  const settled = input.outcome !== 'unknown';
  useEffect(() => {
    if (settled) copyButton.current?.focus();
  }, [attempt.outcome, settled]);

  return (
    <Paper withBorder p="lg" bg="white">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">Ticket note</Title>
          <Group gap="xs">
            {copied && !copy.isPending && <Text size="sm" c="teal" role="status">Copied — paste it into the ticket.</Text>}
            <Button ref={copyButton} onClick={() => copy.mutate(note)} loading={copy.isPending} variant={copied ? 'light' : 'filled'}>
              Copy ticket note
            </Button>
          </Group>
        </Group>
        {!staffName && (
          <Alert color="yellow" variant="light" p="xs">
            <Text size="sm">
              Your name is not set, so the note says “staff name not set”. <a href={hrefOf('settings')}>Set it in Settings</a>.
            </Text>
          </Alert>
        )}
        <Paper bg="gray.0" p="sm" withBorder>
          <pre className="rc-note" aria-label="Ticket note preview" tabIndex={0}>{note.text}</pre>
        </Paper>
        {copy.isError && <ErrorAlert title="The note was not copied" error={copy.error} onRetry={() => copy.mutate(note)} compact />}
        {copy.data ? <ErrorAlert title="Copied, but the history did not record it" error={copy.data} compact /> : null}
      </Stack>
    </Paper>
  );
}
