import { codePointLabel } from './unicode-names';

/**
 * Portal strings are data, never structure. A name typed into a portal by anyone may hold a line
 * break that forges a line of the ticket note, a right-to-left override that reverses what the staffer
 * reads, or a zero-width space that hides in an address. Before a portal string goes into the ticket
 * note (text and HTML), the CSV export or the audit trail, every such character is replaced by its code
 * point in angle brackets, `⟨U+202E⟩`: the text keeps its meaning for a reader and loses its power.
 *
 * Replaced: control characters (C0, DEL, C1 with NEL), line and paragraph separators (U+2028/2029),
 * format characters (bidi embeddings, overrides and isolates, LRM/RLM, zero-width space/joiners, BOM,
 * soft hyphen, tags) and lone surrogates. Printable text in any script is left alone; look-alike letters
 * are the recipient check's job (src/shared/recipient), not this one's.
 */
// Idempotent on purpose: a string made visible before the audit trail passes unchanged into the note
// and the CSV. (So a literal `⟨U+202E⟩` typed into a portal reads like one made here: both are inert.)
const structural = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
const structuralAll = new RegExp(structural.source, 'gu');

export function portalText(value: string): string {
  return value.replace(structuralAll, visible);
}

/**
 * The characters behind `⟨U+XXXX⟩` again, for inspecting a string that was made visible before it was
 * stored (the audit trail): the recipient check then names the zero-width space, not the brackets.
 * Never for display.
 */
export function fromPortalText(value: string): string {
  return value.replace(/⟨U\+([0-9A-F]{4,6})⟩/g, (marker, hex: string) => {
    const cp = Number.parseInt(hex, 16);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : marker;
  });
}

function visible(char: string): string {
  return `⟨${codePointLabel(char.codePointAt(0)!)}⟩`;
}

/** `portalText` for a value that may be absent. */
export function portalTextOrNull(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : portalText(value);
}

/** Whether a string holds anything `portalText` would spell out. */
export function hasStructuralCharacters(value: string): boolean {
  return structural.test(value);
}
