import type { CallerVerification } from '../../../../shared/recipient/caller-verification';
import type { ResetOutcome } from '../../../../shared/ipc/contract';

/** What the dialog knew when it sent: for the note and "Tell the caller", never for the portal. */
export interface AttemptExtras {
  verification: CallerVerification;
  /** The staffer acknowledged unusual characters in the Email or the name. */
  acknowledged: boolean;
  /** An earlier temporary password was still in force: this reset made it stop working. */
  replacesEarlier: boolean;
}

// Keyed by the outcome object, which stays the same through a status check: the attempt type is shared
// state (not this feature's), and these facts belong to this feature's note only.
const extras = new WeakMap<ResetOutcome, AttemptExtras>();

export function rememberExtras(outcome: ResetOutcome, value: AttemptExtras): void {
  extras.set(outcome, value);
}

export function extrasOf(outcome: ResetOutcome): AttemptExtras | null {
  return extras.get(outcome) ?? null;
}
