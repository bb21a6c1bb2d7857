import { Alert, Box, Container, Paper, Stack, Text, Title } from '@mantine/core';
import type { AppInfo, SettingsView } from '../../../../shared/ipc/contract';
import { SignInForm } from './SignInForm';

export function FirstRun({ info, settings }: { info: AppInfo; settings: SettingsView }) {
  return (
    <Box py="md" mih="100%">
      <Container size={640}>
        <Stack gap="sm">
          <div>
            <Title order={1} size="h2">Reset Console</Title>
            <Text c="dimmed">
              Sign in once with the shared parent-admin account. Staff never need to see or type it again.
            </Text>
          </div>
          {settings.settingsProblem && (
            <Alert color="orange" variant="light" title="Settings were reset" role="alert">
              {settings.settingsProblem}
            </Alert>
          )}
          <Paper withBorder shadow="sm" p="lg" radius="md">
            <SignInForm info={info} settings={settings} askStaffName />
          </Paper>
          <Text size="xs" c="dimmed" ta="center">
            Version {info.version} · {info.host === 'electron' ? 'desktop app' : 'browser shell'} ·{' '}
            {info.portalMode === 'demo' ? 'built-in demo portal' : info.portalMode}
          </Text>
        </Stack>
      </Container>
    </Box>
  );
}
