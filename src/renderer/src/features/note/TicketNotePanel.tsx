import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Customer, User } from '../../../../shared/domain/portal-entities';
import { buildTicketNote } from '../../../../shared/ticket-note';
import { ErrorAlert } from '../../components/ErrorAlert';
import { unwrap } from '../../lib/api-error';
import { copyRich } from '../../lib/clipboard';
import type { ResetAttempt } from '../console/console-state';
import { hrefOf } from '../../lib/route';
import { noteInputFromAttempt } from './note-input';

/** A visible preview of the ticket note and the button that puts it on the clipboard (text + HTML). */
export function TicketNotePanel({ attempt, customer, user, staffName }: { attempt: ResetAttempt; customer: Customer; user: User; staffName: string }) {
  const input = useMemo(() => noteInputFromAttempt(attempt, customer, user, staffName), [attempt, customer, user, staffName]);
  const note = useMemo(() => buildTicketNote(input), [input]);
  const copyButton = useRef<HTMLButtonElement>(null);
  // The text that was copied: "Copied" holds only while the note still says exactly that.
  const [copiedText, setCopiedText] = useState<string | null>(null);
  const copied = copiedText === note.text;

  const copy = useMutation({
    mutationFn: async (): Promise<unknown> => {
      const { text, html } = note;
      await copyRich(text, html);
      setCopiedText(text);
      // The clipboard already holds the note; a failure to record it is reported, not fatal.
      try {
        await unwrap(window.api.history.noteCopied({ entryId: null, customerId: customer.id, userId: user.userId }));
        return null;
      } catch (error) {
        return error;
      }
    },
  });

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
            <Button ref={copyButton} onClick={() => copy.mutate()} loading={copy.isPending} variant={copied ? 'light' : 'filled'}>
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
        {copy.isError && <ErrorAlert title="The note was not copied" error={copy.error} onRetry={() => copy.mutate()} compact />}
        {copy.data ? <ErrorAlert title="Copied, but the history did not record it" error={copy.data} compact /> : null}
      </Stack>
    </Paper>
  );
}
