import { foldText, words } from '../../shared/text/fold';

const SEPARATOR = '\u0001';

export interface CustomerSearchResult {
  /** Customer indexes, best first, at most `limit`. */
  indexes: number[];
  total: number;
}

/** Folds a query the way names are folded, with runs of white space made one space. */
export function foldQuery(text: string): string {
  return foldText(text).replace(/\s+/gu, ' ').trim();
}

/**
 * Customer Service Tool search over tens of thousands of names without scanning them word by word:
 * a sorted (word, customer) list answers word prefixes by binary search, one long string of all
 * folded names answers whole-query substrings through indexOf, and a precomputed name rank gives the
 * order without sorting the matches.
 */
export class CustomerSearchIndex {
  private readonly wordList: string[];
  private readonly wordOwner: Int32Array;
  private readonly allNames: string;
  private readonly nameStarts: Int32Array;
  private readonly exact = new Map<string, number[]>();
  private readonly byRank: Int32Array;
  private readonly count: number;

  constructor(foldedNames: readonly string[], rawNames: readonly string[]) {
    this.count = foldedNames.length;
    const pairs: { word: string; owner: number }[] = [];
    foldedNames.forEach((folded, owner) => {
      for (const word of new Set(words(folded))) pairs.push({ word, owner });
      const key = folded.replace(/\s+/gu, ' ').trim();
      const list = this.exact.get(key);
      if (list) list.push(owner);
      else this.exact.set(key, [owner]);
    });
    pairs.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : a.owner - b.owner));
    this.wordList = pairs.map((p) => p.word);
    this.wordOwner = Int32Array.from(pairs, (p) => p.owner);

    this.nameStarts = new Int32Array(this.count + 1);
    let offset = 0;
    const parts: string[] = [];
    foldedNames.forEach((folded, i) => {
      this.nameStarts[i] = offset;
      const clean = folded.replace(/\s+/gu, ' ').trim().split(SEPARATOR).join(' ');
      parts.push(clean);
      offset += clean.length + 1;
    });
    this.nameStarts[this.count] = offset;
    this.allNames = parts.join(SEPARATOR) + SEPARATOR;

    const order = Array.from({ length: this.count }, (_, i) => i);
    const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    order.sort((a, b) => cmp(foldedNames[a] ?? '', foldedNames[b] ?? '') || cmp(rawNames[a] ?? '', rawNames[b] ?? '') || a - b);
    this.byRank = Int32Array.from(order);
  }

  search(query: string, limit: number): CustomerSearchResult {
    const folded = foldQuery(query);
    // 1 exact, 2 every query word prefixes a name word, 3 whole query is a substring; 0 no match.
    const group = new Uint8Array(this.count);
    let total = 0;
    const mark = (i: number, g: number): void => {
      const current = group[i] ?? 0;
      if (current === 0) total++;
      if (current === 0 || g < current) group[i] = g;
    };
    if (folded.length > 0 && !folded.includes(SEPARATOR)) {
      for (let from = this.allNames.indexOf(folded); from !== -1; ) {
        const owner = this.ownerAt(from);
        mark(owner, 3);
        from = this.allNames.indexOf(folded, this.nameStarts[owner + 1] ?? this.allNames.length);
      }
    }
    for (const owner of this.prefixMatches(words(folded))) mark(owner, 2);
    for (const owner of this.exact.get(folded) ?? []) mark(owner, 1);

    const buckets: number[][] = [[], [], [], []];
    for (let r = 0; r < this.count; r++) {
      const owner = this.byRank[r] ?? 0;
      const g = group[owner] ?? 0;
      const bucket = buckets[g];
      if (g !== 0 && bucket && bucket.length < limit) bucket.push(owner);
    }
    return { indexes: [...(buckets[1] ?? []), ...(buckets[2] ?? []), ...(buckets[3] ?? [])].slice(0, limit), total };
  }

  private ownerAt(offset: number): number {
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.nameStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private prefixMatches(queryWords: string[]): number[] {
    const unique = [...new Set(queryWords)];
    if (unique.length === 0) return [];
    // Rarest word first keeps the candidate set small.
    const ranges = unique.map((w) => ({ w, ...this.prefixRange(w) })).sort((a, b) => a.end - a.start - (b.end - b.start));
    let candidates: Set<number> | null = null;
    for (const { start, end } of ranges) {
      const here = new Set<number>();
      for (let k = start; k < end; k++) {
        const owner = this.wordOwner[k] ?? 0;
        if (candidates === null || candidates.has(owner)) here.add(owner);
      }
      candidates = here;
      if (candidates.size === 0) break;
    }
    return [...(candidates ?? [])];
  }

  private prefixRange(prefix: string): { start: number; end: number } {
    const lowerBound = (probe: (w: string) => boolean): number => {
      let lo = 0;
      let hi = this.wordList.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (probe(this.wordList[mid] ?? '')) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const start = lowerBound((w) => w < prefix);
    const end = lowerBound((w) => w < prefix || w.startsWith(prefix));
    return { start, end };
  }
}
