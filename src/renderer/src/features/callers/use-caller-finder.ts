import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { CallerHit } from '../../../../shared/domain/portal-entities';
import { errorCodeOf } from '../../lib/api-error';
import { useConsole } from '../../state/console-state';
import { useOpenCustomer } from '../../state/use-open-customer';
import { callerIndexQuery, callerPortalQuery } from './queries';

/** Only the portal round trip waits for the staffer to pause; the open customer's index answers every keystroke. */
export const CALLER_SEARCH_DEBOUNCE_MS = 250;

/** What the hit list shows: the portal's answer for the text typed, the index's, or the last one while waiting. */
export type HitsSource = 'portal' | 'index' | 'previous' | 'none';

export interface CallerFinder {
  text: string;
  query: string;
  hits: CallerHit[];
  total: number;
  source: HitsSource;
  searching: boolean;
  error: unknown;
  retry(): void;
  active: number;
  move(to: number): void;
  /** Opens the active hit (Enter): at once on the portal's answer or after an arrow key, else when it arrives if it is the only one. */
  openActive(): void;
  open(hit: CallerHit): void;
  /** The staffer typed: an Enter pressed on the earlier text no longer stands. */
  typed(): void;
  opening: CallerHit | null;
  openError: unknown;
  /** A hit that cannot be opened (suspended customer) was chosen. */
  refused: CallerHit | null;
}

export const hitKey = (hit: CallerHit) => `${hit.customer.id}/${hit.userId}`;

/** Find caller's search and choice, shared by the field (keys) and the hit list (clicks) on the console screen. */
export function useCallerFinder(): CallerFinder {
  const { callerText, customer, pickUser, setLeftView } = useConsole();
  const query = callerText.trim();
  const [debounced] = useDebouncedValue(query, CALLER_SEARCH_DEBOUNCE_MS);
  const index = useQuery(callerIndexQuery(query));
  const portal = useQuery({ ...callerPortalQuery(debounced), placeholderData: keepPreviousData });
  /** The active hit and whether the staffer moved to it, for one list of results (a new list starts at the top). */
  const [nav, setNav] = useState({ key: '', active: 0, moved: false });
  /** The text Enter was pressed on before the portal answered it; cleared by typing. */
  const openFor = useRef<string | null>(null);
  const queryClient = useQueryClient();
  const [refused, setRefused] = useState<CallerHit | null>(null);
  const [opening, setOpening] = useState<CallerHit | null>(null);
  const openCustomer = useOpenCustomer();

  const portalFresh = portal.isSuccess && !portal.isPlaceholderData && debounced === query;
  const indexHits = index.data?.index && index.data.hits.length > 0 ? index.data : null;
  let source: HitsSource = 'none';
  let shown = { hits: [] as CallerHit[], total: 0 };
  if (query !== '' && portalFresh) [source, shown] = ['portal', portal.data];
  else if (query !== '' && indexHits) [source, shown] = ['index', indexHits];
  else if (query !== '' && portal.data) [source, shown] = ['previous', portal.data];

  const resultsKey = `${query}\u0000${source}\u0000${shown.hits[0] ? hitKey(shown.hits[0]) : ''}`;
  const active = nav.key === resultsKey ? nav.active : 0;
  const moved = nav.key === resultsKey && nav.moved;

  function open(hit: CallerHit) {
    openFor.current = null;
    if (hit.customer.status === 'suspended') {
      setRefused(hit);
      return;
    }
    setRefused(null);
    if (customer?.id === hit.customer.id) {
      pickUser(hit.userId);
      setLeftView('users');
      return;
    }
    // Another customer's user panel goes at once (issue 13), before the portal opens the new one.
    pickUser(null);
    setOpening(hit);
    openCustomer.mutate(hit.customer.id, {
      onSuccess: () => pickUser(hit.userId),
      onSettled: () => setOpening(null),
    });
  }

  /**
   * Enter before the portal answered the text typed: ask now (no debounce). One hit opens at once; several
   * stay on screen to be chosen — the staffer has not seen them, and look-alikes are exactly what misleads.
   */
  function openBestWhenAnswered(q: string) {
    openFor.current = q;
    queryClient
      .fetchQuery(callerPortalQuery(q))
      .then((answer) => {
        const only = answer.hits.length === 1 ? answer.hits[0] : undefined;
        if (openFor.current === q && only) open(only);
        openFor.current = null;
      })
      .catch(() => undefined); // the query's own error is shown by the list
  }

  const portalError = portal.isError && errorCodeOf(portal.error) !== 'cancelled' ? portal.error : null;
  return {
    text: callerText,
    query,
    hits: shown.hits,
    total: shown.total,
    source,
    searching: query !== '' && !portalFresh && !portalError,
    error: portalError,
    retry: () => void portal.refetch(),
    active,
    move: (to) => {
      if (shown.hits.length === 0) return;
      setNav({ key: resultsKey, active: Math.max(0, Math.min(shown.hits.length - 1, to)), moved: true });
    },
    openActive: () => {
      if (query === '') return;
      const hit = shown.hits[active];
      if (source === 'portal' || (moved && hit)) {
        if (hit) open(hit);
        return;
      }
      openBestWhenAnswered(query);
    },
    open,
    typed: () => {
      openFor.current = null;
    },
    opening,
    openError: openCustomer.isError ? openCustomer.error : null,
    refused,
  };
}
