import { Button, Group, Modal, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Customer, User } from '../../../../shared/domain/portal-entities';
import { Address } from '../../components/Address';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSaveEmail } from './queries';

const looksLikeEmail = (v: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);

/** Add or correct a user's Email: typed, confirmed, saved, then re-read from the portal. */
export function EditEmail({ customer, user, onDone }: { customer: Customer; user: User; onDone(): void }) {
  const [value, setValue] = useState(user.email ?? '');
  const [confirming, setConfirming] = useState(false);
  const next = value.trim();
  const problem = next !== '' && !looksLikeEmail(next) ? 'An address needs a name, an @ and a domain such as example.com.' : null;

  const save = useSaveEmail(customer, user, () => {
    setConfirming(false);
    onDone();
  });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (next && !problem && next !== user.email) setConfirming(true);
  }
  function onKeyDown(e: KeyboardEvent) {
    if (e.key !== 'Escape') return;
    // React events bubble out of portals: an Esc in the "Change the Email?" dialog arrives here too.
    // That Esc belongs to the dialog (it closes only the dialog), never to this form.
    if (confirming || (e.target instanceof Element && e.target.closest('[role="dialog"]'))) return;
    e.stopPropagation();
    // Never throw the form away while a save is on its way.
    if (!save.isPending) onDone();
  }

  return (
    <Paper withBorder p="md" bg="gray.0" onKeyDown={onKeyDown}>
      <form onSubmit={onSubmit}>
        <Stack gap="sm">
          <TextInput
            label="New Email"
            description={`Where ${user.firstName}’s temporary passwords will be sent. Read it back to the caller.`}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            error={problem}
            maxLength={320}
            autoComplete="off"
            spellCheck={false}
            data-autofocus
            autoFocus
          />
          <Group gap="sm">
            <Button type="submit" disabled={!next || problem !== null || next === user.email}>
              Save Email
            </Button>
            <Button variant="default" onClick={onDone} disabled={save.isPending}>Cancel</Button>
          </Group>
        </Stack>
      </form>
      <Modal opened={confirming} onClose={() => !save.isPending && setConfirming(false)} title="Change the Email?" centered closeButtonProps={{ 'aria-label': 'Close' }}>
        <Stack gap="sm">
          <Text size="sm">
            {user.firstName} {user.lastName}’s Email will be:
          </Text>
          <Text fw={700} size="lg"><Address text={next} /></Text>
          {user.email && <Text size="sm" c="dimmed">It was {user.email}.</Text>}
          <Text size="sm">Temporary passwords will go to this address. Did the caller confirm it?</Text>
          {save.isError && <ErrorAlert title="The Email was not changed" error={save.error} compact />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={save.isPending}>Go back</Button>
            <Button onClick={() => save.mutate(next)} loading={save.isPending} data-autofocus>
              Confirm and save
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
