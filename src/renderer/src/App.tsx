import { Center, Container, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ErrorAlert } from './components/ErrorAlert';
import { appInfoQuery, authStatusQuery, settingsQuery } from './state/app-queries';
import { FirstRun } from './features/settings/FirstRun';
import { navigate } from './lib/route';
import { TeamLive } from './features/team/TeamLive';
import { Shell } from './Shell';

/** Loads what the console knows about itself, then shows first run, the console, or History read-only. */
export function App() {
  const info = useQuery(appInfoQuery());
  const settings = useQuery(settingsQuery());
  // Asked at once with the two above, not after them: it also drives the banners.
  const status = useQuery(authStatusQuery(true));
  const readOnly = useReadOnlyStart(settings.data?.credential === null && settings.data.staffName !== null, status.data?.portalReachable);

  if (info.isPending || settings.isPending) {
    return (
      <Center h="100%">
        <Stack align="center" gap="xs">
          <Loader />
          <Text c="dimmed">Starting the console…</Text>
        </Stack>
      </Center>
    );
  }
  if (info.isError || settings.isError) {
    return (
      <Container size="sm" py="xl">
        <Title order={1} mb="md">Reset Console</Title>
        <ErrorAlert
          title="The console could not start"
          error={info.error ?? settings.error}
          onRetry={() => { void info.refetch(); void settings.refetch(); }}
        />
      </Container>
    );
  }
  if (!settings.data.credential) {
    if (readOnly.active) return <Shell info={info.data} settings={settings.data} signedOut={{ onSignIn: readOnly.leave }} />;
    return <FirstRun info={info.data} settings={settings.data} />;
  }
  return (
    <>
      <Shell info={info.data} settings={settings.data} />
      <TeamLive />
    </>
  );
}

/**
 * A console used before on this computer (a staff name is set) that starts with no stored credential and the
 * portal down opens History read-only from the audit trail instead of a sign-in nobody can complete. It stays
 * so until the staffer chooses to sign in, even when the portal comes back (the banner then offers it).
 */
function useReadOnlyStart(noCredentialKnownDesk: boolean, portalReachable: boolean | undefined) {
  const [state, setState] = useState<'undecided' | 'active' | 'left'>('undecided');
  // Adjusted while rendering (React's pattern for state derived from props), not in an effect.
  if (state === 'undecided' && noCredentialKnownDesk && portalReachable === false) setState('active');
  if (state === 'active' && !noCredentialKnownDesk) setState('left');
  const active = state === 'active';
  useEffect(() => {
    if (active) navigate('history');
  }, [active]);
  return { active: active && noCredentialKnownDesk, leave: () => setState('left') };
}
