import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromPortalText, hasStructuralCharacters, portalText } from './portal-text';

describe('portal strings are data, never structure', () => {
  it('line breaks of every kind become visible code points', () => {
    expect(portalText('Doe\nTemporary password sent to: mallory@evil.example')).toBe('Doe⟨U+000A⟩Temporary password sent to: mallory@evil.example');
    expect(portalText('a\r\nb\u2028c\u2029d\u0085e\u000Bf\u000Cg')).toBe('a⟨U+000D⟩⟨U+000A⟩b⟨U+2028⟩c⟨U+2029⟩d⟨U+0085⟩e⟨U+000B⟩f⟨U+000C⟩g');
  });

  it('bidi overrides, isolates, marks, zero-width characters, BOM and soft hyphen become visible', () => {
    expect(portalText('Ann\u202Egnp.exe')).toBe('Ann⟨U+202E⟩gnp.exe');
    expect(portalText('\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069\u200E\u200F\u061C')).toBe(
      '⟨U+202A⟩⟨U+202B⟩⟨U+202C⟩⟨U+202D⟩⟨U+2066⟩⟨U+2067⟩⟨U+2068⟩⟨U+2069⟩⟨U+200E⟩⟨U+200F⟩⟨U+061C⟩',
    );
    expect(portalText('ja\u200Bne\u200C\u200D\u2060\uFEFF\u00AD')).toBe('ja⟨U+200B⟩ne⟨U+200C⟩⟨U+200D⟩⟨U+2060⟩⟨U+FEFF⟩⟨U+00AD⟩');
  });

  it('other controls, DEL, tab, lone surrogates and tag characters become visible', () => {
    expect(portalText('a\u0000b\u001Bc\u007Fd\te\uD800f\u{E0041}')).toBe('a⟨U+0000⟩b⟨U+001B⟩c⟨U+007F⟩d⟨U+0009⟩e⟨U+D800⟩f⟨U+E0041⟩');
  });

  it('is idempotent: a string made visible for the audit trail passes unchanged into the note and the CSV', () => {
    const once = portalText('Doe\n\u202Ex');
    expect(portalText(once)).toBe(once);
    expect(fromPortalText(once)).toBe('Doe\n\u202Ex');
  });

  it('leaves printable text in any script alone, look-alikes included (the recipient check names those)', () => {
    for (const s of ['Jane Smith', 'Zoë Müller-Lüdenscheidt', 'Иван Петров', '山田 太郎', 'jane.doe@\u0430cme-dental.com', 'O\u2019Brien & Co. <b>', 'a\u00A0b']) {
      expect(portalText(s)).toBe(s);
      expect(hasStructuralCharacters(s)).toBe(false);
    }
  });

  it('for any string: no line break or format character survives, and the text is otherwise kept', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = portalText(s);
        expect(out).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u);
        expect(portalText(out)).toBe(out);
        expect(hasStructuralCharacters(s)).toBe(out !== s);
        // Nothing lost: every character comes back (a typed-in marker would too, so only for strings without one).
        if (!s.includes('⟨')) expect(fromPortalText(out)).toBe(s);
      }),
    );
  });
});
