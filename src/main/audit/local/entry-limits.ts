import type { AuditDraft } from '../audit-entry';

/**
 * The gateway caps portal strings at 500 or 2,000 characters; the store caps every field again at its own
 * boundary, so no caller can write a line the reader would have to skip.
 */
export const maxFieldChars = 2_000;
/** Well above the longest line a capped entry can make (every field at the cap, JSON-escaped), far below a runaway one. */
export const maxLineBytes = 256 * 1024;

export function truncated(text: string, max = maxFieldChars): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  // Never leave half a surrogate pair behind.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

export function cappedDraft(draft: AuditDraft): AuditDraft {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(draft)) out[key] = typeof value === 'string' ? truncated(value) : value;
  return out as AuditDraft;
}
