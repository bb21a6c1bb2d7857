import { describe, expect, it } from 'vitest';
import { portalText } from '../text/portal-text';
import { asciiDomainOf, inspectRecipient } from './inspect-recipient';

const JANE_ID = 'jdoe@acme.voip';

describe('a look-alike address', () => {
  // The "а" after the @ is CYRILLIC SMALL LETTER A: on screen it is jane.doe@acme-dental.com.
  const spoof = 'jane.doe@\u0430cme-dental.com';
  const r = inspectRecipient({ email: spoof, name: 'Jane Doe', userId: JANE_ID });

  it('spells out the Cyrillic letter with its code point, name and position', () => {
    expect(r.characters).toHaveLength(1);
    expect(r.characters[0]).toMatchObject({ codePoint: 'U+0430', name: 'CYRILLIC SMALL LETTER A', looksLike: 'a', script: 'Cyrillic', field: 'email', positions: [10] });
    expect(r.warnings[0]).toBe('The Email holds 1 character that is not plain ASCII: U+0430 CYRILLIC SMALL LETTER A (looks like "a") at position 10.');
  });

  it('gives the domain as the mail system receives it, and the address it imitates', () => {
    expect(r.asciiDomain).toMatch(/^xn--cme-dental-[a-z0-9]+\.com$/);
    expect(r.asciiAddress).toBe(`jane.doe@${r.asciiDomain}`);
    expect(r.domainDiffers).toBe(true);
    expect(r.imitates).toBe('jane.doe@acme-dental.com');
    expect(r.warnings).toContain(`The mail goes to the domain ${r.asciiDomain} (the form the mail system uses).`);
    expect(r.warnings).toContain('It imitates jane.doe@acme-dental.com but is a different address.');
  });

  it('finds the label that mixes Cyrillic and Latin', () => {
    expect(r.mixedScripts).toEqual([{ field: 'email', part: '\u0430cme-dental', scripts: ['Cyrillic', 'Latin'] }]);
  });

  it('needs an acknowledgement before sending', () => {
    expect(r.needsAcknowledgement).toBe(true);
  });

  it('a Greek omicron is caught the same way', () => {
    const greek = inspectRecipient({ email: 'j.smith@acmedental.c\u03bf.uk' });
    expect(greek.characters[0]).toMatchObject({ codePoint: 'U+03BF', name: 'GREEK SMALL LETTER OMICRON', looksLike: 'o' });
    expect(greek.imitates).toBe('j.smith@acmedental.co.uk');
  });
});

describe('invisible and direction characters', () => {
  it('a zero-width space in the domain: named, and the domain it really goes to shown', () => {
    const r = inspectRecipient({ email: 'jane@acme\u200Bdental.com' });
    expect(r.characters[0]).toMatchObject({ codePoint: 'U+200B', name: 'ZERO WIDTH SPACE', invisible: true, positions: [10] });
    expect(r.characters[0]!.description).toBe('U+200B ZERO WIDTH SPACE (invisible)');
    // IDNA drops it: the mail goes to a different domain than the one the staffer read.
    expect(r.asciiDomain).toBe('acmedental.com');
    expect(r.domainDiffers).toBe(true);
    expect(r.needsAcknowledgement).toBe(true);
  });

  it('a zero-width joiner in the local part', () => {
    const r = inspectRecipient({ email: 'ja\u200Dne@acme.com' });
    expect(r.characters.map((c) => c.description)).toEqual(['U+200D ZERO WIDTH JOINER (invisible)']);
    expect(r.imitates).toBe('jane@acme.com');
    expect(r.domainDiffers).toBe(false);
  });

  it('a right-to-left override: named, and the domain refused as not valid', () => {
    // Displays as jane@acme-dental.com; the characters after U+202E are reversed.
    const r = inspectRecipient({ email: 'jane@acme-\u202Emoc.latned' });
    expect(r.characters[0]).toMatchObject({ codePoint: 'U+202E', name: 'RIGHT-TO-LEFT OVERRIDE', invisible: true });
    expect(r.asciiDomain).toBeNull();
    expect(r.cautions.map((c) => c.kind)).toEqual(['domain_not_valid']);
    expect(r.needsAcknowledgement).toBe(true);
  });

  it('every bidi control, BOM, soft hyphen and NBSP has its name', () => {
    const names = inspectRecipient({ email: 'a\u200E\u200F\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069\uFEFF\u00AD\u00A0@x.com' }).characters.map((c) => c.name);
    expect(names).toEqual([
      'LEFT-TO-RIGHT MARK', 'RIGHT-TO-LEFT MARK', 'LEFT-TO-RIGHT EMBEDDING', 'RIGHT-TO-LEFT EMBEDDING', 'POP DIRECTIONAL FORMATTING',
      'LEFT-TO-RIGHT OVERRIDE', 'LEFT-TO-RIGHT ISOLATE', 'RIGHT-TO-LEFT ISOLATE', 'FIRST STRONG ISOLATE', 'POP DIRECTIONAL ISOLATE',
      'ZERO WIDTH NO-BREAK SPACE (BYTE ORDER MARK)', 'SOFT HYPHEN', 'NO-BREAK SPACE',
    ]);
  });

  it('fullwidth letters and an ideographic full stop', () => {
    const r = inspectRecipient({ email: '\uFF4Aane@acme\u3002com' });
    expect(r.characters.map((c) => c.description)).toEqual([
      'U+FF4A FULLWIDTH LATIN SMALL LETTER J (looks like "j")',
      'U+3002 IDEOGRAPHIC FULL STOP (looks like ".")',
    ]);
    expect(r.asciiDomain).toBe('acme.com');
  });

  it('a character outside the table: its category and script, and each position it holds', () => {
    const r = inspectRecipient({ email: 'zo\u00eb.\u00e9l\u00e9onore@example.com' });
    expect(r.characters.map((c) => [c.description, c.positions])).toEqual([
      ['U+00EB "ë" (lowercase letter, Latin)', [3]],
      ['U+00E9 "é" (lowercase letter, Latin)', [5, 7]],
    ]);
    expect(r.mixedScripts).toEqual([]);
  });

  it('counts characters, not UTF-16 units: a character outside the BMP is one position', () => {
    const r = inspectRecipient({ email: '\u{1D5BA}b@x.com' });
    expect(r.characters[0]).toMatchObject({ codePoint: 'U+1D5BA', positions: [1] });
    expect(r.characters[0]!.description).toBe('U+1D5BA "\u{1D5BA}" (lowercase letter, looks like "a")');
    expect(r.imitates).toBe('ab@x.com');
  });
});

describe('an internationalised domain that is genuine', () => {
  it('is still spelled out, with its xn-- form', () => {
    const r = inspectRecipient({ email: 'info@m\u00fcnchen.de' });
    expect(r.asciiDomain).toBe('xn--mnchen-3ya.de');
    expect(r.imitates).toBeNull();
    expect(r.mixedScripts).toEqual([]);
    expect(r.needsAcknowledgement).toBe(true);
  });
});

describe('the name beside the address', () => {
  it('a Cyrillic letter inside a Latin name: mixed scripts and the character', () => {
    const r = inspectRecipient({ email: 'jane@acme.com', name: 'J\u0430ne Doe' });
    expect(r.characters).toEqual([expect.objectContaining({ field: 'name', codePoint: 'U+0430', positions: [2] })]);
    expect(r.mixedScripts).toEqual([{ field: 'name', part: 'J\u0430ne', scripts: ['Latin', 'Cyrillic'] }]);
    expect(r.warnings).toContain('The name mixes scripts in "J\u0430ne": Latin and Cyrillic.');
    expect(r.needsAcknowledgement).toBe(true);
  });

  it('a line break in the name is shown as its code point, never as a break', () => {
    const r = inspectRecipient({ email: 'jane@acme.com', name: 'Doe\nTemporary password sent to: x' });
    expect(r.characters[0]!.description).toBe('U+000A LINE FEED (invisible)');
    for (const w of r.warnings) expect(w).not.toContain('\n');
  });
});

describe('plain addresses', () => {
  it('printable ASCII: nothing to acknowledge, no warning', () => {
    const r = inspectRecipient({ email: 'jane.smith@acmedental.co.uk', name: 'Jane Smith', userId: 'jsmith@acme.voip' });
    expect(r).toMatchObject({ characters: [], mixedScripts: [], asciiDomain: 'acmedental.co.uk', domainDiffers: false, imitates: null, cautions: [], needsAcknowledgement: false, warnings: [] });
  });
});

describe('cautions against the User ID', () => {
  it('the Email equal to the User ID (any case)', () => {
    const r = inspectRecipient({ email: 'JDoe@Acme.voip', userId: JANE_ID });
    expect(r.cautions.map((c) => c.kind)).toEqual(['email_is_user_id']);
    expect(r.warnings).toContain(`The Email is the same as the User ID (${JANE_ID}). A User ID is a sign-in name and often not a mailbox anyone reads: confirm with the caller that mail to this address reaches them.`);
    expect(r.needsAcknowledgement).toBe(false);
  });

  it("an Email on the User ID's domain", () => {
    const r = inspectRecipient({ email: 'jane.doe@ACME.voip', userId: JANE_ID });
    expect(r.cautions).toEqual([expect.objectContaining({ kind: 'email_on_user_id_domain', message: expect.stringContaining("on the User ID's domain (acme.voip)") })]);
  });

  it('another domain: no caution', () => {
    expect(inspectRecipient({ email: 'jane@acmedental.co.uk', userId: JANE_ID }).cautions).toEqual([]);
  });

  it('not an address at all', () => {
    expect(inspectRecipient({ email: 'jane.doe' }).cautions.map((c) => c.kind)).toEqual(['not_an_address']);
  });
});

describe('a recipient stored made-visible (the audit trail)', () => {
  it('inspects as the original: the zero-width space is named, not its brackets', () => {
    const raw = inspectRecipient({ email: 'jane@acme\u200Bdental.com', name: 'J\u0430ne\nDoe' });
    const stored = inspectRecipient({ email: portalText('jane@acme\u200Bdental.com'), name: portalText('J\u0430ne\nDoe') });
    expect(stored).toEqual(raw);
  });
});

describe('asciiDomainOf', () => {
  it('refuses anything that would make the URL parser read another host', () => {
    for (const d of ['evil.example/acme.com', 'evil.example?acme.com', 'evil.example#x', 'a@b.com', 'acme.com:25', 'a%2e.com', 'acme com', '']) {
      expect(asciiDomainOf(d), d).toBeNull();
    }
  });
});
