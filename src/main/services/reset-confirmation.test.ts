import { afterEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../shared/errors';
import { createResetService } from './reset-service';
import { consoleOnMemory } from './testing/console-on-memory';

const C = 'C1001';
const JANE = 'jsmith@acme.voip';
const LOOK_ALIKE = 'jane.smith@\u0430cmedental.co.uk';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function setUp() {
  const t = await consoleOnMemory();
  close = t.close;
  return { ...t, resets: createResetService(t.ctx) };
}

const all = Number.MAX_SAFE_INTEGER;

describe('what the staffer confirmed, checked and recorded with the reset', () => {
  it('a look-alike Email not acknowledged (or acknowledged wrongly) is refused in main: invalid_input, nothing sent, refusal audited', async () => {
    const { resets, portal, ctx } = await setUp();
    portal.editUser(C, JANE, { email: LOOK_ALIKE });
    for (const acknowledgedCharacters of [[], ['U+0435']]) {
      const err = await resets.start(C, JANE, { intentId: `intent-ack-${acknowledgedCharacters.length}x`, expectedEmail: LOOK_ALIKE }, { acknowledgedCharacters }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AppFailure);
      expect((err as AppFailure).error.code).toBe('invalid_input');
      expect((err as AppFailure).error.message).toContain('U+0430');
    }
    expect(portal.outbox).toEqual([]);
    const refused = (await ctx.audit.entriesAfter(null, all)).filter((e) => e.action === 'reset_refused');
    expect(refused.map((e) => e.outcome)).toEqual(['invalid_input', 'invalid_input']);
  });

  it('acknowledged exactly: sent, and the audit entry records the characters, the verification and that the check ran', async () => {
    const { resets, portal, ctx } = await setUp();
    portal.editUser(C, JANE, { email: LOOK_ALIKE });
    const outcome = await resets.start(C, JANE, { intentId: 'intent-ack-ok1', expectedEmail: LOOK_ALIKE }, {
      acknowledgedCharacters: ['U+0430'],
      verification: { method: 'other', text: 'asked the account PIN' },
      warningsChecked: false,
    });
    expect(outcome.outcome).toBe('sent');
    expect(portal.outbox).toHaveLength(1);
    const sent = (await ctx.audit.entriesAfter(null, all)).find((e) => e.action === 'reset_sent')!;
    expect(sent).toMatchObject({ acknowledged: ['U+0430'], verification: { method: 'other', text: 'asked the account PIN' }, warningsChecked: false });
    expect(sent.verifiable).toBe(true);
  });

  it('a plain address needs no acknowledgement, and an acknowledgement of characters it does not hold is refused', async () => {
    const { resets, portal } = await setUp();
    const email = 'jane.smith@acmedental.co.uk';
    const err = await resets.start(C, JANE, { intentId: 'intent-ack-none', expectedEmail: email }, { acknowledgedCharacters: ['U+0430'] }).then(() => null, (e: unknown) => e);
    expect((err as AppFailure).error.code).toBe('invalid_input');
    expect(portal.outbox).toEqual([]);
    expect((await resets.start(C, JANE, { intentId: 'intent-ack-none2', expectedEmail: email }, { acknowledgedCharacters: [], verification: { method: 'callback' } })).outcome).toBe('sent');
  });
});
