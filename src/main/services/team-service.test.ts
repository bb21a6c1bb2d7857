import { describe, expect, it } from 'vitest';
import { parseTeamDbUrl } from '../audit/team-postgres/team-db-url';
import { teamAddressOf, teamPasswordAccount } from './team-service';

describe('team database address as stored in Settings', () => {
  it('keeps the TLS options through a save and a re-read, and names one keychain account per login and database', () => {
    for (const address of ['postgres://desk_a@127.0.0.1:5433/helpdesk', 'postgres://desk_a@db.example.net:5432/helpdesk?sslrootcert=%2Fetc%2Fhelpdesk%2Fca.pem', 'postgres://desk_a@localhost:5432/helpdesk?sslmode=verify-full']) {
      const target = parseTeamDbUrl(address);
      expect(parseTeamDbUrl(teamAddressOf(target))).toEqual(target);
    }
    expect(teamPasswordAccount(parseTeamDbUrl('postgres://desk_a@db.example.net/helpdesk'))).toBe('reset-console:team-db:desk_a@db.example.net:5432/helpdesk');
  });
});
