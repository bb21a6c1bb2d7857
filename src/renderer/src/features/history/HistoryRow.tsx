import { Badge, Button, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { CSSProperties } from 'react';
import type { HistoryEntry, HistoryStatusCheck, ResetStatus } from '../../../../shared/ipc/contract';
import { Address } from '../../components/Address';
import { describeRemaining, formatCountdown, formatRelative } from '../../lib/format-time';
import { useTimeFormat } from '../../state/time-format';
import { shortInstant } from './history-note';

export const ROW_HEIGHT = 96;
// Fits the 760 px a 1024-wide window leaves beside the navigation, scrollbar included.
export const GRID_COLUMNS = 'minmax(96px, 0.8fr) minmax(104px, 1fr) minmax(112px, 1fr) minmax(164px, 1.4fr) minmax(118px, 1fr) 148px';

const statusLabel: Record<ResetStatus, string> = { pending: 'Pending', completed: 'Completed', expired: 'Expired', replaced: 'Replaced', unknown: 'Unknown' };
const statusColor: Record<ResetStatus, string> = { pending: 'blue', completed: 'teal', expired: 'orange', replaced: 'gray', unknown: 'gray' };

export interface RowActions {
  refresh(entry: HistoryEntry): void;
  copy(entry: HistoryEntry): void;
  resetAgain(entry: HistoryEntry): void;
  busy: { refresh: string | null; copy: string | null; resetAgain: string | null };
}

interface Props {
  entry: HistoryEntry;
  /** The live read of this entry's status, when one has been made this session. */
  check: HistoryStatusCheck | undefined;
  /** The portal is known to be unreachable: statuses are the last known ones. */
  offline: boolean;
  now: number;
  index: number;
  style: CSSProperties;
  actions: RowActions;
}

const clamp: CSSProperties = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' };

function StatusDetail({ entry, now }: { entry: HistoryEntry; now: number }) {
  const t = useTimeFormat();
  switch (entry.status) {
    case 'pending': {
      if (!entry.expiresAt) return <Text size="xs">Not used yet</Text>;
      const remaining = Date.parse(entry.expiresAt) - now;
      return (
        <Text size="xs" role="timer" aria-label={`Temporary password ${describeRemaining(remaining)}`} fw={600} c={remaining < 3_600_000 ? 'orange.8' : 'blue.8'} className="rc-countdown">
          {remaining > 0 ? `${formatCountdown(remaining)} left` : 'past 24 h by this computer’s clock'}
        </Text>
      );
    }
    case 'completed':
      return <Text size="xs">Password changed after the reset</Text>;
    case 'expired':
      return <Text size="xs">Not used within 24 hours</Text>;
    case 'replaced':
      return <Text size="xs">{entry.replacedAt ? `Replaced by the reset at ${t.instant(entry.replacedAt)}` : 'Replaced by a later reset'}</Text>;
    case 'unknown':
      return <Text size="xs">{entry.action === 'reset_unknown' ? 'Outcome unknown — refresh status' : 'Not known yet'}</Text>;
  }
}

/** One reset: when and by whom, customer, user, where the e-mail went, its status, and what to do next. */
export function HistoryRow({ entry: listed, check, offline, now, index, style, actions }: Props) {
  // The newer of what the list says and what a live check found.
  // Only the status part of a check: who made the reset and whether it is shared stay as the list says.
  const entry: HistoryEntry =
    check && (check.statusCheckedAt ?? '') >= (listed.statusCheckedAt ?? '')
      ? { ...listed, status: check.status, issuedAt: check.issuedAt, expiresAt: check.expiresAt, statusCheckedAt: check.statusCheckedAt, replacedAt: check.replacedAt }
      : listed;
  const t = useTimeFormat();
  // Team mode names the desk by its database login (filled by the server); the typed name is a hint.
  const byTitle = [
    entry.sharing === 'not_yet_shared' ? 'Not yet shared: kept on this computer, shared with the team when the team database answers.' : null,
    entry.staffer ? `${entry.staffer}${entry.staffName ? ` (typed name: ${entry.staffName})` : ''}` : entry.staffName,
  ].filter(Boolean).join(' ');
  const stale = offline || check?.live === false;
  const refused = entry.action === 'reset_refused';
  const checkedLine = stale
    ? entry.statusCheckedAt
      ? `last known at ${shortInstant(entry.statusCheckedAt, now, t)}`
      : `last known at ${shortInstant(entry.at, now, t)} (when sent)`
    : entry.statusCheckedAt
      ? `checked ${formatRelative(Date.parse(entry.statusCheckedAt), now)}`
      : 'not checked yet';
  // Every row has the same three buttons: their description says which reset they act on.
  const describedBy = `history-row-${entry.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const checkedTitle = entry.statusCheckedAt ? `Status read from the portal ${t.instant(entry.statusCheckedAt)}` : 'Status as recorded when the reset was sent';

  return (
    <div role="row" aria-rowindex={index + 2} className="rc-history-row" data-status={refused ? 'refused' : entry.status} style={{ ...style, display: 'grid', gridTemplateColumns: GRID_COLUMNS, height: ROW_HEIGHT }}>
      <div role="cell" className="rc-history-cell">
        <Text size="sm" style={clamp} title={`${t.instant(entry.at)} (${formatRelative(Date.parse(entry.at), now)})`}>{t.clock(entry.at)}</Text>
        <Text size="xs" style={clamp}>{t.date(entry.at)}</Text>
        {/* The "not yet shared" mark leads, so the two-line clamp never hides it behind a long name. */}
        <Text size="xs" c="dimmed" lineClamp={2} title={byTitle}>
          {entry.sharing === 'not_yet_shared' && <Text span size="xs" fw={600} c="orange.9">not yet shared · </Text>}
          by {entry.staffer ?? (entry.staffName || '(no name)')}
        </Text>
      </div>
      <div role="cell" className="rc-history-cell">
        <Text size="sm" fw={600} lineClamp={2} title={entry.customerName}>{entry.customerName || entry.customerId}</Text>
        {entry.accountNumber && <Text size="xs" c="dimmed" ff="monospace" style={clamp} title={entry.accountNumber}>Acct {entry.accountNumber}</Text>}
        {!entry.verifiable && (
          <Text size="xs" c="red.8" lineClamp={2} title={`Not verifiable: ${entry.unverifiableReason ?? 'unknown reason'}`}>
            <Badge size="xs" color="red" variant="light" component="span">not verifiable</Badge> {entry.unverifiableReason}
          </Text>
        )}
      </div>
      <div role="cell" className="rc-history-cell">
        <Text size="sm" style={clamp} title={entry.userName}>{entry.userName || entry.userId}</Text>
        <Text size="xs" c="dimmed" style={clamp} title={entry.extension}>ext {entry.extension || '—'}</Text>
        <Text size="xs" c="dimmed" lineClamp={2} title={entry.userId}><Address text={entry.userId} /></Text>
      </div>
      <div role="cell" className="rc-history-cell">
        <Text size="sm" lineClamp={2} title={entry.email ?? undefined}>
          {entry.email ? <Address text={entry.email} /> : '—'}
        </Text>
        {refused ? (
          <Text size="xs" c="red.8">Not sent: {entry.outcome.replace(/_/g, ' ')}</Text>
        ) : entry.action === 'reset_unknown' ? (
          <Text size="xs" c="yellow.9">Sending: outcome unknown</Text>
        ) : null}
      </div>
      <div role="cell" className="rc-history-cell">
        {refused ? (
          <Badge variant="light" color="red">Refused</Badge>
        ) : (
          <>
            <Badge variant={entry.status === 'expired' ? 'filled' : 'light'} color={statusColor[entry.status]}>{statusLabel[entry.status]}</Badge>
            <StatusDetail entry={entry} now={now} />
            <Text size="xs" c={stale ? 'orange.9' : 'dimmed'} lineClamp={2} title={checkedTitle}>{checkedLine}</Text>
          </>
        )}
      </div>
      <div role="cell" className="rc-history-cell">
        {!refused && (
          <Stack gap={4} align="stretch">
            <VisuallyHidden id={describedBy}>
              {`${entry.userName || entry.userId}, ext ${entry.extension || '—'}, ${entry.customerName || entry.customerId}: reset at ${t.instant(entry.at)}`}
            </VisuallyHidden>
            <Button size="compact-xs" variant="subtle" onClick={() => actions.refresh(entry)} loading={actions.busy.refresh === entry.id} aria-describedby={describedBy}>
              Refresh status
            </Button>
            <Button size="compact-xs" variant="default" onClick={() => actions.copy(entry)} loading={actions.busy.copy === entry.id} aria-describedby={describedBy}>
              Copy ticket note
            </Button>
            {entry.status === 'expired' && (
              <Button size="compact-xs" color="orange" onClick={() => actions.resetAgain(entry)} loading={actions.busy.resetAgain === entry.id} aria-describedby={describedBy}>
                Reset again
              </Button>
            )}
          </Stack>
        )}
      </div>
    </div>
  );
}
