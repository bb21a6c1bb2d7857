import { foldQuery } from '../../shared/caller-reading';
import { words } from '../../shared/text/fold';

export { foldQuery };

const SEPARATOR = '\u0001';

export interface CustomerSearchResult {
  /** Customer indexes, best first, at most `limit`. */
  indexes: number[];
  total: number;
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
    // Typed arrays instead of sets: a one-letter query touches most of 100,000 names.
    const substring = new Uint8Array(this.count);
    if (folded.length > 0 && !folded.includes(SEPARATOR)) {
      let owner = 0;
      for (let at = this.allNames.indexOf(folded); at !== -1; ) {
        while ((this.nameStarts[owner + 1] ?? Infinity) <= at) owner++;
        substring[owner] = 1;
        at = this.allNames.indexOf(folded, this.nameStarts[owner + 1] ?? this.allNames.length);
      }
    }
    const queryWords = [...new Set(words(folded))].slice(0, 255);
    const wordHits = new Uint8Array(this.count);
    const lastWord = new Uint8Array(this.count);
    queryWords.forEach((word, w) => {
      const { start, end } = this.prefixRange(word);
      for (let k = start; k < end; k++) {
        const owner = this.wordOwner[k] ?? 0;
        // A name with two words starting "ac" counts once for the query word "ac".
        if (lastWord[owner] !== w + 1) {
          lastWord[owner] = w + 1;
          wordHits[owner] = (wordHits[owner] ?? 0) + 1;
        }
      }
    });
    const exact = new Set(this.exact.get(folded) ?? []);
    const needed = queryWords.length;

    const buckets: number[][] = [[], [], []];
    let total = 0;
    for (let r = 0; r < this.count; r++) {
      const owner = this.byRank[r] ?? 0;
      const group = exact.has(owner) ? 0 : needed > 0 && wordHits[owner] === needed ? 1 : substring[owner] === 1 ? 2 : -1;
      if (group < 0) continue;
      total++;
      const bucket = buckets[group];
      if (bucket && bucket.length < limit) bucket.push(owner);
    }
    return { indexes: [...(buckets[0] ?? []), ...(buckets[1] ?? []), ...(buckets[2] ?? [])].slice(0, limit), total };
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
