import { Affix, Alert, Text } from '@mantine/core';

interface Props {
  /** Entries durable at this desk but not yet in the team database. */
  waiting: number;
  /** Why the team database cannot be used, in the staffer's words. */
  problem: string | null;
}

/** "Team history unavailable — N entries waiting": shown while this desk cannot reach the team database. */
export function TeamBanner({ waiting, problem }: Props) {
  return (
    <Affix position={{ bottom: 12, right: 12 }} zIndex={150}>
      <Alert color="orange" variant="filled" role="status" aria-live="polite" title={`Team history unavailable — ${waiting} ${waiting === 1 ? 'entry' : 'entries'} waiting`} maw={420}>
        <Text size="sm">
          {problem ?? 'The team database cannot be reached.'} Resets still work and are kept on this computer; they are shared by themselves when the database is back.
        </Text>
      </Alert>
    </Affix>
  );
}
