import { useQuery } from '@tanstack/react-query';
import { TeamBanner } from '../../components/TeamBanner';
import { teamStatusQuery } from './queries';
import { useTeamLive } from './use-team-live';

/** Team mode's window-wide part: keeps team data live and shows the banner while the database is away. */
export function TeamLive() {
  const status = useQuery(teamStatusQuery());
  const team = status.data;
  useTeamLive(team?.enabled === true);
  if (!team?.enabled || team.state !== 'unavailable') return null;
  return <TeamBanner waiting={team.waiting} problem={team.problem?.message ?? null} />;
}
