import { Badge, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import type { CallerHit } from '../../../../shared/domain/portal-entities';
import { errorTable } from '../../../../shared/error-table';
import { Address } from '../../components/Address';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SuspendedCustomerNote } from '../../components/SuspendedCustomerNote';
import { Highlighted } from '../../components/Highlighted';
import { countOf } from '../../lib/plural';
import { CALLER_LIST_ID } from './CallerField';
import { hitKey, type CallerFinder } from './use-caller-finder';
import './callers.css';

const matchedOnLabel: Record<CallerHit['matchedOn'], string> = {
  phone: 'phone number',
  email: 'Email',
  userId: 'User ID',
  name: 'name',
  extension: 'extension',
};

export function hitOptionId(hit: CallerHit): string {
  return `caller-${hitKey(hit)}`.replace(/[^A-Za-z0-9-]/g, (ch) => `_${ch.codePointAt(0)!.toString(16)}_`);
}

/** Why a hit cannot get a temporary password, in words; null when it can. */
function blockedReason(hit: CallerHit): string | null {
  if (hit.customer.status === 'suspended') return 'Customer suspended: cannot be opened or reset.';
  if (hit.status === 'disabled') return 'User disabled: cannot be reset.';
  if (hit.email === null) return 'No Email: add one before a reset.';
  return null;
}

function summaryText(finder: CallerFinder): string {
  if (finder.source === 'none') return finder.searching ? `Searching all customers for “${finder.query}”…` : '';
  const n = finder.total;
  const base = `${n === 1 ? '1 caller' : `${n} callers`}${finder.hits.length < n ? ` (showing ${finder.hits.length})` : ''}`;
  if (finder.source === 'index') return `${base} matching “${finder.query}” in the open customer; searching all customers…`;
  if (finder.source === 'previous') return `Searching all customers for “${finder.query}”…`;
  return `${base} matching “${finder.query}”, all customers. ↑ ↓ and Enter open one.`;
}

/** Find caller's hits: each names the user and their customer, so look-alike customers cannot be confused. */
export function CallerHitList({ finder }: { finder: CallerFinder }) {
  const { hits, query, source } = finder;
  return (
    <Stack gap={6}>
      <Text size="sm" c="dimmed" aria-live="polite">{summaryText(finder)}</Text>
      {finder.error !== null && <ErrorAlert title="Find caller failed" error={finder.error} onRetry={finder.retry} retrying={finder.searching} compact />}
      {finder.openError !== null && <ErrorAlert title="Could not open the customer" error={finder.openError} compact />}
      {finder.refused && (
        <>
          <Text size="sm" c="red.8" role="alert">{errorTable.customer_suspended.message}</Text>
          <SuspendedCustomerNote customer={finder.refused.customer} user={finder.refused} />
        </>
      )}
      {source === 'portal' && hits.length === 0 && (
        <Paper withBorder p="lg" bg="white">
          <Text fw={600}>No caller matches “{query}”.</Text>
          <Text size="sm" c="dimmed">Try the number as the phone shows it, the Email, the last name — or find the customer with Customer.</Text>
        </Paper>
      )}
      {/* Always in the page: Find caller's aria-controls points at it. */}
      <div
        id={CALLER_LIST_ID}
        role="listbox"
        aria-label="Callers"
        tabIndex={-1}
        className="rc-caller-list"
        style={{ display: 'flex', flexDirection: 'column', gap: 6, opacity: source === 'previous' ? 0.6 : 1 }}
      >
        {hits.map((hit, i) => {
          const reason = blockedReason(hit);
          const opening = finder.opening !== null && hitKey(finder.opening) === hitKey(hit);
          const c = hit.customer;
          return (
            <div
              key={hitKey(hit)}
              id={hitOptionId(hit)}
              role="option"
              aria-selected={i === finder.active}
              data-active={i === finder.active}
              className="rc-result rc-caller-hit"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => finder.open(hit)}
            >
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Text fw={650} size="md" c={hit.status === 'disabled' ? 'dimmed' : undefined}>
                    <Highlighted text={`${hit.firstName} ${hit.lastName}`} query={hit.matchedOn === 'name' ? query : ''} />
                    <Text span size="sm" ff="monospace" fw={600} ml={8}>ext {hit.extension}</Text>
                  </Text>
                  <Text size="xs" c="dimmed">Email {hit.email === null ? 'none' : <Address text={hit.email} />}</Text>
                  <Group gap={8} mt={2} wrap="wrap">
                    <Text size="sm" fw={600}>{c.name}</Text>
                    <Text size="sm" ff="monospace" fw={600}>{c.accountNumber ? `Acct ${c.accountNumber}` : 'No account number'}</Text>
                    <Text size="sm">{c.city ?? 'City unknown'}</Text>
                    <Text size="sm" c="dimmed">{countOf(c.userCount, 'user')}</Text>
                  </Group>
                  {reason && <Text size="xs" c="red.8" mt={2}>{reason}</Text>}
                </div>
                <Stack gap={4} align="flex-end" className="rc-no-shrink">
                  {opening ? <Loader size="sm" /> : c.status === 'suspended' ? (
                    <Badge color="red" variant="filled">Suspended</Badge>
                  ) : (
                    <Badge color="teal" variant="light">Active</Badge>
                  )}
                  {hit.status === 'disabled' && <Badge color="gray" variant="filled">Disabled</Badge>}
                  <Text size="xs" c="dimmed">by {matchedOnLabel[hit.matchedOn]}</Text>
                </Stack>
              </Group>
            </div>
          );
        })}
      </div>
    </Stack>
  );
}
