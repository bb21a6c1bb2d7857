import { afterEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../shared/errors';
import { createCallerService } from './caller-service';
import { consoleOnMemory } from './testing/console-on-memory';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

describe('finding a caller across customers (on the in-memory gateway)', () => {
  it('finds users by Email with their customer and audits nothing (a search changes nothing)', async () => {
    const t = await consoleOnMemory();
    close = t.close;
    const before = (await t.ctx.audit.entriesAfter(null, Number.MAX_SAFE_INTEGER)).length;
    const found = await createCallerService(t.ctx).find('  jane.smith@acmedental.co.uk ', undefined, new AbortController().signal);
    expect(found.total).toBe(2);
    expect(found.hits.map((h) => [h.userId, h.customer.name])).toEqual([
      ['jsmith@acme.voip', 'Acme Dental'],
      ['reception@acme.voip', 'Acme Dental'],
    ]);
    expect((await t.ctx.audit.entriesAfter(null, Number.MAX_SAFE_INTEGER)).length).toBe(before);
    // What it found names later audit entries without another portal call.
    expect((await t.ctx.portal()).directory.user('C1001', 'jsmith@acme.voip')?.lastName).toBe('Smith');
  });

  it.each([
    ['blank', '   '],
    ['only punctuation', '-- ..'],
    ['a control character', 'jane\u0000'],
    ['a bidi override', '\u202ejane'],
    ['over 100 characters', 'j'.repeat(101)],
  ])('refuses %s with a clear invalid_input and calls no portal', async (_label, q) => {
    const t = await consoleOnMemory();
    close = t.close;
    const err = await createCallerService(t.ctx).find(q, undefined, new AbortController().signal).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppFailure);
    expect((err as AppFailure).error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('phone number, Email, User ID, name or extension') });
    expect(t.portal.calls).not.toContain('findCallers');
  });
});
