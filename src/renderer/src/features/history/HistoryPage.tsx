import { Badge, Button, Group, Loader, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { HistoryEntry, ResetStatus, SettingsView } from '../../../../shared/ipc/contract';
import { buildTicketNote, formatInstant } from '../../../../shared/ticket-note';
import { ErrorAlert } from '../../components/ErrorAlert';
import { unwrap } from '../../lib/api-error';
import { copyRich, downloadBlob } from '../../lib/clipboard';
import { userDetailQuery } from '../users/queries';
import { noteInputFromEntry } from './history-note';
import { historyKeys, historyListQuery, type HistoryFilter } from './queries';

const statusColor: Record<ResetStatus, string> = { pending: 'blue', completed: 'teal', expired: 'orange', unknown: 'gray' };
const actionLabel: Record<HistoryEntry['action'], string> = { reset_sent: 'Sent', reset_refused: 'Refused', reset_unknown: 'Outcome unknown' };

export function HistoryPage({ settings: _settings }: { settings: SettingsView }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<ResetStatus | null>(null);
  const [debounced] = useDebouncedValue(text.trim(), 250);
  const filter: HistoryFilter = { ...(debounced ? { customer: debounced } : {}), ...(status ? { status } : {}) };
  const list = useQuery({ ...historyListQuery(filter), placeholderData: keepPreviousData });
  const [copied, setCopied] = useState<string | null>(null);

  const copy = useMutation({
    mutationFn: async (entry: HistoryEntry) => {
      // The user's details (telephone number, alternate IDs) make the note specific; without them it stays general.
      const user = await queryClient.fetchQuery(userDetailQuery(entry.customerId, entry.userId)).catch(() => null);
      const note = buildTicketNote(noteInputFromEntry(entry, user));
      await copyRich(note.text, note.html);
      setCopied(entry.id);
      await unwrap(window.api.history.noteCopied({ entryId: entry.id, customerId: entry.customerId, userId: entry.userId })).catch(() => undefined);
    },
  });
  const refresh = useMutation({
    mutationFn: (entryId: string) => unwrap(window.api.history.refreshStatus({ entryId })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: historyKeys.lists() }),
  });
  const exportCsv = useMutation({
    mutationFn: () => unwrap(window.api.history.exportCsv(filter)),
    onSuccess: ({ csv, fileName }) => downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), fileName),
  });

  const entries = list.data?.entries ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Resets</Title>
          <Text size="sm" c="dimmed">Every reset made from this console, newest first.</Text>
        </div>
        <Button variant="default" onClick={() => exportCsv.mutate()} loading={exportCsv.isPending}>
          Export CSV
        </Button>
      </Group>
      <Group align="flex-end">
        <TextInput label="Filter by name" placeholder="Customer name" value={text} onChange={(e) => setText(e.currentTarget.value)} w={280} />
        <Select
          label="Status"
          placeholder="Any status"
          data={[
            { value: 'pending', label: 'Pending' },
            { value: 'completed', label: 'Completed' },
            { value: 'expired', label: 'Expired' },
            { value: 'unknown', label: 'Unknown' },
          ]}
          value={status}
          onChange={(v) => setStatus((v as ResetStatus | null) ?? null)}
          clearable
          w={180}
        />
        {list.isFetching && <Loader size="sm" />}
      </Group>
      {exportCsv.isError && <ErrorAlert title="Export failed" error={exportCsv.error} onRetry={() => exportCsv.mutate()} compact />}
      {copy.isError && <ErrorAlert title="The note was not copied" error={copy.error} compact />}
      {refresh.isError && <ErrorAlert title="Status refresh failed" error={refresh.error} compact />}
      {list.isError ? (
        <ErrorAlert title="Could not read the history" error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : list.isPending ? (
        <Group><Loader size="sm" /><Text c="dimmed">Loading…</Text></Group>
      ) : entries.length === 0 ? (
        <Paper withBorder p="lg" bg="white">
          <Text c="dimmed">{debounced || status ? 'No reset matches this filter.' : 'No resets yet. They appear here as soon as one is sent.'}</Text>
        </Paper>
      ) : (
        <Paper withBorder bg="white">
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Customer</Table.Th>
                <Table.Th>User</Table.Th>
                <Table.Th>Sent to</Table.Th>
                <Table.Th>Result</Table.Th>
                <Table.Th>Staff</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td><Text size="sm">{formatInstant(e.at)}</Text></Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>{e.customerName}</Text>
                    {e.accountNumber && <Text size="xs" c="dimmed" ff="monospace">Acct {e.accountNumber}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.userName} · ext {e.extension}</Text>
                    <Text size="xs" c="dimmed">{e.userId}</Text>
                  </Table.Td>
                  <Table.Td><Text size="sm" style={{ wordBreak: 'break-all' }}>{e.email ?? '—'}</Text></Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge variant="light" color={e.action === 'reset_sent' ? 'teal' : e.action === 'reset_unknown' ? 'yellow' : 'red'}>{actionLabel[e.action]}</Badge>
                      <Badge variant="outline" color={statusColor[e.status]}>{e.status}</Badge>
                    </Group>
                  </Table.Td>
                  <Table.Td><Text size="sm">{e.staffName}</Text></Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <Button size="compact-sm" variant="subtle" onClick={() => refresh.mutate(e.id)} loading={refresh.isPending && refresh.variables === e.id}>
                        Refresh status
                      </Button>
                      {e.action !== 'reset_refused' && (
                        <Button size="compact-sm" variant={copied === e.id ? 'light' : 'default'} onClick={() => copy.mutate(e)} loading={copy.isPending && copy.variables?.id === e.id}>
                          Copy ticket note
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
