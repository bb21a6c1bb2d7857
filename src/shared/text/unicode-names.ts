/**
 * Names for the characters that turn up in spoofed addresses and forged names, so a warning can say
 * `U+0430 CYRILLIC SMALL LETTER A (looks like "a")` instead of showing a letter that looks like any
 * other. Not the whole Unicode name list (that is megabytes): the usual suspects, and for everything
 * else the general category and script, which JavaScript knows without a table.
 */

export interface CodePointInfo {
  /** `U+0430`. */
  codePoint: string;
  /** The Unicode name, when it is one of the usual suspects. */
  name: string | null;
  /** The general category in words, e.g. `lowercase letter`, `format character`. */
  category: string;
  /** The script of a letter (`Cyrillic`), or null for punctuation, digits, symbols and controls. */
  script: string | null;
  /** The printable ASCII text it imitates, e.g. `a` for Cyrillic а. */
  looksLike: string | null;
  /** Takes no room or changes text direction: nothing on screen shows it is there. */
  invisible: boolean;
}

type Entry = readonly [name: string, looksLike?: string];

/** Invisible, spacing and direction characters. */
const formatNames: Record<number, Entry> = {
  0x0009: ['CHARACTER TABULATION'],
  0x000a: ['LINE FEED'],
  0x000d: ['CARRIAGE RETURN'],
  0x0085: ['NEXT LINE'],
  0x00a0: ['NO-BREAK SPACE', ' '],
  0x00ad: ['SOFT HYPHEN'],
  0x034f: ['COMBINING GRAPHEME JOINER'],
  0x061c: ['ARABIC LETTER MARK'],
  0x115f: ['HANGUL CHOSEONG FILLER'],
  0x1160: ['HANGUL JUNGSEONG FILLER'],
  0x180e: ['MONGOLIAN VOWEL SEPARATOR'],
  0x2000: ['EN QUAD', ' '],
  0x2001: ['EM QUAD', ' '],
  0x2002: ['EN SPACE', ' '],
  0x2003: ['EM SPACE', ' '],
  0x2009: ['THIN SPACE', ' '],
  0x200a: ['HAIR SPACE', ' '],
  0x200b: ['ZERO WIDTH SPACE'],
  0x200c: ['ZERO WIDTH NON-JOINER'],
  0x200d: ['ZERO WIDTH JOINER'],
  0x200e: ['LEFT-TO-RIGHT MARK'],
  0x200f: ['RIGHT-TO-LEFT MARK'],
  0x2028: ['LINE SEPARATOR'],
  0x2029: ['PARAGRAPH SEPARATOR'],
  0x202a: ['LEFT-TO-RIGHT EMBEDDING'],
  0x202b: ['RIGHT-TO-LEFT EMBEDDING'],
  0x202c: ['POP DIRECTIONAL FORMATTING'],
  0x202d: ['LEFT-TO-RIGHT OVERRIDE'],
  0x202e: ['RIGHT-TO-LEFT OVERRIDE'],
  0x202f: ['NARROW NO-BREAK SPACE', ' '],
  0x2060: ['WORD JOINER'],
  0x2061: ['FUNCTION APPLICATION'],
  0x2062: ['INVISIBLE TIMES'],
  0x2063: ['INVISIBLE SEPARATOR'],
  0x2064: ['INVISIBLE PLUS'],
  0x2066: ['LEFT-TO-RIGHT ISOLATE'],
  0x2067: ['RIGHT-TO-LEFT ISOLATE'],
  0x2068: ['FIRST STRONG ISOLATE'],
  0x2069: ['POP DIRECTIONAL ISOLATE'],
  0x3000: ['IDEOGRAPHIC SPACE', ' '],
  0x3164: ['HANGUL FILLER'],
  0xfeff: ['ZERO WIDTH NO-BREAK SPACE (BYTE ORDER MARK)'],
  0xffa0: ['HALFWIDTH HANGUL FILLER'],
};

/** Letters and punctuation that pass for ASCII in most fonts. */
const lookAlikeNames: Record<number, Entry> = {
  // Cyrillic
  0x0430: ['CYRILLIC SMALL LETTER A', 'a'],
  0x0435: ['CYRILLIC SMALL LETTER IE', 'e'],
  0x043e: ['CYRILLIC SMALL LETTER O', 'o'],
  0x0440: ['CYRILLIC SMALL LETTER ER', 'p'],
  0x0441: ['CYRILLIC SMALL LETTER ES', 'c'],
  0x0443: ['CYRILLIC SMALL LETTER U', 'y'],
  0x0445: ['CYRILLIC SMALL LETTER HA', 'x'],
  0x0455: ['CYRILLIC SMALL LETTER DZE', 's'],
  0x0456: ['CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I', 'i'],
  0x0458: ['CYRILLIC SMALL LETTER JE', 'j'],
  0x04bb: ['CYRILLIC SMALL LETTER SHHA', 'h'],
  0x0501: ['CYRILLIC SMALL LETTER KOMI DE', 'd'],
  0x051b: ['CYRILLIC SMALL LETTER QA', 'q'],
  0x051d: ['CYRILLIC SMALL LETTER WE', 'w'],
  0x0410: ['CYRILLIC CAPITAL LETTER A', 'A'],
  0x0412: ['CYRILLIC CAPITAL LETTER VE', 'B'],
  0x0415: ['CYRILLIC CAPITAL LETTER IE', 'E'],
  0x041a: ['CYRILLIC CAPITAL LETTER KA', 'K'],
  0x041c: ['CYRILLIC CAPITAL LETTER EM', 'M'],
  0x041d: ['CYRILLIC CAPITAL LETTER EN', 'H'],
  0x041e: ['CYRILLIC CAPITAL LETTER O', 'O'],
  0x0420: ['CYRILLIC CAPITAL LETTER ER', 'P'],
  0x0421: ['CYRILLIC CAPITAL LETTER ES', 'C'],
  0x0422: ['CYRILLIC CAPITAL LETTER TE', 'T'],
  0x0425: ['CYRILLIC CAPITAL LETTER HA', 'X'],
  0x0405: ['CYRILLIC CAPITAL LETTER DZE', 'S'],
  0x0406: ['CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I', 'I'],
  0x0408: ['CYRILLIC CAPITAL LETTER JE', 'J'],
  // Greek
  0x03b1: ['GREEK SMALL LETTER ALPHA', 'a'],
  0x03b9: ['GREEK SMALL LETTER IOTA', 'i'],
  0x03bd: ['GREEK SMALL LETTER NU', 'v'],
  0x03bf: ['GREEK SMALL LETTER OMICRON', 'o'],
  0x03c1: ['GREEK SMALL LETTER RHO', 'p'],
  0x03c5: ['GREEK SMALL LETTER UPSILON', 'u'],
  0x0391: ['GREEK CAPITAL LETTER ALPHA', 'A'],
  0x0392: ['GREEK CAPITAL LETTER BETA', 'B'],
  0x0395: ['GREEK CAPITAL LETTER EPSILON', 'E'],
  0x0396: ['GREEK CAPITAL LETTER ZETA', 'Z'],
  0x0397: ['GREEK CAPITAL LETTER ETA', 'H'],
  0x0399: ['GREEK CAPITAL LETTER IOTA', 'I'],
  0x039a: ['GREEK CAPITAL LETTER KAPPA', 'K'],
  0x039c: ['GREEK CAPITAL LETTER MU', 'M'],
  0x039d: ['GREEK CAPITAL LETTER NU', 'N'],
  0x039f: ['GREEK CAPITAL LETTER OMICRON', 'O'],
  0x03a1: ['GREEK CAPITAL LETTER RHO', 'P'],
  0x03a4: ['GREEK CAPITAL LETTER TAU', 'T'],
  0x03a5: ['GREEK CAPITAL LETTER UPSILON', 'Y'],
  0x03a7: ['GREEK CAPITAL LETTER CHI', 'X'],
  // Latin that is not ASCII
  0x0131: ['LATIN SMALL LETTER DOTLESS I', 'i'],
  0x0261: ['LATIN SMALL LETTER SCRIPT G', 'g'],
  0x01c0: ['LATIN LETTER DENTAL CLICK', 'l'],
  // Punctuation that IDNA or mail software reads as its ASCII twin
  0x2010: ['HYPHEN', '-'],
  0x2011: ['NON-BREAKING HYPHEN', '-'],
  0x2012: ['FIGURE DASH', '-'],
  0x2013: ['EN DASH', '-'],
  0x2212: ['MINUS SIGN', '-'],
  0x2024: ['ONE DOT LEADER', '.'],
  0x3002: ['IDEOGRAPHIC FULL STOP', '.'],
  0xff61: ['HALFWIDTH IDEOGRAPHIC FULL STOP', '.'],
  0xfe52: ['SMALL FULL STOP', '.'],
  0xfe6b: ['SMALL COMMERCIAL AT', '@'],
  0x2044: ['FRACTION SLASH', '/'],
  0x2215: ['DIVISION SLASH', '/'],
};

/** ASCII names, for the fullwidth forms U+FF01–U+FF5E (each is `FULLWIDTH` + its ASCII twin's name). */
const asciiPunctuationNames: Record<string, string> = {
  '!': 'EXCLAMATION MARK', '"': 'QUOTATION MARK', '#': 'NUMBER SIGN', $: 'DOLLAR SIGN', '%': 'PERCENT SIGN', '&': 'AMPERSAND',
  "'": 'APOSTROPHE', '(': 'LEFT PARENTHESIS', ')': 'RIGHT PARENTHESIS', '*': 'ASTERISK', '+': 'PLUS SIGN', ',': 'COMMA',
  '-': 'HYPHEN-MINUS', '.': 'FULL STOP', '/': 'SOLIDUS', ':': 'COLON', ';': 'SEMICOLON', '<': 'LESS-THAN SIGN', '=': 'EQUALS SIGN',
  '>': 'GREATER-THAN SIGN', '?': 'QUESTION MARK', '@': 'COMMERCIAL AT', '[': 'LEFT SQUARE BRACKET', '\\': 'REVERSE SOLIDUS',
  ']': 'RIGHT SQUARE BRACKET', '^': 'CIRCUMFLEX ACCENT', _: 'LOW LINE', '`': 'GRAVE ACCENT', '{': 'LEFT CURLY BRACKET',
  '|': 'VERTICAL LINE', '}': 'RIGHT CURLY BRACKET', '~': 'TILDE',
};
const digitNames = ['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE'];

function fullwidth(cp: number): Entry | null {
  if (cp < 0xff01 || cp > 0xff5e) return null;
  const ascii = String.fromCharCode(cp - 0xfee0);
  if (/[A-Z]/.test(ascii)) return [`FULLWIDTH LATIN CAPITAL LETTER ${ascii}`, ascii];
  if (/[a-z]/.test(ascii)) return [`FULLWIDTH LATIN SMALL LETTER ${ascii.toUpperCase()}`, ascii];
  if (/[0-9]/.test(ascii)) return [`FULLWIDTH DIGIT ${digitNames[Number(ascii)]}`, ascii];
  return [`FULLWIDTH ${asciiPunctuationNames[ascii] ?? 'FORM'}`, ascii];
}

const categories: readonly [RegExp, string][] = [
  [/\p{Lu}/u, 'uppercase letter'],
  [/\p{Ll}/u, 'lowercase letter'],
  [/\p{Lt}/u, 'titlecase letter'],
  [/\p{Lm}/u, 'modifier letter'],
  [/\p{Lo}/u, 'letter'],
  [/\p{Mn}/u, 'combining mark'],
  [/\p{Mc}/u, 'spacing mark'],
  [/\p{Me}/u, 'enclosing mark'],
  [/\p{Nd}/u, 'digit'],
  [/\p{N}/u, 'number'],
  [/\p{Pd}/u, 'dash'],
  [/\p{P}/u, 'punctuation'],
  [/\p{Sm}/u, 'math symbol'],
  [/\p{Sc}/u, 'currency symbol'],
  [/\p{S}/u, 'symbol'],
  [/\p{Zs}/u, 'space'],
  [/\p{Zl}/u, 'line separator'],
  [/\p{Zp}/u, 'paragraph separator'],
  [/\p{Cc}/u, 'control character'],
  [/\p{Cf}/u, 'format character'],
  [/\p{Cs}/u, 'lone surrogate'],
  [/\p{Co}/u, 'private-use character'],
];

/** Scripts a letter is checked against; anything else is reported as `other script`. */
export const knownScripts = [
  'Latin', 'Cyrillic', 'Greek', 'Armenian', 'Georgian', 'Hebrew', 'Arabic', 'Devanagari', 'Thai', 'Han', 'Hiragana', 'Katakana',
  'Hangul', 'Cherokee', 'Ethiopic',
] as const;
const scriptTests = knownScripts.map((name) => [name, new RegExp(`\\p{Script=${name}}`, 'u')] as const);

/** The script of a letter or mark-bearing letter; null for characters that belong to every script (digits, `.`, `@`). */
export function scriptOf(char: string): string | null {
  // Mathematical letters and the like are Common script: they belong to none, so they mix with none.
  if (!/\p{L}/u.test(char) || /\p{Script=Common}/u.test(char)) return null;
  return scriptTests.find(([, re]) => re.test(char))?.[0] ?? 'other script';
}

/** `U+0430`: at least four hex digits, as Unicode writes them. */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

const invisibleTest = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\p{Cn}]/u;
const markTest = /\p{M}/u;

export function codePointInfo(cp: number): CodePointInfo {
  const char = String.fromCodePoint(cp);
  const entry = formatNames[cp] ?? lookAlikeNames[cp] ?? fullwidth(cp);
  const category = categories.find(([re]) => re.test(char))?.[1] ?? 'unassigned code point';
  const spaceLike = /\p{Zs}/u.test(char) || formatNames[cp] !== undefined;
  // Compatibility forms (mathematical letters, superscripts, ligatures) fold to the ASCII they imitate.
  const folded = char.normalize('NFKC');
  const foldsToAscii = folded !== char && /^[\x21-\x7E]+$/.test(folded) ? folded : null;
  return {
    codePoint: codePointLabel(cp),
    name: entry?.[0] ?? null,
    category,
    script: scriptOf(char),
    looksLike: entry?.[1] ?? foldsToAscii,
    invisible: invisibleTest.test(char) || (spaceLike && cp !== 0x20),
  };
}

/**
 * One character in words: `U+0430 CYRILLIC SMALL LETTER A (looks like "a")`,
 * `U+00E9 "é" (lowercase letter, Latin)`, `U+200B ZERO WIDTH SPACE (invisible)`. Invisible characters
 * are never quoted: quoting them would hide them again.
 */
export function describeCodePoint(info: CodePointInfo, char: string): string {
  const looks = info.looksLike !== null && info.looksLike.trim() !== '' ? `looks like "${info.looksLike}"` : null;
  if (info.name) {
    const extra = info.invisible ? (looks ? `invisible; ${looks}` : info.looksLike === ' ' ? 'looks like a space' : 'invisible') : looks;
    return extra ? `${info.codePoint} ${info.name} (${extra})` : `${info.codePoint} ${info.name}`;
  }
  const kind = [info.category, info.script, looks].filter(Boolean).join(', ');
  if (info.invisible) return `${info.codePoint} (${kind}, invisible)`;
  // A mark alone in quotes would sit on the quote sign; its code point says enough.
  return markTest.test(char) ? `${info.codePoint} (${kind})` : `${info.codePoint} "${char}" (${kind})`;
}
