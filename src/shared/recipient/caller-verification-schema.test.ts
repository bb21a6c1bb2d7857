import { describe, expect, it } from 'vitest';
import { callerVerification } from './caller-verification-schema';
import { describeCallerVerification, verificationFrom } from './caller-verification';

describe('caller verification', () => {
  it('accepts the three choices; "other" needs a short text', () => {
    expect(callerVerification.parse({ method: 'callback' })).toEqual({ method: 'callback' });
    expect(callerVerification.parse({ method: 'other', text: '  asked the account PIN ' })).toEqual({ method: 'other', text: 'asked the account PIN' });
    expect(callerVerification.safeParse({ method: 'other', text: ' ' }).success).toBe(false);
    expect(callerVerification.safeParse({ method: 'other', text: 'x'.repeat(201) }).success).toBe(false);
    expect(callerVerification.safeParse({ method: 'supervisor' }).success).toBe(false);
    expect(callerVerification.safeParse({ method: 'callback', text: 'extra' }).success).toBe(false);
  });
  it('the dialog applies the same rules without the schema', () => {
    expect(verificationFrom(null, '')).toBeNull();
    expect(verificationFrom('known_contact', 'ignored')).toEqual({ method: 'known_contact' });
    expect(verificationFrom('other', '  asked the account PIN ')).toEqual(callerVerification.parse({ method: 'other', text: '  asked the account PIN ' }));
    for (const text of [' ', 'ab', 'x'.repeat(201)]) {
      expect(verificationFrom('other', text)).toBeNull();
      expect(callerVerification.safeParse({ method: 'other', text }).success).toBe(false);
    }
  });
  it('reads as the dialog labels it', () => {
    expect(describeCallerVerification({ method: 'callback' })).toBe('call-back to the number on file');
    expect(describeCallerVerification({ method: 'known_contact' })).toBe('known contact at the customer');
    expect(describeCallerVerification({ method: 'other', text: 'asked the account PIN' })).toBe('other: asked the account PIN');
    expect(describeCallerVerification(null)).toBe('not recorded');
  });
});
