import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SettingsView, SignInInput } from '../../../../shared/ipc/contract';
import { errorCodeOf, unwrap } from '../../lib/api-error';
import { portalMutation } from '../../lib/connectivity';
import { settingsKeys } from '../../state/query-keys';

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
