import { describe, expect, it } from 'vitest';
import type { PasswordState } from '../../../../shared/domain/portal-entities';
import { passwordAfterSentReset } from './note-input';

const sent = { issuedAt: '2026-11-27T13:05:00.000Z', expiresAt: '2026-11-28T13:05:00.000Z' };
const active: PasswordState = { state: 'active', tempIssuedAt: null, tempExpiresAt: null, changedAt: '2026-10-01T09:00:00.000Z', expiresAt: '2026-12-30T09:00:00.000Z' };

describe('passwordAfterSentReset', () => {
  it('a state read before the reset becomes the temporary password the reset issued', () => {
    expect(passwordAfterSentReset(active, sent)).toEqual({ ...active, state: 'temp_issued', tempIssuedAt: sent.issuedAt, tempExpiresAt: sent.expiresAt });
    const older: PasswordState = { ...active, state: 'temp_expired', tempIssuedAt: '2026-11-20T10:00:00.000Z', tempExpiresAt: '2026-11-21T10:00:00.000Z' };
    expect(passwordAfterSentReset(older, sent).state).toBe('temp_issued');
  });

  it('keeps a state read at or after the reset', () => {
    const reread: PasswordState = { ...active, state: 'temp_issued', tempIssuedAt: sent.issuedAt, tempExpiresAt: sent.expiresAt };
    expect(passwordAfterSentReset(reread, sent)).toBe(reread);
    const expired: PasswordState = { ...reread, state: 'temp_expired' };
    expect(passwordAfterSentReset(expired, sent)).toBe(expired);
    const changed: PasswordState = { ...active, changedAt: '2026-11-27T14:00:00.000Z' };
    expect(passwordAfterSentReset(changed, sent)).toBe(changed);
  });
});
