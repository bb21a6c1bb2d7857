import { describe, expect, it } from 'vitest';
import { highlightMatches } from './highlight';

const marked = (name: string, q: string) => highlightMatches(name, q).filter((s) => s.match).map((s) => s.text);
const joined = (name: string, q: string) => highlightMatches(name, q).map((s) => s.text).join('');

describe('highlightMatches', () => {
  it('marks word prefixes of every query word', () => {
    expect(marked('Acme Dental Group', 'acme dent')).toEqual(['Acme', 'Dent']);
    expect(marked('ACME Logistics', 'acme')).toEqual(['ACME']);
  });
  it('ignores case and accents but returns the original text', () => {
    expect(marked('Zoë Müller-Voß', 'zoe voss')).toEqual(['Zoë', 'Voß']);
    expect(marked('Café Olé', 'cafe')).toEqual(['Café']);
    expect(marked('Cafe\u0301 Ole\u0301', 'cafe')).toEqual(['Cafe\u0301']);
  });
  it('falls back to a substring match', () => {
    expect(marked('Northdental Ltd', 'dental')).toEqual(['dental']);
  });
  it('keeps the whole name, in order, and marks nothing without a match', () => {
    expect(joined("O'Brien & <b>Sons</b>", 'sons')).toBe("O'Brien & <b>Sons</b>");
    expect(marked('Acme Dental', 'zzz')).toEqual([]);
    expect(marked('Acme Dental', '  ')).toEqual([]);
  });
});
