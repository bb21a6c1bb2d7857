import { describe, expect, it } from 'vitest';
import type { PasswordState } from '../../shared/domain/portal-entities';
import { statusOfReset, wentThrough } from './reset-status';

const issued = '2026-03-01T10:00:00.000Z';
const state = (s: Partial<PasswordState>): PasswordState => ({ state: 'active', tempIssuedAt: null, tempExpiresAt: null, changedAt: null, expiresAt: null, ...s });
const reset = { at: issued, issuedAt: issued };

describe('status of a reset', () => {
  it('pending while its temporary password is the one in force', () => {
    expect(statusOfReset(reset, state({ state: 'temp_issued', tempIssuedAt: issued })).status).toBe('pending');
  });
  it('completed once the password was changed after it', () => {
    expect(statusOfReset(reset, state({ state: 'active', changedAt: '2026-03-01T11:00:00.000Z' })).status).toBe('completed');
  });
  it('expired when it ran out or a later reset replaced it', () => {
    expect(statusOfReset(reset, state({ state: 'temp_expired', tempIssuedAt: issued })).status).toBe('expired');
    expect(statusOfReset(reset, state({ state: 'temp_issued', tempIssuedAt: '2026-03-01T12:00:00.000Z' })).status).toBe('expired');
  });
  it('an outcome-unknown reset learns its issue time from the portal', () => {
    expect(statusOfReset({ at: issued, issuedAt: null }, state({ state: 'temp_issued', tempIssuedAt: '2026-03-01T10:00:01.000Z' }))).toEqual({ status: 'pending', issuedAt: '2026-03-01T10:00:01.000Z' });
    expect(statusOfReset({ at: issued, issuedAt: null }, state({ state: 'active' })).status).toBe('unknown');
  });
});

describe('did an attempt go through (the one rule, used by Check status and History)', () => {
  const since = '2026-03-01T10:00:00.000Z';
  it('yes when a temporary password was issued at or after the attempt, within two minutes of clock skew', () => {
    expect(wentThrough(state({ state: 'temp_issued', tempIssuedAt: '2026-03-01T10:00:05.000Z' }), since)).toBe(true);
    expect(wentThrough(state({ state: 'temp_issued', tempIssuedAt: '2026-03-01T09:58:30.000Z' }), since)).toBe(true);
    expect(wentThrough(state({ state: 'temp_expired', tempIssuedAt: '2026-03-01T10:00:05.000Z' }), since)).toBe(true);
  });
  it('no when the temporary password is older than the attempt, or none is shown', () => {
    expect(wentThrough(state({ state: 'temp_issued', tempIssuedAt: '2026-03-01T09:57:00.000Z' }), since)).toBe(false);
    expect(wentThrough(state({ state: 'active', tempIssuedAt: '2026-03-01T10:00:05.000Z' }), since)).toBe(false);
    expect(wentThrough(state({ state: 'active' }), since)).toBe(false);
  });
});
