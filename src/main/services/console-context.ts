import { AppFailure } from '../../shared/errors';
import type { AuditStore } from '../audit/audit-store';
import type { Logger } from '../log/logger';
import type { SettingsStore } from '../settings/settings-store';
import type { CredentialService } from './credential-service';
import { profileIdOf, type Portal, type PortalChoice, type PortalRegistry } from './portal-profiles';

/** What every service shares: stores, the active portal and who is at the keyboard. */
export interface ConsoleContext {
  settings: SettingsStore;
  credentials: CredentialService;
  portals: PortalRegistry;
  audit: AuditStore;
  log: Logger;
  now: () => Date;
  activeChoice(): PortalChoice;
  setActiveChoice(choice: PortalChoice): void;
  /** The active portal, started or connected on first use. */
  portal(): Promise<Portal>;
  /**
   * The active portal, for calls that act on it: `not_signed_in` when no credential is held for it, so
   * that after sign-out no channel reaches the portal, whatever tokens a gateway might still have.
   */
  signedInPortal(): Promise<Portal>;
  /** Staff name and profile, stamped on every audit entry. */
  auditBase(): { staffName: string; profile: string };
}

export function createConsoleContext(parts: Omit<ConsoleContext, 'activeChoice' | 'setActiveChoice' | 'portal' | 'signedInPortal' | 'auditBase'>, override: PortalChoice | null): ConsoleContext {
  // The command line wins for this run until the staffer signs in to another portal.
  let chosen: PortalChoice | null = override;
  const activeChoice = () => chosen ?? parts.settings.current().portal;
  return {
    ...parts,
    activeChoice,
    setActiveChoice: (choice) => {
      chosen = choice;
    },
    portal: () => parts.portals.get(activeChoice()),
    signedInPortal: async () => {
      const portal = await parts.portals.get(activeChoice());
      if (!parts.credentials.info(portal.profileId)) throw new AppFailure('not_signed_in');
      return portal;
    },
    auditBase: () => {
      let profile: string;
      try {
        profile = profileIdOf(activeChoice());
      } catch {
        profile = 'invalid';
      }
      return { staffName: parts.settings.current().staffName, profile };
    },
  };
}
