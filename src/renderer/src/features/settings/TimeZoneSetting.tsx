import { Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { SettingsView } from '../../../../shared/ipc/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { systemTimeZone } from '../../lib/locale-date';
import { useTimeFormat } from '../../state/time-format';
import { useSetTimeZone } from './queries';

const SYSTEM = '';

/** Which time zone every time on screen (and in the note) is shown in; the system's unless chosen. */
export function TimeZoneSetting({ settings }: { settings: SettingsView }) {
  const save = useSetTimeZone();
  const t = useTimeFormat();
  const system = systemTimeZone();
  const options = useMemo(
    () => [{ value: SYSTEM, label: `This computer’s time zone (${system})` }, ...Intl.supportedValuesOf('timeZone').map((z) => ({ value: z, label: z.replace(/_/g, ' ') }))],
    [system],
  );
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={3} size="h4">Time zone</Title>
        <Text size="sm" c="dimmed">Every time on screen and in ticket notes is shown in this zone, with the zone named.</Text>
        <Group align="flex-end">
          <NativeSelect
            label="Time zone"
            data={options}
            value={settings.timeZone ?? SYSTEM}
            onChange={(e) => save.mutate(e.currentTarget.value === SYSTEM ? null : e.currentTarget.value)}
            disabled={save.isPending}
            w={360}
          />
          <Text size="sm" role="status">Now: {t.clock(new Date().toISOString())}</Text>
        </Group>
        {save.isError && <ErrorAlert title="The time zone was not changed" error={save.error} compact />}
      </Stack>
    </Paper>
  );
}
