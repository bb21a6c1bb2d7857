import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { SettingsView, SignInInput } from '../../../../shared/ipc/contract';
import { errorCodeOf, unwrap } from '../../lib/api-error';
import { portalMutation } from '../../lib/connectivity';
import { historyKeys, settingsKeys, teamKeys } from '../../state/query-keys';

/** Queries other than settings and app info were read under the old credentials. */
const readUnderCredentials = (key: readonly unknown[]) => key[0] !== 'settings' && key[0] !== 'app';

/**
 * Checks the credentials against the portal, stores them, and (first run) saves the staffer's name.
 * `onKeychainRefused` gets the keychain's own message so the form can offer "this session only".
 */
export function useSignIn(handlers: { onSignedIn(): void; onKeychainRefused(message: string): void }) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: portalMutation,
    mutationFn: async ({ input, staffName }: { input: SignInInput; staffName: string | null }) => {
      let view = await unwrap(window.api.auth.signIn(input));
      if (staffName && staffName !== view.staffName) view = await unwrap(window.api.settings.setStaffName({ staffName }));
      return view;
    },
    onSuccess: (view) => {
      void queryClient.invalidateQueries({ predicate: (q) => readUnderCredentials(q.queryKey) });
      queryClient.setQueryData(settingsKeys.view(), view);
      handlers.onSignedIn();
    },
    onError: (error) => {
      if (errorCodeOf(error) === 'keychain_unavailable') handlers.onKeychainRefused(error.message);
    },
  });
}

function useSettingsMutation<V>(save: (value: V) => Promise<SettingsView>, onSaved?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: save,
    onSuccess: (view) => {
      queryClient.setQueryData(settingsKeys.view(), view);
      onSaved?.();
    },
  });
}

export const useSaveStaffName = () => useSettingsMutation((staffName: string) => unwrap(window.api.settings.setStaffName({ staffName })));

/** `null` goes back to the system's time zone. */
export const useSetTimeZone = () => useSettingsMutation((timeZone: string | null) => unwrap(window.api.settings.setTimeZone({ timeZone })));

/** Forgets the parent-admin credentials and drops everything read with them. */
export function useForgetCredentials(onForgotten: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(window.api.auth.forget({})),
    onSuccess: (view) => {
      onForgotten();
      queryClient.removeQueries({ predicate: (q) => readUnderCredentials(q.queryKey) });
      queryClient.setQueryData(settingsKeys.view(), view);
    },
  });
}

/** Team mode's status (the same query the window-wide banner reads). */
export const teamSettingQuery = () =>
  queryOptions({
    queryKey: teamKeys.status(),
    queryFn: () => unwrap(window.api.team.status({})),
    staleTime: Infinity,
  });

/** Saves the team database address (or turns team mode off with null); the core reconnects at once. */
export function useSetTeamDatabase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (address: string | null) => unwrap(window.api.team.setDatabase({ address })),
    onSuccess: (status) => {
      queryClient.setQueryData(teamKeys.status(), status);
      void queryClient.invalidateQueries({ queryKey: historyKeys.all });
    },
  });
}

/** Stores the team login's password in the keychain (never shown again, never on disk). */
export function useSetTeamPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => unwrap(window.api.team.setPassword({ password })),
    onSuccess: (status) => queryClient.setQueryData(teamKeys.status(), status),
  });
}
