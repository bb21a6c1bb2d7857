import { Badge, Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { AppInfo, SettingsView } from '../../../../shared/ipc/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useForgetCredentials, useSaveStaffName } from './queries';
import { SignInForm } from './SignInForm';
import { TeamHistorySetting } from './TeamHistorySetting';
import { TimeZoneSetting } from './TimeZoneSetting';

export function SettingsPage({ info, settings }: { info: AppInfo; settings: SettingsView }) {
  const [name, setName] = useState(settings.staffName);
  const [changing, setChanging] = useState(false);
  const [confirmForget, setConfirmForget] = useState(false);

  const saveName = useSaveStaffName();
  const forget = useForgetCredentials(() => setConfirmForget(false));

  function onSaveName(e: FormEvent) {
    e.preventDefault();
    if (name.trim()) saveName.mutate(name.trim());
  }

  return (
    <Stack gap="lg" maw={720}>
      <Title order={2}>Settings</Title>

      <Paper withBorder p="lg">
        <form onSubmit={onSaveName}>
          <Stack gap="sm">
            <Title order={3} size="h4">Your name</Title>
            <Text size="sm" c="dimmed">Written in ticket notes and in the history, so colleagues know who handled the call.</Text>
            <Group align="flex-end">
              <TextInput label="Staff name" value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={80} w={320} />
              <Button type="submit" loading={saveName.isPending} disabled={!name.trim() || name.trim() === settings.staffName}>
                Save name
              </Button>
            </Group>
            {saveName.isSuccess && name.trim() === settings.staffName && <Text size="sm" c="teal">Saved.</Text>}
            {saveName.isError && <ErrorAlert error={saveName.error} compact />}
          </Stack>
        </form>
      </Paper>

      <TimeZoneSetting settings={settings} />

      <TeamHistorySetting />

      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Title order={3} size="h4">Parent-admin credentials</Title>
          {settings.credential ? (
            <Group gap="xs">
              <Text size="sm">
                Signed in to {settings.portalMode === 'demo' ? 'the built-in demo portal' : settings.portalMode} as <b>{settings.credential.username}</b>
              </Text>
              <Badge variant="light" color={settings.credential.storage === 'keychain' ? 'teal' : 'yellow'}>
                {settings.credential.storage === 'keychain' ? 'kept in the system keychain' : 'this session only'}
              </Badge>
            </Group>
          ) : (
            <Text size="sm">No credentials stored.</Text>
          )}
          {changing ? (
            <Paper withBorder p="md" bg="gray.0">
              <SignInForm info={info} settings={settings} onDone={() => setChanging(false)} onCancel={() => setChanging(false)} />
            </Paper>
          ) : (
            <Group>
              <Button variant="default" onClick={() => setChanging(true)}>Change credentials</Button>
              <Button variant="light" color="red" onClick={() => setConfirmForget(true)} disabled={!settings.credential}>
                Forget credentials
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>

      <Paper withBorder p="lg">
        <Stack gap={4}>
          <Title order={3} size="h4">About</Title>
          <Text size="sm">Version {info.version} · {info.host === 'electron' ? 'desktop app' : 'browser shell'}</Text>
          <Text size="sm">Portal: {info.portalMode === 'demo' ? 'built-in demo portal' : info.portalMode}</Text>
          <Text size="sm">
            System keychain: {info.keychain.status === 'available' ? 'available' : `not available (${info.keychain.reason})`}
          </Text>
        </Stack>
      </Paper>

      <Modal opened={confirmForget} onClose={() => setConfirmForget(false)} title="Forget the parent-admin credentials?" centered closeButtonProps={{ 'aria-label': 'Close' }}>
        <Stack>
          <Text size="sm">
            The console removes them from {settings.credential?.storage === 'keychain' ? 'the system keychain' : 'this session'} and signs
            out. Someone with the credentials must sign in again before anyone can reset a password.
          </Text>
          {forget.isError && <ErrorAlert error={forget.error} compact />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmForget(false)}>Keep them</Button>
            <Button color="red" onClick={() => forget.mutate()} loading={forget.isPending}>Forget and sign out</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
