import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { hrefOf } from '../lib/route';

/** The console page while nobody is signed in: searches and resets need the portal, History does not. */
export function SignedOutConsole({ onSignIn }: { onSignIn(): void }) {
  return (
    <Paper withBorder p="lg" maw={720}>
      <Stack gap="sm">
        <Title order={2}>Not signed in</Title>
        <Text size="sm">
          Finding customers and sending temporary passwords need a signed-in portal. Resets already made from this computer are in
          History, with their ticket notes and CSV export.
        </Text>
        <Group>
          <Button component="a" href={hrefOf('history')} variant="default">Open History</Button>
          <Button onClick={onSignIn}>Sign in</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
