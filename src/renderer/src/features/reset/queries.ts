import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Customer, User } from '../../../../shared/domain/portal-entities';
import { unwrap } from '../../lib/api-error';
import { copyRich } from '../../lib/clipboard';
import { portalMutation } from '../../lib/connectivity';
import { useConsole, type ResetAttempt } from '../../state/console-state';
import { historyKeys, resetKeys, userKeys } from '../../state/query-keys';
import type { CallerVerification } from '../../../../shared/recipient/caller-verification';
import { userDetailQuery } from '../../state/user-detail-query';
import { rememberExtras } from './attempt-extras';
import { passwordAfterSentReset } from './note-input';

export const resetWarningsQuery = (customerId: string, userId: string) =>
  queryOptions({
    queryKey: resetKeys.warnings(customerId, userId),
    queryFn: () => unwrap(window.api.reset.warnings({ customerId, userId })),
    staleTime: 0,
  });

/** What the staffer confirmed besides the address; main records it with the reset. */
export interface SendConfirmation {
  verification: CallerVerification;
  /** The `U+XXXX` codes of the unusual characters acknowledged (empty when there are none). */
  acknowledgedCharacters: string[];
  /** False when the earlier-resets check failed and the staffer sent without it. */
  warningsChecked: boolean;
  /** For the note: an earlier temporary password was still in force. */
  replacesEarlier: boolean;
}

/**
 * Sends the temporary password for one intent, to the address the dialog showed (`expectedEmail`: the
 * portal sends nothing if it changed since). On success the cache holds what the portal now holds at once
 * (the re-read below may take a while, and the panel, the note and the warnings must not show the state
 * from before), and the attempt becomes the console's.
 */
export function useStartReset(customer: Customer, user: User & { email: string }, intentId: string, startedAt: () => number, onSent: () => void) {
  const queryClient = useQueryClient();
  const { setAttempt } = useConsole();
  return useMutation({
    meta: portalMutation,
    mutationFn: (c: SendConfirmation) =>
      unwrap(
        window.api.reset.start({
          customerId: customer.id,
          userId: user.userId,
          intentId,
          expectedEmail: user.email,
          verification: c.verification,
          acknowledgedCharacters: c.acknowledgedCharacters,
          warningsChecked: c.warningsChecked,
        }),
      ),
    onSuccess: (outcome, c) => {
      rememberExtras(outcome, { verification: c.verification, acknowledged: c.acknowledgedCharacters.length > 0, replacesEarlier: c.replacesEarlier });
      const detailKey = userKeys.detail(customer.id, user.userId);
      const cached = queryClient.getQueryData<User>(detailKey) ?? user;
      if (outcome.outcome === 'sent') {
        queryClient.setQueryData(detailKey, { ...cached, password: passwordAfterSentReset(cached.password, outcome) });
      } else if (outcome.password) {
        queryClient.setQueryData(detailKey, { ...cached, password: outcome.password });
      }
      setAttempt({ customerId: customer.id, userId: user.userId, startedAt: startedAt(), outcome, checked: null });
      void queryClient.invalidateQueries({ queryKey: detailKey });
      void queryClient.invalidateQueries({ queryKey: resetKeys.warnings(customer.id, user.userId) });
      void queryClient.invalidateQueries({ queryKey: historyKeys.all });
      onSent();
    },
  });
}

/** The user as the portal holds them now (after `email_changed`): the panel and the dialog show it at once. */
export function useRereadUser(customer: Customer, userId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.fetchQuery({ ...userDetailQuery(customer.id, userId), staleTime: 0 });
}

/** "Check status" after an unknown outcome: the user as the portal holds them now, kept with the attempt. */
export function useCheckStatus(attempt: ResetAttempt, customer: Customer, user: User) {
  const queryClient = useQueryClient();
  const { setAttempt } = useConsole();
  return useMutation({
    meta: portalMutation,
    mutationFn: () => unwrap(window.api.reset.status({ customerId: customer.id, userId: user.userId, since: new Date(attempt.startedAt).toISOString() })),
    onSuccess: (fresh) => {
      queryClient.setQueryData(userKeys.detail(customer.id, user.userId), fresh.user);
      void queryClient.invalidateQueries({ queryKey: historyKeys.all });
      setAttempt({ ...attempt, checked: { user: fresh.user, at: Date.now(), wentThrough: fresh.wentThrough } });
    },
  });
}

/**
 * Puts the note on the clipboard (text + HTML) and records it in History. The clipboard already holds the
 * note when recording fails, so that failure is returned as data (reported), not thrown.
 */
export function useCopyNote(customer: Customer, user: User, onCopied: (text: string) => void) {
  return useMutation({
    mutationFn: async (note: { text: string; html: string }): Promise<unknown> => {
      await copyRich(note.text, note.html);
      onCopied(note.text);
      try {
        await unwrap(window.api.history.noteCopied({ entryId: null, customerId: customer.id, userId: user.userId }));
        return null;
      } catch (error) {
        return error;
      }
    },
  });
}
