import { describe, expect, it } from 'vitest';
import { isLoopbackHost, parseTeamDbUrl, poolConfig } from './connection';
import { TeamDbError } from './team-db-error';

function refusal(url: string): TeamDbError {
  try {
    parseTeamDbUrl(url);
  } catch (error) {
    return error as TeamDbError;
  }
  throw new Error(`accepted: ${url}`);
}

describe('team database address', () => {
  it('reads USER, HOST, PORT and DB', () => {
    expect(parseTeamDbUrl('postgres://desk_a@db.example.net:6432/helpdesk')).toMatchObject({
      user: 'desk_a',
      host: 'db.example.net',
      port: 6432,
      database: 'helpdesk',
      tls: true,
      loopback: false,
    });
    expect(parseTeamDbUrl('postgresql://desk_a@localhost/helpdesk')).toMatchObject({ port: 5432, tls: false, loopback: true });
  });

  it('refuses a URL with a password, without repeating it', () => {
    const error = refusal('postgres://desk_a:S3cret-Pa55@db.example.net:5432/helpdesk');
    expect(error.code).toBe('bad_url');
    expect(error.message).toMatch(/contains a password/);
    expect(error.message).not.toContain('S3cret');
    expect(error.message).not.toContain('db.example.net');
  });

  it('requires TLS with full verification for any host that is not loopback', () => {
    for (const host of ['db.example.net', '10.0.0.5', '192.168.1.20', '[fd00::5]', '127.example.net']) {
      const target = parseTeamDbUrl(`postgres://desk_a@${host}:5432/helpdesk`);
      expect(target.tls, host).toBe(true);
      expect(poolConfig(target).ssl, host).toMatchObject({ rejectUnauthorized: true });
    }
    for (const host of ['127.0.0.1', 'localhost', '[::1]', '127.3.4.5']) expect(isLoopbackHost(host), host).toBe(true);
    expect(poolConfig(parseTeamDbUrl('postgres://desk_a@127.0.0.1:5432/helpdesk')).ssl).toBe(false);
    expect(refusal('postgres://desk_a@db.example.net/helpdesk?sslmode=disable').message).toMatch(/verify-full/);
    expect(refusal('postgres://desk_a@db.example.net/helpdesk?sslmode=require').message).toMatch(/verify-full/);
  });

  it('names what is missing or unsupported', () => {
    expect(refusal('postgres://db.example.net/helpdesk').message).toMatch(/your database login/);
    expect(refusal('postgres://desk_a@db.example.net').message).toMatch(/database name/);
    expect(refusal('mysql://desk_a@db.example.net/helpdesk').message).toMatch(/postgres:\/\//);
    expect(refusal('not a url').code).toBe('bad_url');
    expect(refusal('postgres://desk_a@db.example.net/helpdesk?options=-c%20role%3Dadmin').message).toMatch(/unsupported option/);
  });
});
