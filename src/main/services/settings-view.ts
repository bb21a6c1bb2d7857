import type { SettingsView } from '../../shared/ipc/contract';
import type { ConsoleContext } from './console-context';
import { portalModeOf, profileIdOf } from './portal-profiles';

export function settingsViewOf(ctx: ConsoleContext): SettingsView {
  const choice = ctx.activeChoice();
  let credential = null;
  try {
    credential = ctx.credentials.info(profileIdOf(choice));
  } catch {
    // A stored URL that is no longer acceptable has no usable credential.
  }
  return {
    portalMode: portalModeOf(choice),
    staffName: ctx.settings.current().staffName,
    timeZone: ctx.settings.current().timeZone ?? null,
    credential,
    settingsProblem: ctx.settings.problem(),
  };
}
