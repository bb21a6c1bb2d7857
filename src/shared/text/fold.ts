/**
 * "Ignoring case and accents" as Portal API v1 defines it: NFKD, combining marks dropped,
 * lower-cased, ß → ss. Used by the simulator's matching and by the console's highlighting.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss');
}

/** Words of a folded text: runs of letters and digits. */
export function words(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}
