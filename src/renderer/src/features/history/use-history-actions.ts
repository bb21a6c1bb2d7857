import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { HistoryEntry } from '../../../../shared/ipc/contract';
import { buildTicketNote } from '../../../../shared/ticket-note';
import { unwrap } from '../../lib/api-error';
import { copyRich, downloadBlob } from '../../lib/clipboard';
import { navigate } from '../../lib/route';
import { useConsole } from '../../state/console-state';
import { historyKeys, type HistoryFilter } from '../../state/query-keys';
import { useTimeFormat } from '../../state/time-format';
import { useOpenCustomer } from '../../state/use-open-customer';
import { userDetailQuery } from '../../state/user-detail-query';
import { noteInputFromEntry } from './history-note';
import { historyStatusQuery } from './queries';
import { useLocalAction } from './use-local-action';

/**
 * After "Reset again" the console mounts with the user's panel and its Search users field takes focus;
 * put the keyboard on Reset password instead once it is on screen (the staffer came here to reset).
 */
function focusResetPasswordWhenShown(timeoutMs = 3_000): void {
  const until = Date.now() + timeoutMs;
  const tick = () => {
    const button = Array.from(document.querySelectorAll<HTMLButtonElement>('button')).find((b) => b.textContent?.trim() === 'Reset password');
    if (button) {
      requestAnimationFrame(() => {
        if (!button.disabled) button.focus();
      });
    } else if (Date.now() < until) setTimeout(tick, 50);
  };
  setTimeout(tick, 0);
}

/** What History's buttons do: copy a note, refresh a status, reset again, export the filtered list. */
export function useHistoryActions(filter: HistoryFilter, offline: boolean) {
  const queryClient = useQueryClient();
  const { pickUser } = useConsole();
  const openCustomer = useOpenCustomer();
  const { timeZone, locale } = useTimeFormat();
  const [copiedFor, setCopiedFor] = useState<HistoryEntry | null>(null);
  const [exported, setExported] = useState<string | null>(null);

  const copy = useLocalAction(async (entry: HistoryEntry) => {
    // The user's details make the note specific and give the live state; offline the note says the last known one.
    const user = offline ? null : await queryClient.fetchQuery(userDetailQuery(entry.customerId, entry.userId)).catch(() => null);
    const note = buildTicketNote(noteInputFromEntry(entry, user, { timeZone, locale }));
    await copyRich(note.text, note.html);
    setCopiedFor(entry);
    await unwrap(window.api.history.noteCopied({ entryId: entry.id, customerId: entry.customerId, userId: entry.userId })).catch(() => undefined);
  });
  const refresh = useLocalAction(async (entry: HistoryEntry) => {
    const check = await queryClient.fetchQuery({ ...historyStatusQuery(entry.id), staleTime: 0 });
    if (check.status !== entry.status) await queryClient.invalidateQueries({ queryKey: historyKeys.lists() });
  });
  const resetAgain = useLocalAction(async (entry: HistoryEntry) => {
    // The same path as opening it from Customer results: caches, fresh user reads, offline banner.
    await openCustomer.mutateAsync(entry.customerId);
    pickUser(entry.userId);
    navigate('console');
    focusResetPasswordWhenShown();
  });
  const exportCsv = useLocalAction(async () => {
    setExported(null);
    const { csv, fileName } = await unwrap(window.api.history.exportCsv(filter));
    downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), fileName);
    setExported(fileName);
  });
  return { copy, refresh, resetAgain, exportCsv, copiedFor, exported };
}
