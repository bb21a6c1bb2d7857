import { closeSync, constants, promises as fs, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log/logger';
import { openPrivateFile } from '../core/user-data-dir';
import { writeFileAtomic } from './atomic-write';
import { defaultSettings, settingsFile, type SettingsFile } from './settings-schema';

/** Reads settings.json without following a symlink; null when there is none. */
async function readSettingsText(file: string): Promise<string | null> {
  try {
    const handle = await openPrivateFile(file, 'read');
    try {
      return await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * The portal stored in settings (demo until one is chosen), read synchronously and without following a
 * symlink: the hosts decide on a debugging port from it before Chromium starts.
 */
export function storedPortalChoice(userDataDir: string): SettingsFile['portal'] {
  let text: string | null = null;
  try {
    const fd = openSync(path.join(userDataDir, 'settings.json'), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    try {
      text = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    // No file, or a link: the console will report it when it opens the store; until then, demo.
  }
  return (text !== null && parse(text)?.portal) || defaultSettings().portal;
}

export interface SettingsStore {
  current(): SettingsFile;
  /** Set when the file on disk could not be read and was set aside at start-up. */
  problem(): string | null;
  update(change: (s: SettingsFile) => SettingsFile): Promise<SettingsFile>;
}

/**
 * Settings in `userDataDir/settings.json`. A file that is not valid JSON or not the expected shape is
 * renamed aside (`settings.corrupt-<time>.json`) and reported, never silently replaced.
 */
export async function openSettingsStore(userDataDir: string, log: Logger, now: () => Date = () => new Date()): Promise<SettingsStore> {
  const file = path.join(userDataDir, 'settings.json');
  await fs.mkdir(userDataDir, { recursive: true, mode: 0o700 });
  let settings = defaultSettings();
  let problem: string | null = null;

  const text = await readSettingsText(file);
  if (text !== null) {
    const parsed = parse(text);
    if (parsed) {
      settings = parsed;
    } else {
      const aside = path.join(userDataDir, `settings.corrupt-${now().toISOString().replace(/[:.]/g, '-')}.json`);
      await fs.rename(file, aside);
      problem = `The settings file could not be read and was set aside as ${path.basename(aside)}. Enter the portal details again.`;
      log.warn('settings.corrupt', { setAsideAs: path.basename(aside) });
    }
  }

  // Writes are serialized so two quick changes cannot interleave their renames.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    current: () => settings,
    problem: () => problem,
    update(change) {
      const next = queue.then(async () => {
        const updated = settingsFile.parse(change(settings));
        await writeFileAtomic(file, JSON.stringify(updated, null, 2) + '\n');
        settings = updated;
        return updated;
      });
      queue = next.catch(() => {});
      return next;
    },
  };
}

function parse(text: string): SettingsFile | null {
  try {
    const result = settingsFile.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
