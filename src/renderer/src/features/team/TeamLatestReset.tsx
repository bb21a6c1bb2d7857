import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatRelative } from '../../lib/format-time';
import { useNow } from '../../lib/use-now';
import { useTimeFormat } from '../../state/time-format';
import { teamActivityQuery } from './queries';

function usedText(used: boolean | null, status: string): string {
  if (used === true) return 'password changed since';
  if (used === false) return 'not used yet';
  return status === 'expired' ? 'expired unused' : 'use not known';
}

/** Team mode, on the user panel: the newest reset of this user by anyone, and how many in 24 h. */
export function TeamLatestReset({ customerId, userId }: { customerId: string; userId: string }) {
  const activity = useQuery(teamActivityQuery(customerId, userId));
  const now = useNow(30_000);
  const t = useTimeFormat();
  const a = activity.data;
  if (!a?.team || !a.latest) return null;
  return (
    <Text size="sm" role="status" aria-label="Team history for this user" c={a.latest.used === false ? 'orange.9' : undefined}>
      <span title={t.instant(a.latest.at)}>
        Reset by {a.latest.staffer} {formatRelative(Date.parse(a.latest.at), now)}, {usedText(a.latest.used, a.latest.status)}
      </span>
      {` · ${a.recentResets} ${a.recentResets === 1 ? 'reset' : 'resets'} of this user in 24 h by anyone`}
    </Text>
  );
}
