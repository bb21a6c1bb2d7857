import { describe, expect, it } from 'vitest';
import { emptyFilterForm, filterOf, isFiltered } from './history-filter';

describe('history filter form', () => {
  it('sends nothing for an empty form', () => {
    expect(filterOf(emptyFilterForm)).toEqual({});
    expect(isFiltered(emptyFilterForm)).toBe(false);
  });

  it('trims text and keeps the status', () => {
    expect(filterOf({ ...emptyFilterForm, customer: '  Acme ', user: ' jane ', status: 'expired' })).toEqual({ customer: 'Acme', user: 'jane', status: 'expired' });
  });

  it('turns days into the start of the first and the end of the last local day', () => {
    const f = filterOf({ ...emptyFilterForm, from: '2026-03-01', to: '2026-03-02' });
    expect(new Date(f.from!).getTime()).toBe(new Date(2026, 2, 1).getTime());
    expect(new Date(f.to!).getTime()).toBe(new Date(2026, 2, 3).getTime() - 1);
  });

  it('ignores half-typed or impossible dates', () => {
    expect(filterOf({ ...emptyFilterForm, from: '2026-02-3', to: '2026-02-30' })).toEqual({});
  });

  it('reads dates day first, as en-GB writes them (25/11/2026 is 25 November, never mm/dd)', () => {
    const f = filterOf({ ...emptyFilterForm, from: '02/03/2026', to: '25/11/2026' });
    expect(new Date(f.from!).getTime()).toBe(new Date(2026, 2, 2).getTime());
    expect(new Date(f.to!).getTime()).toBe(new Date(2026, 10, 26).getTime() - 1);
    expect(filterOf({ ...emptyFilterForm, from: '11/25/2026' })).toEqual({});
  });

  it('starts and ends the days in the chosen time zone', () => {
    const summer = filterOf({ ...emptyFilterForm, from: '01/07/2026', to: '01/07/2026' }, 'Europe/London');
    expect(summer.from).toBe('2026-06-30T23:00:00.000Z');
    expect(summer.to).toBe('2026-07-01T22:59:59.999Z');
    expect(filterOf({ ...emptyFilterForm, from: '01/12/2026' }, 'Asia/Tokyo').from).toBe('2026-11-30T15:00:00.000Z');
  });
});
