import { describe, expect, it } from 'vitest';
import { checkPortalUrl, isLoopbackHost, portalChoice, portalChoiceFromUrl, profileIdOf } from './portal-choice';

const refusal = (raw: string) => {
  const r = checkPortalUrl(raw);
  return r.ok ? null : r.problem;
};

describe('the portal choice: one schema, one normalisation', () => {
  it('normalises once where it enters: origin + path, no trailing slashes, no query or fragment', () => {
    expect(portalChoice.parse({ mode: 'url', url: ' https://Portal.Example.com:443/api/// ' })).toEqual({ mode: 'url', url: 'https://portal.example.com/api' });
    expect(portalChoice.parse({ mode: 'url', url: 'https://portal.example.com/?x=1#y' })).toEqual({ mode: 'url', url: 'https://portal.example.com' });
    expect(portalChoice.parse({ mode: 'demo' })).toEqual({ mode: 'demo' });
    // Stored normalised, read back unchanged: the profile id is the stored URL, with no second pass.
    const once = portalChoice.parse({ mode: 'url', url: 'https://portal.example.com/a/' });
    expect(portalChoice.parse(once)).toEqual(once);
    expect(profileIdOf(once)).toBe('https://portal.example.com/a');
  });

  it.each([
    'http://127.0.0.1:4010',
    'http://127.255.255.254',
    'http://localhost:4010/',
    'http://LOCALHOST',
    'http://[::1]:4010',
  ])('allows plain http to real loopback: %s', (raw) => {
    expect(refusal(raw)).toBeNull();
  });

  it.each([
    'http://127.0.0.1.nip.io',
    'http://127.attacker.test',
    'http://127.0.0.1.attacker.test:4010',
    'http://localhost.attacker.test',
    'http://localhost.',
    'http://10.0.0.5',
    'http://[::ffff:127.0.0.1]',
    'http://[::2]',
    'http://portal.example.com',
  ])('refuses plain http anywhere else, with one clear line: %s', (raw) => {
    expect(refusal(raw)).toEqual({ code: 'portal_insecure', message: 'The portal address must start with https:// (plain http is allowed only for 127.x.x.x, ::1 or localhost).' });
  });

  it.each([
    ['https://helpdesk:secret@portal.example.com', 'must not contain a user name or password'],
    ['https://helpdesk@portal.example.com', 'must not contain a user name or password'],
    ['http://u:p@127.0.0.1:4010', 'must not contain a user name or password'],
    ['ftp://portal.example.com', 'must start with https://'],
    ['file:///etc/passwd', 'must start with https://'],
    ['javascript:alert(1)', 'must start with https://'],
    ['portal.example.com', 'not a valid URL'],
    ['', 'not a valid URL'],
  ])('refuses %s', (raw, says) => {
    expect(refusal(raw)).toMatchObject({ code: 'invalid_input', message: expect.stringContaining(says) });
  });

  it('the schema carries the refusal and its code, so the sign-in form shows that one line', () => {
    const parsed = portalChoice.safeParse({ mode: 'url', url: 'http://127.0.0.1.nip.io' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ code: 'custom', params: { errorCode: 'portal_insecure' } })]);
    expect(portalChoice.safeParse({ mode: 'url', url: 'x'.repeat(2049) }).success).toBe(false);
  });

  it('the command line gets a choice or the same line', () => {
    expect(portalChoiceFromUrl('https://portal.example.com/')).toEqual({ ok: true, choice: { mode: 'url', url: 'https://portal.example.com' } });
    expect(portalChoiceFromUrl('http://127.attacker.test')).toEqual({ ok: false, message: expect.stringContaining('must start with https://') });
  });

  it('loopback means IP literals in 127.0.0.0/8, ::1 or exactly localhost', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['127.0.0.256', '127.0.0', '127.0.0.1.nip.io', '128.0.0.1', 'localhost.localdomain', '::1'].some(isLoopbackHost)).toBe(false);
  });
});
