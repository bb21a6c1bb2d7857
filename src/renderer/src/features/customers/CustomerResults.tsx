import { Badge, Group, Loader, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { errorTable } from '../../../../shared/error-table';
import type { CustomerSummary } from '../../../../shared/domain/portal-entities';
import { foldText } from '../../../../shared/text/fold';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SuspendedCustomerNote } from '../../components/SuspendedCustomerNote';
import { countOf } from '../../lib/plural';
import { useConsole } from '../../state/console-state';
import { customerSearchQuery } from './queries';
import { Highlighted } from '../../components/Highlighted';
import { useOpenCustomer } from '../../state/use-open-customer';

/** Matches for the submitted Customer search; opening one does the Access CAP step. */
export function CustomerResults({ onOpened }: { onOpened(): void }) {
  const { submitted, customer: openOne, customerInput } = useConsole();
  const search = useQuery(customerSearchQuery(submitted));
  const [refused, setRefused] = useState<string | null>(null);
  const open = useOpenCustomer(() => onOpened());

  function choose(c: CustomerSummary) {
    if (c.status === 'suspended') {
      setRefused(c.id);
      return;
    }
    setRefused(null);
    open.mutate(c.id);
  }

  function onListKey(event: KeyboardEvent<HTMLDivElement>) {
    const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[data-customer-result]'));
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    let next = -1;
    if (event.key === 'ArrowDown') next = Math.min(items.length - 1, at + 1);
    else if (event.key === 'ArrowUp') next = at - 1;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else return;
    event.preventDefault();
    if (next < 0) customerInput.current?.focus();
    else items[next]?.focus();
  }

  if (!submitted) {
    return (
      <Paper withBorder p="lg" bg="white">
        <Text c="dimmed" size="sm">Matching customers appear here: name, account number, city, number of users and status.</Text>
      </Paper>
    );
  }
  if (search.isPending) {
    return (
      <Stack gap="xs" aria-busy="true">
        <Text size="sm" c="dimmed">Searching for “{submitted}”…</Text>
        {[0, 1, 2].map((i) => <Skeleton key={i} h={64} radius="md" />)}
      </Stack>
    );
  }
  if (search.isError) {
    return <ErrorAlert title="Customer search failed" error={search.error} onRetry={() => void search.refetch()} retrying={search.isFetching} />;
  }
  const { customers, total } = search.data;
  if (customers.length === 0) {
    return (
      <Paper withBorder p="lg" bg="white">
        <Text fw={600}>No customer matches “{submitted}”.</Text>
        <Text size="sm" c="dimmed">Check the spelling, or search for one word of the name.</Text>
      </Paper>
    );
  }
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {total === 1 ? '1 match' : `${total} matches`} for “{submitted}”
          {total > customers.length ? ` (showing the first ${customers.length}; type more of the name to narrow)` : ''}
        </Text>
        {search.isFetching && <Loader size="xs" />}
      </Group>
      {open.isError && <ErrorAlert title="Could not open the customer" error={open.error} onRetry={() => open.variables && open.mutate(open.variables)} retrying={open.isPending} compact />}
      <div role="list" onKeyDown={onListKey} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
        {customers.map((c) => {
          const suspended = c.status === 'suspended';
          const opening = open.isPending && open.variables === c.id;
          return (
            <div role="listitem" key={c.id}>
              <button
                type="button"
                className="rc-result"
                data-customer-result
                aria-disabled={suspended || undefined}
                aria-describedby={suspended ? `suspended-${c.id}` : undefined}
                onClick={() => choose(c)}
              >
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <div style={{ minWidth: 0 }}>
                    <Group gap={6} wrap="nowrap">
                      <Text fw={650} size="md" c={suspended ? 'dimmed' : undefined}>
                        <Highlighted text={c.name} query={submitted} />
                      </Text>
                      {foldText(c.name).trim() === foldText(submitted).trim() && (
                        <Badge size="xs" variant="outline" color="gray">Exact name</Badge>
                      )}
                    </Group>
                    <Group gap={8} mt={2}>
                      <Text size="sm" ff="monospace" fw={600}>{c.accountNumber ? `Acct ${c.accountNumber}` : 'No account number'}</Text>
                      <Text size="sm" fw={600}>{c.city ?? 'City unknown'}</Text>
                      <Text size="sm" c="dimmed">{countOf(c.userCount, 'user')}</Text>
                    </Group>
                  </div>
                  <div className="rc-no-shrink">
                  {opening ? (
                    <Loader size="sm" />
                  ) : suspended ? (
                    <Badge color="red" variant="filled">Suspended</Badge>
                  ) : openOne?.id === c.id ? (
                    <Badge color="indigo" variant="light">Open</Badge>
                  ) : (
                    <Badge color="teal" variant="light">Active</Badge>
                  )}
                  </div>
                </Group>
                {suspended && (
                  <Text id={`suspended-${c.id}`} size="xs" c="red.8" mt={4}>
                    Suspended: cannot be opened.
                  </Text>
                )}
              </button>
              {refused === c.id && (
                <>
                  <Text size="sm" c="red.8" mt={4} role="alert">
                    {errorTable.customer_suspended.message}
                  </Text>
                  <SuspendedCustomerNote customer={c} />
                </>
              )}
            </div>
          );
        })}
      </div>
    </Stack>
  );
}
