import { Badge, Group, Loader, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Customer, UserSummary } from '../../../../shared/domain/portal-entities';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorCodeOf, unwrap } from '../../lib/api-error';
import { useConsole } from '../../state/console-state';
import { Highlighted } from '../../components/Highlighted';
import { userKeys } from '../../state/query-keys';
import { USER_PAGE_SIZE, userSearchQuery } from './queries';

const ROW_HEIGHT = 56;
export const USER_SEARCH_DEBOUNCE_MS = 150;

/** The open customer's users as main's index answers at once: a first page, while the portal's answer is on its way. */
const userIndexQuery = (customerId: string, q: string) => ({
  queryKey: [...userKeys.search(customerId, q), 'index'] as const,
  queryFn: () => unwrap(window.api.users.search({ customerId, q, limit: USER_PAGE_SIZE, from: 'index' })),
  staleTime: 0,
  gcTime: 10_000,
  retry: false,
});

/**
 * Search users as you type: every keystroke is answered at once from main's index of the open customer's
 * users; the portal is asked after a pause (debounced) and its answer replaces the index's. Thousands of rows
 * virtualised, next pages loaded on scroll.
 * The field keeps focus; ArrowUp/ArrowDown move the active row (aria-activedescendant), Enter picks it
 * (with a blank field only after such a move).
 */
export function UserSearch({ customer }: { customer: Customer }) {
  const { userText, setUserText, userId, pickUser, userInput } = useConsole();
  const [debounced] = useDebouncedValue(userText.trim(), USER_SEARCH_DEBOUNCE_MS);
  const typed = userText.trim();
  const query = useInfiniteQuery({ ...userSearchQuery(customer.id, debounced), placeholderData: keepPreviousData });
  const indexed = useQuery(userIndexQuery(customer.id, typed));
  const portalFresh = !query.isPlaceholderData && debounced === typed && query.isSuccess;
  // The index's answer stands in until the portal answered this very text.
  const indexData = !portalFresh ? indexed.data : undefined;
  const indexAnswer = useMemo(() => (indexData?.index ? { users: indexData.users, total: indexData.index.total } : null), [indexData]);
  const portalUsers = useMemo<UserSummary[]>(() => query.data?.pages.flatMap((p) => p.users) ?? [], [query.data]);
  const users = indexAnswer?.users ?? portalUsers;
  const shownQuery = indexAnswer ? typed : debounced;
  const [active, setActive] = useState(0);
  /** The staffer moved the active row with the keys since the results last changed. */
  const [moved, setMoved] = useState(false);
  const [pickWhenReady, setPickWhenReady] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  const listId = `users-${customer.id}`;
  const fresh = indexAnswer !== null || (!query.isPlaceholderData && debounced === typed && !query.isPending);

  // The project does not use the React Compiler; TanStack Virtual is the issue's chosen virtualiser.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: users.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  // New results: the first row becomes active.
  useEffect(() => {
    setActive(0);
    setMoved(false);
    virtualizer.scrollToOffset(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [customer.id, shownQuery]);

  // Enter pressed before the debounced results arrived: pick the first fresh one.
  useEffect(() => {
    if (pickWhenReady && fresh) {
      setPickWhenReady(false);
      const first = users[0];
      if (first) pickUser(first.userId);
    }
  }, [pickWhenReady, fresh, users, pickUser]);

  // Page through nextCursor as the end of the list comes into view.
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length > 0 ? items[items.length - 1]!.index : -1;
  useEffect(() => {
    if (!indexAnswer && lastIndex >= users.length - 20 && query.hasNextPage && !query.isFetchingNextPage && !query.isError) void query.fetchNextPage();
  }, [lastIndex, users.length, query, indexAnswer]);

  function move(to: number) {
    if (users.length === 0) return;
    const next = Math.max(0, Math.min(users.length - 1, to));
    setActive(next);
    setMoved(true);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown': event.preventDefault(); move(active + 1); break;
      case 'ArrowUp': event.preventDefault(); move(active - 1); break;
      case 'PageDown': event.preventDefault(); move(active + 8); break;
      case 'PageUp': event.preventDefault(); move(active - 8); break;
      case 'Enter': {
        event.preventDefault();
        // An empty field lists everyone: Enter alone must not open whoever happens to be first.
        if (userText.trim() === '' && !moved) break;
        if (!fresh) { setPickWhenReady(true); break; }
        const u = users[active];
        if (u) pickUser(u.userId);
        break;
      }
      default:
    }
  }

  // A superseded search answers `cancelled`: not an error the staffer needs to see.
  const visibleError = query.isError && errorCodeOf(query.error) !== 'cancelled' ? query.error : null;
  const activeUser = users[active];

  return (
    <Stack gap={6} style={{ flex: 1, minHeight: 0 }}>
      <TextInput
        ref={userInput}
        label="Search users"
        description="First name, last name, “first last” or extension. ↑ ↓ to move, Enter to pick."
        placeholder="e.g. Jane, Smith, Jane Smith or 1042"
        value={userText}
        onChange={(e) => { setUserText(e.currentTarget.value); setPickWhenReady(false); }}
        onKeyDown={onKeyDown}
        maxLength={100}
        autoComplete="off"
        spellCheck={false}
        aria-controls={listId}
        aria-activedescendant={activeUser ? optionId(customer.id, activeUser.userId) : undefined}
        rightSection={query.isFetching && !query.isFetchingNextPage ? <Loader size="xs" /> : null}
      />
      <Group justify="space-between" h={20}>
        <Text size="xs" c="dimmed" aria-live="polite">
          {indexAnswer
            ? `${indexAnswer.total} ${indexAnswer.total === 1 ? 'user' : 'users'}${typed ? ` matching “${typed}”` : ''}`
            : query.isPending
              ? 'Loading users…'
              : users.length === 0
                ? ''
                : `${users.length}${query.hasNextPage ? '+' : ''} ${users.length === 1 ? 'user' : 'users'}${debounced ? ` matching “${debounced}”` : ''}`}
        </Text>
        {query.isFetchingNextPage && <Text size="xs" c="dimmed">Loading more…</Text>}
      </Group>
      {visibleError && indexAnswer ? (
        // The list below is still right as far as this console knows: a quiet line, not an alarm over it.
        <Text size="xs" c="orange.9" role="status">
          The portal did not answer ({errorCodeOf(visibleError)}): these are the users this console read before.
        </Text>
      ) : (
        visibleError && <ErrorAlert title="User search failed" error={visibleError} onRetry={() => void query.refetch()} retrying={query.isFetching} compact />
      )}
      {query.isPending && !indexAnswer ? (
        <Stack gap={4} aria-busy="true">
          {[0, 1, 2, 3, 4].map((i) => <Skeleton key={i} h={ROW_HEIGHT - 8} />)}
        </Stack>
      ) : users.length === 0 && visibleError ? null : users.length === 0 ? (
        <Text size="sm" p="md" c="dimmed" bg="white" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
          {shownQuery ? `No user matches “${shownQuery}”. Try the last name or the extension.` : 'This customer has no users.'}
        </Text>
      ) : (
        <div ref={scrollRef} className="rc-user-list" style={{ flex: 1, minHeight: 200 }} tabIndex={0} role="region" aria-label="User list, scrolls">
          <div id={listId} role="listbox" aria-label="Users" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const u = users[item.index]!;
              return (
                <div
                  key={u.userId}
                  id={optionId(customer.id, u.userId)}
                  role="option"
                  aria-selected={u.userId === userId}
                  data-active={item.index === active}
                  className="rc-user-row"
                  style={{ top: item.start, height: ROW_HEIGHT }}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => { setActive(item.index); pickUser(u.userId); userInput.current?.focus(); }}
                >
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm" fw={600} truncate c={u.status === 'disabled' ? 'dimmed' : undefined} title={`${u.firstName} ${u.lastName}`}>
                      <Highlighted text={`${u.firstName} ${u.lastName}`} query={shownQuery} />
                    </Text>
                    <Text size="xs" c="dimmed" truncate title={u.userId}>{u.userId}</Text>
                  </div>
                  <Group gap={4} wrap="nowrap">
                    {u.status === 'disabled' && <Badge size="xs" color="gray" variant="filled">Disabled</Badge>}
                    {u.email === null && <Badge size="xs" color="orange" variant="light">No Email</Badge>}
                    <Badge size="md" variant="outline" color="indigo" ff="monospace" title="Extension">
                      {u.extension}
                    </Badge>
                  </Group>
                </div>
              );
            })}
          </div>
        </div>
      )}
    </Stack>
  );
}

function optionId(customerId: string, userId: string): string {
  return `user-${customerId}-${userId}`.replace(/[^A-Za-z0-9-]/g, (ch) => `_${ch.codePointAt(0)!.toString(16)}_`);
}
