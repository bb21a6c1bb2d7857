import { describe, expect, it } from 'vitest';
import { checkPassword, type UserPasswordDetails } from '../shared/password-rules';
import { generateTempPassword, TEMP_PASSWORD_LENGTH } from './temp-password';

const users: UserPasswordDetails[] = [
  { userId: 'jsmith@acme.voip', phoneNumber: '+441135551042', alternateIds: ['jane.s'] },
  // Short usernames and alternate IDs rule out many candidates; the generator must still succeed.
  { userId: 'a@b.voip', phoneNumber: '+12345678', alternateIds: ['x', '2', 'k'] },
  { userId: 'zz@acme.voip', phoneNumber: null, alternateIds: [] },
];

describe('generateTempPassword', () => {
  it.each(users)('always satisfies the rules for $userId (2,000 samples)', (details) => {
    for (let i = 0; i < 2000; i++) {
      const password = generateTempPassword(details);
      expect(checkPassword(password, details)).toEqual([]);
      expect([...password]).toHaveLength(TEMP_PASSWORD_LENGTH);
    }
  });

  it('is random: no repeats over many samples, every position varies', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) seen.add(generateTempPassword(users[0]!));
    expect(seen.size).toBe(5000);
    const firstChars = new Set([...seen].map((p) => p[0]));
    expect(firstChars.size).toBeGreaterThan(30);
  });

  it('avoids characters that are easy to mishear or misread', () => {
    for (let i = 0; i < 500; i++) expect(generateTempPassword(users[0]!)).not.toMatch(/[0O1lI]/);
  });
});
