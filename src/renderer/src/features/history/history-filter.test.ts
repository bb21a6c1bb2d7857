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
});
