import { Alert, Button, Group, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppInfo, CredentialStorage, SettingsView } from '../../../../shared/ipc/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorCodeOf } from '../../lib/api-error';
import { useSignIn } from './queries';

interface Props {
  info: AppInfo;
  settings: SettingsView;
  /** First run also asks for the staffer's name (used in notes and history). */
  askStaffName?: boolean;
  onDone?: () => void;
  onCancel?: () => void;
}

/**
 * Portal + parent-admin credentials. "Sign in" checks them against the portal first; only then does the
 * core store them (keychain, or this session only). The password is sent once and never comes back.
 */
export function SignInForm({ info, settings, askStaffName, onDone, onCancel }: Props) {
  const presetUrl = info.portalMode !== 'demo' ? info.portalMode : settings.portalMode !== 'demo' ? settings.portalMode : '';
  const [mode, setMode] = useState<'demo' | 'url'>(presetUrl ? 'url' : 'demo');
  const [url, setUrl] = useState(presetUrl);
  const [username, setUsername] = useState(settings.credential?.username ?? '');
  const [password, setPassword] = useState('');
  const [staffName, setStaffName] = useState(settings.staffName);
  const keychainOk = info.keychain.status === 'available';
  const [storage, setStorage] = useState<CredentialStorage>(keychainOk ? 'keychain' : 'session');
  const [keychainFailed, setKeychainFailed] = useState<string | null>(null);
  const urlInput = useRef<HTMLInputElement>(null);
  const usernameInput = useRef<HTMLInputElement>(null);
  // The first field to fill, chosen once from what the form starts with (data-autofocus works only in Mantine modals).
  const [firstField] = useState<'url' | 'username'>(() => (mode === 'url' && url.trim() === '' ? 'url' : 'username'));

  useEffect(() => {
    (firstField === 'url' ? urlInput : usernameInput).current?.focus();
  }, [firstField]);

  const signIn = useSignIn({
    onSignedIn: () => {
      setPassword('');
      onDone?.();
    },
    onKeychainRefused: setKeychainFailed,
  });

  const urlProblem = mode === 'url' && url.trim() !== '' && !isHttpUrl(url.trim()) ? 'Enter a full address starting with https:// (or http:// for a local portal).' : null;
  const canSubmit = username.trim() !== '' && password !== '' && (mode === 'demo' || (url.trim() !== '' && !urlProblem));

  function submit(chosen: CredentialStorage) {
    if (!canSubmit || signIn.isPending) return;
    setStorage(chosen);
    signIn.mutate({ staffName: askStaffName ? staffName.trim() || null : null, input: {
      portal: mode === 'demo' ? { mode: 'demo' } : { mode: 'url', url: url.trim().replace(/\/+$/, '') },
      username: username.trim(),
      password,
      storage: chosen,
    } });
  }

  function onModeChange(value: string) {
    const next = value === 'url' ? 'url' : 'demo';
    setMode(next);
    // Choosing "A portal at an address" with none typed yet: the address is the next thing to type.
    if (next === 'url' && url.trim() === '') requestAnimationFrame(() => urlInput.current?.focus());
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    submit(storage);
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Radio.Group value={mode} onChange={onModeChange} label="Which portal">
          <Group mt={6}>
            <Radio value="demo" label="Built-in demo portal" />
            <Radio value="url" label="A portal at an address" />
          </Group>
        </Radio.Group>
        <TextInput
          ref={urlInput}
          label="Portal URL"
          description={mode === 'demo' ? 'Not needed for the demo portal. Typing an address selects it.' : 'The address of the Parent Admin Portal.'}
          placeholder="https://portal.example.com"
          value={url}
          onChange={(e) => { setUrl(e.currentTarget.value); if (e.currentTarget.value.trim() !== '') setMode('url'); }}
          error={urlProblem}
          autoComplete="off"
          spellCheck={false}
        />
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
        <TextInput
          ref={usernameInput}
          label="Username"
          description="The shared parent-admin username."
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <TextInput
          type="password"
          label="Password"
          description="Checked against the portal first; the console never shows it again."
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          autoComplete="off"
        />
        </SimpleGrid>
        {askStaffName && (
          <TextInput
            label="Your name"
            description="Written in ticket notes and in the history. You can change it in Settings."
            value={staffName}
            onChange={(e) => setStaffName(e.currentTarget.value)}
            maxLength={80}
          />
        )}
        {!keychainOk && info.keychain.status === 'unavailable' && (
          <Alert color="yellow" variant="light" p="xs" title="The system keychain is not available">
            <Text size="sm">
              Reason: {info.keychain.reason}. The credentials can be kept for this session only: the console forgets them when it
              closes and asks again next time.
            </Text>
          </Alert>
        )}
        <Radio.Group value={storage} onChange={(v) => setStorage(v === 'session' ? 'session' : 'keychain')} label="Keep the credentials">
          <Group mt={6}>
            <Radio value="keychain" label="In the system keychain" disabled={!keychainOk} />
            <Radio value="session" label="For this session only" />
          </Group>
        </Radio.Group>
        {keychainFailed && (
          <Alert color="yellow" variant="light" title="The keychain refused the credentials" role="alert">
            <Text size="sm">{keychainFailed}</Text>
            <Button mt="sm" size="xs" variant="filled" color="yellow" onClick={() => submit('session')} loading={signIn.isPending}>
              Keep for this session only
            </Button>
          </Alert>
        )}
        {signIn.isError && errorCodeOf(signIn.error) !== 'keychain_unavailable' && (
          <ErrorAlert title="Not signed in" error={signIn.error} onRetry={() => submit(storage)} retrying={signIn.isPending} />
        )}
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={signIn.isPending} disabled={!canSubmit}>
            Sign in
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}
