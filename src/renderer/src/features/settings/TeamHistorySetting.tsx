import { Button, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { TeamStatus } from '../../../../shared/ipc/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { teamSettingQuery, useSetTeamDatabase, useSetTeamPassword } from './queries';

function stateLine(s: TeamStatus): { text: string; color: string } {
  if (!s.enabled) return { text: 'Off: History and warnings show this computer’s resets only.', color: 'dimmed' };
  if (s.state === 'unavailable') return { text: `Team history unavailable — ${s.waiting} ${s.waiting === 1 ? 'entry' : 'entries'} waiting. ${s.problem?.message ?? ''}`, color: 'orange.9' };
  if (s.state === 'shipping') return { text: `Sharing ${s.waiting} ${s.waiting === 1 ? 'entry' : 'entries'}…`, color: 'blue.8' };
  return { text: 'Connected: every reset is shared with the team.', color: 'teal.8' };
}

/** Settings → Team history: the shared database's address and this staffer's database password. */
export function TeamHistorySetting() {
  const status = useQuery(teamSettingQuery());
  const setDatabase = useSetTeamDatabase();
  const setPassword = useSetTeamPassword();
  const s = status.data;
  // null: not edited, so the field shows the address in use.
  const [edited, setAddress] = useState<string | null>(null);
  const address = edited ?? s?.address ?? '';
  const [password, setPasswordText] = useState('');

  function onSaveAddress(e: FormEvent) {
    e.preventDefault();
    setDatabase.mutate(address.trim() || null, { onSuccess: () => setAddress(null) });
  }
  function onSavePassword(e: FormEvent) {
    e.preventDefault();
    if (password) setPassword.mutate(password, { onSuccess: () => setPasswordText('') });
  }
  const line = s ? stateLine(s) : null;
  const askPassword = s?.enabled && (!s.passwordStored || s.problem?.code === 'wrong_password' || s.problem?.code === 'password_needed');

  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={3} size="h4">Team history</Title>
        <Text size="sm" c="dimmed">
          With a team database (PostgreSQL), every desk sees every reset: History, the repeat-reset warning and who reset a user last.
          Use your own database login: postgres://LOGIN@HOST:PORT/DATABASE. The password is asked separately and kept in the system keychain.
        </Text>
        {line && <Text size="sm" c={line.color} role="status">{line.text}</Text>}
        {s?.fromCommandLine && <Text size="sm">Set for this run with <code>--team-db</code>; saving an address here replaces it.</Text>}
        <form onSubmit={onSaveAddress}>
          <Group align="flex-end">
            <TextInput label="Team database address" placeholder="postgres://desk_a@db.example.net:5432/helpdesk" value={address} onChange={(e) => setAddress(e.currentTarget.value)} w={420} spellCheck={false} autoComplete="off" />
            <Button type="submit" loading={setDatabase.isPending} disabled={address.trim() === (s?.address ?? '')}>Save address</Button>
            {s?.enabled && (
              <Button variant="light" color="gray" onClick={() => setDatabase.mutate(null)} loading={setDatabase.isPending}>Turn off team history</Button>
            )}
          </Group>
        </form>
        {setDatabase.isError && <ErrorAlert title="The address was not saved" error={setDatabase.error} compact />}
        {s?.enabled && (
          <form onSubmit={onSavePassword}>
            <Group align="flex-end">
              <PasswordInput label="Team database password" description={askPassword ? 'The database asks for it; it is kept in the system keychain.' : 'Stored in the system keychain. Enter it again only if it changed.'} value={password} onChange={(e) => setPasswordText(e.currentTarget.value)} w={320} autoComplete="off" />
              <Button type="submit" variant={askPassword ? 'filled' : 'default'} loading={setPassword.isPending} disabled={!password}>Save password</Button>
            </Group>
          </form>
        )}
        {setPassword.isError && <ErrorAlert title="The password was not saved" error={setPassword.error} compact />}
      </Stack>
    </Paper>
  );
}
