import { z } from 'zod';
import { portalChoice } from '../../shared/portal-choice';


/** Only keychain-held credentials are remembered across runs; a session password dies with the process. */
export const storedProfile = z.object({ username: z.string().min(1).max(200) }).strict();

/** `settings.json`: nothing secret, ever. */
export const settingsFile = z
  .object({
    version: z.literal(1),
    // A stored address that breaks today's rules (an older build accepted more) sets the file aside.
    portal: portalChoice,
    staffName: z.string().max(80),
    /** IANA zone for times on screen; absent or null = the system's. */
    timeZone: z.string().max(64).nullable().optional(),
    /** Team mode: postgres://USER@HOST:PORT/DB (never a password; checked again when opened). */
    teamDb: z.string().max(2000).nullable().optional(),
    profiles: z.record(z.string().min(1).max(2100), storedProfile),
  })
  .strict();
export type SettingsFile = z.infer<typeof settingsFile>;

export const defaultSettings = (): SettingsFile => ({ version: 1, portal: { mode: 'demo' }, staffName: '', profiles: {} });
