import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataFile } from '../../src/portal-sim/data-file';
import { openConsole, type ConsoleFixture } from './fixtures/console';
import { openCustomer, outbox, pickUser, simStats, submitCustomerSearch } from './fixtures/flows';

/**
 * The secret boundary, end to end: a canary parent-admin password is typed into the console once, the
 * whole console is used (lookups, a reset, the note, history, settings, portal faults, a silent
 * re-sign-in after the portal session expires), and then every place the renderer or the process could
 * have left it is searched — plain, URL-encoded and base64. The temporary password the portal e-mails
 * (read from the simulator's outbox) is searched for the same way.
 */

const CANARY = 'Canary-7f3a9-Pw!';
const JANE_EMAIL = 'jane.smith@acmedental.co.uk';

const data: DataFile = {
  parentAdmins: [{ username: 'helpdesk', password: CANARY }],
  customers: [
    {
      id: 'C1001',
      name: 'Acme Dental',
      accountNumber: '100-2001',
      status: 'active',
      city: 'Leeds',
      users: [
        { userId: 'jsmith@acme.voip', firstName: 'Jane', lastName: 'Smith', extension: '1042', phoneNumber: '+441135551042', email: JANE_EMAIL, alternateIds: ['jane.s'], status: 'active' },
        { userId: 'bob@acme.voip', firstName: 'Bob', lastName: 'Jones', extension: '1043', email: 'bob@acmedental.co.uk', status: 'active' },
      ],
    },
    {
      id: 'C2002',
      name: 'Northwind Traders',
      accountNumber: '100-2002',
      status: 'active',
      city: 'York',
      users: [{ userId: 'ann@northwind.voip', firstName: 'Ann', lastName: 'Lee', extension: '2001', email: 'ann@northwind.example', status: 'active' }],
    },
  ],
};

/** The forms a secret could take on its way somewhere: as typed, in a URL or form body, base64 (e.g. Basic auth). */
function formsOf(secret: string): string[] {
  const b64 = Buffer.from(secret).toString('base64');
  return [secret, encodeURIComponent(secret), b64, b64.replace(/=+$/, ''), Buffer.from(secret).toString('base64url')];
}

/** The places searched, each as text; a finding names the place and the form. */
function findings(places: Record<string, string>, secret: string): string[] {
  const found: string[] = [];
  for (const [place, text] of Object.entries(places)) {
    for (const form of formsOf(secret)) if (text.includes(form)) found.push(`${place} contains ${JSON.stringify(form)}`);
  }
  return found;
}

async function filesUnder(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const bytes = await readFile(file);
    // Both readings: UTF-8 text and UTF-16 (some stores write wide strings).
    out[`file ${file}`] = bytes.toString('utf8') + '\n' + bytes.toString('utf16le');
  }
  return out;
}

async function browserPlaces(f: ConsoleFixture): Promise<Record<string, string>> {
  const { page } = f;
  const storage = await page.evaluate(async () => {
    const dump = (s: Storage) => JSON.stringify(Object.fromEntries(Array.from({ length: s.length }, (_, i) => [s.key(i), s.getItem(s.key(i)!)])));
    const databases = await indexedDB.databases();
    const idb: Record<string, unknown> = {};
    for (const info of databases) {
      if (!info.name) continue;
      idb[info.name] = await new Promise((resolve) => {
        const open = indexedDB.open(info.name!);
        open.onerror = () => resolve('(could not open)');
        open.onsuccess = () => {
          const db = open.result;
          const stores = Array.from(db.objectStoreNames);
          if (stores.length === 0) return resolve({});
          const tx = db.transaction(stores, 'readonly');
          const all: Record<string, unknown> = {};
          for (const name of stores) {
            const req = tx.objectStore(name).getAll();
            req.onsuccess = () => (all[name] = req.result);
          }
          tx.oncomplete = () => resolve(all);
        };
      });
    }
    return { local: dump(localStorage), session: dump(sessionStorage), idbNames: databases.map((d) => d.name ?? ''), idb: JSON.stringify(idb) };
  });
  const inputs = await page.$$eval('input, textarea, select', (els) => els.map((e) => `${(e as HTMLInputElement).name}=${(e as HTMLInputElement).value}`));
  return {
    'DOM (page.content)': await page.content(),
    'DOM text': await page.evaluate(() => document.body.innerText),
    'input values': inputs.join('\n'),
    localStorage: storage.local,
    sessionStorage: storage.session,
    'IndexedDB databases': storage.idbNames.join('\n'),
    'IndexedDB contents': storage.idb,
    cookies: JSON.stringify(await page.context().cookies()),
    clipboard: await page.evaluate(() => navigator.clipboard.readText()),
    'window.name and URL': await page.evaluate(() => `${window.name}\n${location.href}\n${document.title}`),
  };
}

describe('secret boundary, end to end in the browser shell', () => {
  let f: ConsoleFixture | null = null;
  let processOutput: string[] = [];
  let restoreOutput: (() => void) | null = null;

  beforeEach(() => {
    // Everything written to this process's stdout/stderr during the test (the core's default logger
    // writes to stderr; a stray console.log would land on stdout). Still passed through.
    processOutput = [];
    const out = process.stdout.write.bind(process.stdout);
    const err = process.stderr.write.bind(process.stderr);
    const capture = (original: typeof out) =>
      ((chunk: unknown, ...rest: unknown[]) => {
        processOutput.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
        return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof out;
    process.stdout.write = capture(out);
    process.stderr.write = capture(err);
    restoreOutput = () => {
      process.stdout.write = out;
      process.stderr.write = err;
    };
  });

  afterEach(async () => {
    restoreOutput?.();
    await f?.close();
    f = null;
  });

  it('the parent-admin password and the temporary password appear in no DOM, storage, clipboard, file or output', async () => {
    f = await openConsole({ simulator: { data } });
    const { page } = f;
    expect(f.sim.credentials.password).toBe(CANARY);

    // First run: a wrong password first (its refusal must not echo anything), then the canary.
    await expect.poll(() => page.getByLabel('Portal URL').inputValue()).toBe(f.sim.url);
    await page.getByLabel('Username').fill('helpdesk');
    await page.getByLabel('Password').fill(`${CANARY}-wrong`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Code: invalid_credentials').waitFor();
    await page.getByLabel('Password').fill(CANARY);
    await page.getByLabel('Your name').fill('Sam Carter');
    // Control: while it is typed, the search does find it (in the input values) — the net has no hole.
    expect(findings(await browserPlaces(f), CANARY)).toContain('input values contains "Canary-7f3a9-Pw!"');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('textbox', { name: 'Customer' }).waitFor();

    // Lookups, the user panel, a reset, the note.
    await openCustomer(page, 'Acme Dental', 'Acme Dental');
    await pickUser(page, 'jane', 'Jane Smith');
    await page.getByRole('button', { name: 'Reset password' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Call-back to the number on file' }).check();
    await dialog.getByRole('button', { name: 'Send temporary password' }).click();
    await page.getByRole('status').filter({ hasText: 'Temporary password sent' }).waitFor();
    await page.getByRole('button', { name: 'Copy ticket note' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('Jane Smith');
    const mails = await outbox(f, JANE_EMAIL);
    expect(mails).toHaveLength(1);
    const tempPassword = mails[0]!.tempPassword;
    expect(tempPassword.length).toBeGreaterThanOrEqual(8);

    // Portal faults: 500s, a malformed answer, a dropped connection, latency. The console may retry
    // (the gateway retries reads, react-query retries queries); what matters here is that each fault was
    // met, which the core's log shows, and that the screen settled.
    const logged = (pattern: RegExp) => expect.poll(() => f!.logs.some((l) => pattern.test(l)), { timeout: 15_000 }).toBe(true);
    const settled = () => page.getByText(/match(es)? for “|Code: /).first().waitFor();
    await f.simControl('/_sim/faults', { path: '/pap/v1/customers', kind: 'status', status: 500, times: 3 });
    await submitCustomerSearch(page, 'Northwind');
    await logged(/"path":"\/pap\/v1\/customers","status":500,"ms":\d+,"attempt":3/);
    await settled();
    await f.simControl('/_sim/faults', { path: '/pap/v1/customers', kind: 'malformed', times: 1 });
    await submitCustomerSearch(page, 'North');
    await logged(/"event":"portal.bad_response"/);
    await settled();
    await f.simControl('/_sim/faults', { path: '/pap/v1/customers', kind: 'drop', times: 1 });
    await f.simControl('/_sim/faults', { path: '/pap/v1/customers', kind: 'latency', latencyMs: 400, times: 1 });
    await openCustomer(page, 'Northwind Traders', 'Northwind Traders');
    await logged(/"event":"portal.call_failed"/);
    await f.simControl('/_sim/faults', { path: '/cap/v1/users', kind: 'status', status: 500, times: 3 });
    await page.getByRole('textbox', { name: 'Search users' }).fill('ann');
    await logged(/"path":"\/cap\/v1\/users","status":500/);
    await f.simControl('/_sim/faults', undefined, 'DELETE');

    // The portal session expires: the next call signs in again silently, with the stored canary.
    const signInsBefore = f.logs.filter((l) => l.includes('"path":"/pap/v1/sessions"') && l.includes('"status":201')).length;
    await f.simControl('/_sim/clock', { advanceMs: 31 * 60 * 1000 });
    await openCustomer(page, 'Acme Dental', 'Acme Dental');
    await pickUser(page, '1043', 'Bob Jones');
    expect(f.logs.filter((l) => l.includes('"path":"/pap/v1/sessions"') && l.includes('"status":201')).length).toBeGreaterThan(signInsBefore);

    // History (and its note copy), Settings.
    await page.getByRole('link', { name: 'History' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Jane Smith' });
    await row.waitFor();
    await row.getByRole('button', { name: 'Copy ticket note' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('Jane Smith');
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect((await simStats(f)).requests).toBeGreaterThan(10);

    // Search every place.
    const places: Record<string, string> = {
      ...(await browserPlaces(f)),
      ...(await filesUnder(f.userDataDir)),
      'core log lines': f.logs.join('\n'),
      'process stdout/stderr': processOutput.join(''),
    };
    expect(Object.keys(places).some((p) => p.startsWith('file '))).toBe(true); // the user-data dir is not empty: settings, audit log
    expect(places['core log lines']!.length).toBeGreaterThan(0);
    console.log(`[secret-boundary] searched ${Object.keys(places).length} places (${Object.keys(places).filter((p) => p.startsWith('file ')).length} files), ${f.logs.length} log lines, ${processOutput.length} output writes`);

    expect(findings(places, CANARY)).toEqual([]);
    expect(findings(places, `${CANARY}-wrong`)).toEqual([]);
    expect(findings(places, tempPassword)).toEqual([]);
  });
});
