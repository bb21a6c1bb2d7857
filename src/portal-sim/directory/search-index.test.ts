import { describe, expect, it } from 'vitest';
import { foldText } from '../../shared/text/fold';
import { CustomerSearchIndex } from './search-index';

const names = ['Acme Dental Group', 'ACME Logistics', 'Acme Dental', 'Dental Acme', 'Bacme Dentalworks', 'Voß Bäckerei', 'Café  Zoë', '<b>Bold</b> Networks', 'Oak Vets'];
const index = new CustomerSearchIndex(names.map(foldText), names);
const find = (q: string, limit = 50) => {
  const { indexes, total } = index.search(q, limit);
  return { names: indexes.map((i) => names[i]), total };
};

describe('CustomerSearchIndex', () => {
  it('orders exact name, then word-prefix matches, then substring matches, each by name', () => {
    expect(find('acme dental')).toEqual({ names: ['Acme Dental', 'Acme Dental Group', 'Dental Acme', 'Bacme Dentalworks'], total: 4 });
  });

  it('requires every query word to prefix some name word', () => {
    expect(find('acme log').names).toEqual(['ACME Logistics']);
    expect(find('acme zzz').total).toBe(0);
  });

  it('finds substrings of the whole name', () => {
    expect(find('cme d').names).toEqual(['Acme Dental', 'Acme Dental Group', 'Bacme Dentalworks']);
    expect(find('b>bold').names).toEqual(['<b>Bold</b> Networks']);
  });

  it('folds case, accents, ß and white space', () => {
    expect(find('VOSS').names).toEqual(['Voß Bäckerei']);
    expect(find('cafe   zoe').names).toEqual(['Café  Zoë']);
    expect(find('Café Zoë').names).toEqual(['Café  Zoë']);
  });

  it('counts every match in total but returns at most limit', () => {
    const { names: some, total } = find('a', 2);
    expect(some).toHaveLength(2);
    expect(total).toBe(find('a', 100).names.length);
  });

  it('matches nothing for punctuation-only queries that appear nowhere', () => {
    expect(find('!!!').total).toBe(0);
    expect(find('\u0001').total).toBe(0);
  });
});
