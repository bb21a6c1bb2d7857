import { describe, expect, it } from 'vitest';
import { checkPassword, forbiddenDetails, passwordRules, type UserPasswordDetails } from './password-rules';

const jane: UserPasswordDetails = { userId: 'jsmith@acme.voip', phoneNumber: '+441135551042', alternateIds: ['jane.s'] };
const rulesOf = (candidate: string, details = jane) => checkPassword(candidate, details).map((v) => v.rule);

describe('checkPassword', () => {
  it('accepts a strong password', () => {
    expect(checkPassword('Blue-Harbour-47', jane)).toEqual([]);
  });

  it.each([
    ['Ab1!defgh', 'min_length'],
    ['blue-harbour-47', 'needs_upper'],
    ['BLUE-HARBOUR-47', 'needs_lower'],
    ['Blue-Harbour-xy', 'needs_digit'],
    ['BlueHarbour47', 'needs_symbol'],
    ['Blue-JSMITH-47', 'contains_username'],
    ['Blue-x-jsmith@ACME.voip-4', 'contains_username'],
    ['Blue-Harbour-441135551042', 'contains_phone_number'],
    ['Blue-Harbour-5551042', 'contains_phone_number'],
    ['Blue-JANE.S-47', 'contains_alternate_id'],
  ])('%s breaks only %s', (candidate, rule) => {
    expect(rulesOf(candidate)).toEqual([rule]);
  });

  it('lists every broken rule in the documented order', () => {
    expect(rulesOf('jsmith')).toEqual(['min_length', 'needs_upper', 'needs_digit', 'needs_symbol', 'contains_username']);
    expect(rulesOf('')).toEqual(['min_length', 'needs_upper', 'needs_lower', 'needs_digit', 'needs_symbol']);
    const order = passwordRules.map((r) => r.name);
    const found = rulesOf('jane.s5551042');
    expect(found).toEqual(order.filter((r) => found.includes(r)));
  });

  it('uses Unicode letters, digits and case', () => {
    expect(rulesOf('Éclair-harbour-9')).toEqual([]);
    expect(rulesOf('éclair-harbour-9')).toEqual(['needs_upper']);
    expect(rulesOf('Blue-Harbour-٣')).toEqual([]); // Arabic-Indic three is a digit
    expect(rulesOf('ÉCLAIR-HARBOUR-9')).toEqual(['needs_lower']);
    expect(rulesOf('BlueHarbourÉ٣x')).toEqual(['needs_symbol']);
  });

  it('counts code points as typed, as the contract says', () => {
    expect(rulesOf('Ab1!😀😀😀😀😀😀')).toEqual([]); // 10 code points, 16 UTF-16 units for the emoji
    expect(rulesOf('Ab1!😀😀😀😀😀')).toEqual(['min_length']);
    expect(rulesOf('Abcdef1!e\u0301')).toEqual([]); // 10 code points: e + combining acute is two
    expect(rulesOf('Abcdef1!\u00e9')).toEqual(['min_length']); // 9 code points: é precomposed is one
    expect(rulesOf('Abcdefghij1\u0301')).toEqual([]); // a combining mark is neither a letter nor a digit: a symbol
  });

  it('handles users without phone or alternate IDs', () => {
    const bare = { userId: 'x@y.voip', phoneNumber: null, alternateIds: [] };
    expect(rulesOf('Blue-Harbour-47', bare)).toEqual([]);
    expect(rulesOf('Blue-X-Harbour-47', bare)).toEqual(['contains_username']);
  });

  it('every rule has a readable description', () => {
    expect(passwordRules.map((r) => r.name)).toEqual([
      'min_length', 'needs_upper', 'needs_lower', 'needs_digit', 'needs_symbol', 'contains_username', 'contains_phone_number', 'contains_alternate_id',
    ]);
    for (const r of passwordRules) expect(r.description).toMatch(/^It must .+\.$/);
  });
});

describe('forbiddenDetails', () => {
  it('names what this user must avoid', () => {
    expect(forbiddenDetails(jane)).toEqual([
      { label: 'username', value: 'jsmith' },
      { label: 'telephone number', value: '+441135551042' },
      { label: 'last 7 digits of the telephone number', value: '5551042' },
      { label: 'alternate ID', value: 'jane.s' },
    ]);
    expect(forbiddenDetails({ userId: 'a@b.voip', phoneNumber: null, alternateIds: [] })).toEqual([{ label: 'username', value: 'a' }]);
  });
});
