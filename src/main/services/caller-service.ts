import { AppFailure } from '../../shared/errors';
import type { CallerHit, CallerMatch } from '../../shared/domain/portal-entities';
import type { CallerHits } from '../../shared/ipc/contract';
import { foldText } from '../../shared/text/fold';
import type { ConsoleContext } from './console-context';
import type { SearchSource } from './user-service';

/** Text a person could type to find a caller: no control or format characters, something to look for. */
const searchable = /^[^\p{Cc}\p{Cf}\p{Cs}]*[\p{L}\p{N}][^\p{Cc}\p{Cf}\p{Cs}]*$/u;

const unsearchableMessage = 'Type a phone number, Email, User ID, name or extension (1 to 100 characters) to find a caller.';

/** The contract's reading order; Email and User ID matches are one reading. */
const readingRank: Record<CallerMatch, number> = { phone: 0, email: 1, userId: 1, name: 2, extension: 3 };

const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** Hits of several customers' indexes in the portal's order: reading, last name, first name, customer name, User ID. */
function inPortalOrder(hits: CallerHit[]): CallerHit[] {
  const best = Math.min(...hits.map((h) => readingRank[h.matchedOn]));
  const keyed = hits
    .filter((h) => readingRank[h.matchedOn] === best)
    .map((h) => ({ h, key: [h.matchedOn === 'userId' ? '1' : '0', foldText(h.lastName), foldText(h.firstName), foldText(h.customer.name), h.customer.name, h.userId] }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) {
      const c = cmp(a.key[i] ?? '', b.key[i] ?? '');
      if (c !== 0) return c;
    }
    return 0;
  });
  return keyed.map((k) => k.h);
}

/**
 * Finding a caller across all customers. A search changes nothing, so nothing is audited; what it found
 * is remembered like any customer search, for later audit entries' names (and the callers' phone numbers,
 * which the open customer's index cannot learn from the user search).
 */
export function createCallerService(ctx: ConsoleContext) {
  return {
    async find(q: string, limit: number | undefined, signal: AbortSignal, from: SearchSource = 'portal'): Promise<CallerHits> {
      const text = q.trim();
      if (text === '' || text.length > 100 || !searchable.test(text)) throw new AppFailure('invalid_input', { message: unsearchableMessage });
      const { gateway, directory } = await ctx.signedInPortal();
      if (from === 'index') {
        const indexes = directory.allIndexes();
        if (indexes.length === 0) return { hits: [], total: 0, index: null };
        const found = indexes.map((index) => index.findCallers(text)).filter((hits) => hits.length > 0);
        const hits = found.length === 1 ? (found[0] ?? []) : found.length > 1 ? inPortalOrder(found.flat()) : [];
        return { hits: hits.slice(0, limit ?? 50), total: hits.length, index: { total: hits.length } };
      }
      const found = await gateway.findCallers(text, limit, signal);
      directory.rememberCustomers(found.hits.map((h) => h.customer));
      for (const hit of found.hits) {
        const { customer, matchedOn: _matchedOn, ...user } = hit;
        directory.rememberUsers(customer.id, [user]);
      }
      return found;
    },
  };
}
