import { Badge, Group, Stack, Text } from '@mantine/core';
import type { PasswordState } from '../../../../shared/domain/portal-entities';
import { describeRemaining, formatCountdown, formatRelative } from '../../lib/format-time';
import { useNow } from '../../lib/use-now';
import { useTimeFormat } from '../../state/time-format';

/** The user's password state, with a live countdown while a temporary password is outstanding. */
export function PasswordStatus({ password }: { password: PasswordState }) {
  const now = useNow(1000);
  const t = useTimeFormat();
  const at = (iso: string) => `${t.instant(iso)} (${formatRelative(Date.parse(iso), now)})`;
  const lastChanged = password.changedAt ? (
    <Text size="sm" c="dimmed">Last changed {at(password.changedAt)}</Text>
  ) : null;

  switch (password.state) {
    case 'active':
      return (
        <Stack gap={4}>
          <Group gap="xs">
            <Badge color="teal" variant="light">Active</Badge>
            {password.expiresAt && (
              <Text size="sm">
                Expires {t.day(password.expiresAt)} ({formatRelative(Date.parse(password.expiresAt), now)}) — 90 days after the last change
              </Text>
            )}
          </Group>
          {lastChanged}
        </Stack>
      );
    case 'temp_issued': {
      const remaining = password.tempExpiresAt ? Date.parse(password.tempExpiresAt) - now : 0;
      return (
        <Stack gap={4}>
          <Group gap="xs">
            <Badge color="blue" variant="light">Temporary password issued</Badge>
            {password.tempIssuedAt && <Text size="sm">Sent {at(password.tempIssuedAt)}</Text>}
          </Group>
          {password.tempExpiresAt && (
            <Group gap="xs" align="baseline">
              <Text size="sm">Expires {t.instant(password.tempExpiresAt)}:</Text>
              <Text role="timer" aria-label={`Temporary password ${describeRemaining(remaining)}`} fw={700} size="lg" className="rc-countdown" c={remaining < 3_600_000 ? 'orange.8' : 'blue.8'}>
                {remaining > 0 ? `${formatCountdown(remaining)} left` : 'expired by this computer’s clock — check status'}
              </Text>
            </Group>
          )}
          <Text size="sm" c="dimmed">Not used yet: the user still has to sign in with it and choose a new password.</Text>
          {lastChanged}
        </Stack>
      );
    }
    case 'temp_expired':
      return (
        <Stack gap={4}>
          <Group gap="xs">
            <Badge color="orange" variant="filled">Temporary password expired</Badge>
            {password.tempExpiresAt && <Text size="sm">Expired {at(password.tempExpiresAt)}</Text>}
          </Group>
          <Text size="sm">It was not used within 24 hours. Send a new temporary password.</Text>
          {lastChanged}
        </Stack>
      );
    case 'expired':
      return (
        <Stack gap={4}>
          <Group gap="xs">
            <Badge color="red" variant="light">Password expired</Badge>
            {password.expiresAt && <Text size="sm">Expired {t.day(password.expiresAt)} ({formatRelative(Date.parse(password.expiresAt), now)})</Text>}
          </Group>
          <Text size="sm">Passwords must be changed every 90 days. A temporary password lets the user choose a new one.</Text>
          {lastChanged}
        </Stack>
      );
  }
}
