import { Center, Container, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from './components/ErrorAlert';
import { appInfoQuery, settingsQuery } from './state/app-queries';
import { FirstRun } from './features/settings/FirstRun';
import { TeamLive } from './features/team/TeamLive';
import { Shell } from './Shell';

/** Loads what the console knows about itself, then shows first run or the console. */
export function App() {
  const info = useQuery(appInfoQuery());
  const settings = useQuery(settingsQuery());

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
  if (!settings.data.credential) return <FirstRun info={info.data} settings={settings.data} />;
  return (
    <>
      <Shell info={info.data} settings={settings.data} />
      <TeamLive />
    </>
  );
}
