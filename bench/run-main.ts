import { resolve } from 'node:path';

/** True when this file is the script node was started with (`npx tsx bench/<figure>.ts`). */
export function isMain(file: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && resolve(entry).replace(/\.ts$/, '') === file.replace(/\.ts$/, '');
}
