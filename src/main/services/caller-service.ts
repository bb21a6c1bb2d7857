import { AppFailure } from '../../shared/errors';
import type { CallerHits } from '../../shared/ipc/contract';
import type { ConsoleContext } from './console-context';

/** Text a person could type to find a caller: no control or format characters, something to look for. */
const searchable = /^[^\p{Cc}\p{Cf}\p{Cs}]*[\p{L}\p{N}][^\p{Cc}\p{Cf}\p{Cs}]*$/u;

const unsearchableMessage = 'Type a phone number, Email, User ID, name or extension (1 to 100 characters) to find a caller.';

/**
 * Finding a caller across all customers. A search changes nothing, so nothing is audited; what it found
 * is remembered like any customer search, for later audit entries' names.
 */
export function createCallerService(ctx: ConsoleContext) {
  return {
    async find(q: string, limit: number | undefined, signal: AbortSignal): Promise<CallerHits> {
      const text = q.trim();
      if (text === '' || text.length > 100 || !searchable.test(text)) throw new AppFailure('invalid_input', { message: unsearchableMessage });
      const { gateway, directory } = await ctx.signedInPortal();
      const found = await gateway.findCallers(text, limit, signal);
      directory.rememberCustomers(found.hits.map((h) => h.customer));
      for (const hit of found.hits) {
        const { customer, matchedOn: _matchedOn, phoneNumber: _phoneNumber, ...summary } = hit;
        directory.rememberUsers(customer.id, [summary]);
      }
      return found;
    },
  };
}
