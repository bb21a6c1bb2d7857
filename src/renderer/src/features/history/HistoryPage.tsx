import { Button, Group, Loader, NativeSelect, Paper, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery, useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { HistoryEntry, ResetStatus, SettingsView } from '../../../../shared/ipc/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useUnreachableSince } from '../../lib/connectivity';
import { useNow } from '../../lib/use-now';
import { useTimeFormat } from '../../state/time-format';
import { emptyFilterForm, filterOf, isFiltered, type FilterForm } from './history-filter';
import { GRID_COLUMNS, HistoryRow, ROW_HEIGHT, type RowActions } from './HistoryRow';
import { historyListQuery, historyStatusQuery } from './queries';
import { useHistoryActions } from './use-history-actions';
import { CONSOLE_LOCALE, datePattern } from '../../lib/locale-date';
import './history.css';


const statusOptions = [
  { value: '', label: 'Any status' },
  { value: 'pending', label: 'Pending' },
  { value: 'completed', label: 'Completed' },
  { value: 'expired', label: 'Expired' },
  { value: 'replaced', label: 'Replaced' },
  { value: 'unknown', label: 'Unknown' },
];

/** Statuses that can still change: a visible row with one of these is read from the portal. */
function checkable(e: HistoryEntry): boolean {
  // Another desk's reset (team mode) is checked and recorded by that desk.
  return e.fromThisDesk && e.action !== 'reset_refused' && (e.status === 'pending' || e.status === 'unknown');
}

export function HistoryPage({ settings: _settings }: { settings: SettingsView }) {
  const [form, setForm] = useState<FilterForm>(emptyFilterForm);
  const [debouncedForm] = useDebouncedValue(form, 250);
  const t = useTimeFormat();
  // Asked of Intl when History opens, not when the console starts (Intl's first use is slow).
  const dayHint = useMemo(() => datePattern(CONSOLE_LOCALE).placeholder, []);
  const filter = useMemo(() => filterOf(debouncedForm, t.timeZone), [debouncedForm, t.timeZone]);
  const list = useInfiniteQuery({ ...historyListQuery(filter), placeholderData: keepPreviousData });
  const entries = useMemo(() => list.data?.pages.flatMap((p) => p.entries) ?? [], [list.data]);
  // The local store counts every match; the team database does not (a count would read the whole table).
  const total = list.data?.pages[0]?.total ?? null;
  const teamMode = entries.some((e) => e.sharing !== null);
  const rowCount = total !== null ? Math.max(total, entries.length) : entries.length + (list.hasNextPage ? 1 : 0);
  const offline = useUnreachableSince() !== null;
  const now = useNow(1000);

  const scrollRef = useRef<HTMLDivElement>(null);
  // The project does not use the React Compiler; TanStack Virtual is the issue's chosen virtualiser.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
    getItemKey: (i) => entries[i]?.id ?? i,
  });
  const items = virtualizer.getVirtualItems();

  // Pages load as the table scrolls: once a row near the end of what is loaded comes into view.
  const lastVisible = items.length > 0 ? items[items.length - 1]!.index : -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastVisible >= entries.length - 20) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastVisible, entries.length]);

  // The list fills the window below the filters, whatever banners or alerts sit above it.
  const [listHeight, setListHeight] = useState(420);
  const hasRows = entries.length > 0;
  useEffect(() => {
    if (!hasRows) return;
    const measure = () => {
      const el = scrollRef.current;
      if (el) setListHeight(Math.max(300, Math.floor(window.innerHeight - el.getBoundingClientRect().top - 20)));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [hasRows]);

  // Live status for the rows on screen once scrolling settles; finished statuses are not read again.
  const loadedItems = items.filter((i) => i.index < entries.length);
  const visibleIds = loadedItems.map((i) => entries[i.index]?.id).filter((id): id is string => !!id).join(' ');
  const [settledIds] = useDebouncedValue(visibleIds, 400);
  const settled = useMemo(() => new Set(settledIds.split(' ')), [settledIds]);
  const checks = useQueries({
    queries: loadedItems.map((i) => {
      const e = entries[i.index]!;
      return { ...historyStatusQuery(e.id), enabled: !offline && settled.has(e.id) && checkable(e) };
    }),
  });

  const { copy, refresh, resetAgain, exportCsv, copiedFor, exported } = useHistoryActions(filter, offline);

  const actions: RowActions = {
    refresh: (e) => void refresh.start(e.id, e),
    copy: (e) => void copy.start(e.id, e),
    resetAgain: (e) => void resetAgain.start(e.id, e),
    busy: { refresh: refresh.pending, copy: copy.pending, resetAgain: resetAgain.pending },
  };

  const set = useCallback(<K extends keyof FilterForm>(key: K, value: FilterForm[K]) => setForm((f) => ({ ...f, [key]: value })), []);
  const filtered = isFiltered(debouncedForm);
  const newestCheck = entries.reduce<string | null>((m, e) => (e.statusCheckedAt && (!m || e.statusCheckedAt > m) ? e.statusCheckedAt : m), null);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Resets</Title>
          <Text size="sm" c="dimmed">
            {teamMode ? 'Every reset made by the team, newest first, with its status on the portal.' : 'Every reset made from this console, newest first, with its status on the portal.'}
          </Text>
        </div>
        <Button variant="default" onClick={() => void exportCsv.start('export')} loading={exportCsv.pending !== null}>
          Export CSV
        </Button>
      </Group>

      <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label="Filter resets">
        <TextInput label="Company or account" placeholder="Acme Dental or 100-2001" value={form.customer} onChange={(e) => set('customer', e.currentTarget.value)} w={220} />
        <TextInput label="User, extension or Email" placeholder="jane, 1042, jane@…" value={form.user} onChange={(e) => set('user', e.currentTarget.value)} w={220} />
        <TextInput label="From" placeholder={dayHint} value={form.from} onChange={(e) => set('from', e.currentTarget.value)} w={150} inputMode="numeric" autoComplete="off" />
        <TextInput label="To" placeholder={dayHint} value={form.to} onChange={(e) => set('to', e.currentTarget.value)} w={150} inputMode="numeric" autoComplete="off" />
        <NativeSelect label="Status" data={statusOptions} value={form.status} onChange={(e) => set('status', e.currentTarget.value as ResetStatus | '')} w={140} />
        {isFiltered(form) && (
          <Button variant="subtle" onClick={() => setForm(emptyFilterForm)}>Clear filters</Button>
        )}
        {(list.isFetching || checks.some((c) => c.isFetching)) && <Loader size="sm" role="status" aria-label="Reading" />}
      </Group>

      <Text size="sm" role="status" aria-live="polite" c={offline ? 'orange.9' : undefined}>
        {list.data
          ? total !== null
            ? `${total.toLocaleString('en-GB')} ${total === 1 ? 'reset' : 'resets'}${filtered ? ' match the filter' : ''}`
            : `${entries.length.toLocaleString('en-GB')}${list.hasNextPage ? '+' : ''} ${entries.length === 1 && !list.hasNextPage ? 'reset' : 'resets'} in the team history${filtered ? ' match the filter' : ''}`
          : ''}
        {offline
          ? ` · The portal cannot be reached: statuses are the last known${newestCheck ? ` (newest check ${t.instant(newestCheck)})` : ''}. History, notes and export still work.`
          : ''}
      </Text>

      {copiedFor && !copy.error && (
        <Text size="sm" c="teal.8" role="status">
          Ticket note for {copiedFor.userName || copiedFor.userId} copied — paste it into the ticket.
        </Text>
      )}
      {exported && exportCsv.error === null && (
        <Text size="sm" c="teal.9" role="status">
          Exported <b>{exported}</b> to your Downloads folder.
        </Text>
      )}
      {exportCsv.error !== null && <ErrorAlert title="Export failed" error={exportCsv.error} onRetry={() => void exportCsv.start('export')} compact />}
      {copy.error !== null && <ErrorAlert title="The note was not copied" error={copy.error} compact />}
      {refresh.error !== null && <ErrorAlert title="Status refresh failed" error={refresh.error} compact />}
      {resetAgain.error !== null && <ErrorAlert title="Could not open this user for a new reset" error={resetAgain.error} compact />}

      {list.isError ? (
        <ErrorAlert title="Could not read the history" error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : list.isPending ? (
        <Group><Loader size="sm" /><Text c="dimmed">Loading…</Text></Group>
      ) : entries.length === 0 ? (
        <Paper withBorder p="lg" bg="white">
          <Text c="dimmed">{filtered ? 'No reset matches this filter.' : 'No resets yet. They appear here as soon as one is sent.'}</Text>
        </Paper>
      ) : (
        <Paper withBorder bg="white" role="table" aria-label="Resets" aria-rowcount={rowCount + 1} style={{ overflow: 'hidden' }}>
          <div role="rowgroup">
            <div role="row" aria-rowindex={1} className="rc-history-head" style={{ display: 'grid', gridTemplateColumns: GRID_COLUMNS, overflowY: 'hidden', scrollbarGutter: 'stable' }}>
              <div role="columnheader">Sent · by</div>
              <div role="columnheader">Customer</div>
              <div role="columnheader">User</div>
              <div role="columnheader">E-mail went to</div>
              <div role="columnheader">Status</div>
              <div role="columnheader"><VisuallyHidden>Actions</VisuallyHidden></div>
            </div>
          </div>
          <div ref={scrollRef} role="rowgroup" className="rc-history-scroll" style={{ height: listHeight, scrollbarGutter: 'stable' }}>
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const entry = entries[item.index];
                if (!entry) {
                  return (
                    <div key={item.key} role="row" aria-rowindex={item.index + 2} className="rc-history-row" style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
                      <div role="cell" className="rc-history-cell"><Text size="sm" c="dimmed">Loading older resets…</Text></div>
                    </div>
                  );
                }
                const n = loadedItems.indexOf(item);
                return (
                  <HistoryRow
                    key={item.key}
                    entry={entry}
                    check={checks[n]?.data}
                    offline={offline}
                    now={now}
                    index={item.index}
                    style={{ transform: `translateY(${item.start}px)` }}
                    actions={actions}
                  />
                );
              })}
            </div>
          </div>
        </Paper>
      )}
    </Stack>
  );
}
