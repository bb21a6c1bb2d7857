import { foldQuery } from './search-index';
import type { DirUser } from './model';

export interface UserPage {
  users: DirUser[];
  /** Position in the sorted list to continue from, or null when nothing else matches. */
  next: number | null;
}

/** Directory order for users: last name, first name, User ID (names folded, so `Ó` sorts with `O`). */
export function compareUsers(a: DirUser, b: DirUser): number {
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return cmp(a.foldedLast, b.foldedLast) || cmp(a.foldedFirst, b.foldedFirst) || cmp(a.userId, b.userId);
}

export function userMatcher(q: string): (user: DirUser) => boolean {
  const folded = foldQuery(q);
  if (folded.length === 0) return () => true;
  const digits = /^[0-9]+$/.test(folded);
  return (u) =>
    u.foldedFirst.startsWith(folded) || u.foldedLast.startsWith(folded) || u.foldedFull.startsWith(folded) || (digits && u.extension.startsWith(folded));
}

/** One page of matching users from an already sorted list, starting at position `from`. */
export function searchUsers(sorted: readonly DirUser[], q: string, limit: number, from: number): UserPage {
  const matches = userMatcher(q);
  const users: DirUser[] = [];
  for (let i = from; i < sorted.length; i++) {
    const user = sorted[i];
    if (!user || !matches(user)) continue;
    if (users.length === limit) return { users, next: i };
    users.push(user);
  }
  return { users, next: null };
}

const CURSOR_PREFIX = 'u1:';

export function encodeCursor(position: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${position}`, 'utf8').toString('base64url');
}

/** The position a cursor stands for, or null when it is not one this simulator handed out. */
export function decodeCursor(cursor: string, listLength: number): number | null {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cursor)) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^u1:(0|[1-9][0-9]{0,8})$/.exec(text);
  if (!match?.[1]) return null;
  const position = Number(match[1]);
  return position <= listLength ? position : null;
}
