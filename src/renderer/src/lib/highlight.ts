import { foldText, words } from '../../../shared/text/fold';

export interface Segment {
  text: string;
  match: boolean;
}

/**
 * Splits `name` into matched and unmatched parts for a customer/user search `query`, ignoring case and
 * accents as the portal does: every word of the name that starts with a query word has that prefix
 * marked; when no word matches that way, the first substring match of the whole query is marked.
 * The returned text is the original (never folded), to be rendered as text.
 */
export function highlightMatches(name: string, query: string): Segment[] {
  const { folded, starts, ends } = foldWithMap(name);
  const foldedQuery = foldText(query).trim();
  if (foldedQuery.length === 0 || folded.length === 0) return [{ text: name, match: false }];
  const queryWords = words(foldedQuery);
  const ranges: [number, number][] = [];
  const wordRe = /[\p{L}\p{N}]+/gu;
  for (const m of folded.matchAll(wordRe)) {
    const wordStart = m.index;
    let best = 0;
    for (const q of queryWords) if (q.length > best && m[0].startsWith(q)) best = q.length;
    if (best > 0) ranges.push([wordStart, wordStart + best]);
  }
  if (ranges.length === 0) {
    const at = folded.indexOf(foldedQuery);
    if (at >= 0) ranges.push([at, at + foldedQuery.length]);
  }
  if (ranges.length === 0) return [{ text: name, match: false }];
  // Map folded ranges back to the original string, then cut it into segments.
  const marks = ranges.map(([a, b]) => [starts[a]!, ends[b - 1]!] as [number, number]).sort((x, y) => x[0] - y[0]);
  const segments: Segment[] = [];
  let cursor = 0;
  for (const [a, b] of marks) {
    const from = Math.max(a, cursor);
    if (b <= from) continue;
    if (from > cursor) segments.push({ text: name.slice(cursor, from), match: false });
    segments.push({ text: name.slice(from, b), match: true });
    cursor = b;
  }
  if (cursor < name.length) segments.push({ text: name.slice(cursor), match: false });
  return segments;
}

/** Folds code point by code point, remembering where in the original each folded character came from. */
function foldWithMap(text: string): { folded: string; starts: number[]; ends: number[] } {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldText(ch);
    let end = i + ch.length;
    // Combining marks that follow fold to nothing: they belong with this character.
    let j = end;
    for (const next of text.slice(end)) {
      if (foldText(next).length === 0) j += next.length;
      else break;
    }
    end = j;
    for (let k = 0; k < f.length; k++) {
      starts.push(i);
      ends.push(end);
    }
    folded += f;
    i += ch.length;
  }
  return { folded, starts, ends };
}
