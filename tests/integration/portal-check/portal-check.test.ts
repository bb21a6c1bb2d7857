import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../../src/portal-sim/index';
import { validateDataFile } from '../../../src/portal-sim/load-data-file';
import { makeSelfSignedCert, startSelfSignedHttpsServer } from '../security/hostile-servers';

interface Run {
  code: number | null;
  lines: string[];
  stderr: string;
}

/** Runs `npm run portal-check` as a staffer would, password from the environment; output stays captured. */
function portalCheck(url: string, password: string, extra: string[] = []): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/portal-check/cli.ts', '--url', url, '--username', 'desk', ...extra], {
      cwd: process.cwd(),
      env: { ...process.env, PORTAL_PASSWORD: password },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d.toString()));
    child.stderr.on('data', (d) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, lines: stdout.trimEnd().split('\n'), stderr }));
  });
}

const failures = (run: Run) => run.lines.filter((l) => l.startsWith('FAIL '));
const failedChecks = (run: Run) => failures(run).map((l) => l.slice(5, l.indexOf(':')));
// Without the closing "N passed, N failed" line, which the test suite's own summary detector would misread.
const transcript = (run: Run) => run.lines.slice(0, -1).join('\n');
const summary = (run: Run) => /^(\d+) passed, (\d+) failed$/.exec(run.lines.at(-1) ?? '');

// A directory the checks were never tuned to: another provider's names, accents, a suspended
// look-alike, a user whose Email is on another domain and a number written the French way.
const unseen = validateDataFile({
  parentAdmins: [{ username: 'desk', password: 'Unseen-Desk-Pass-9!' }],
  customers: [
    {
      id: 'K-77', name: 'Brasserie Æbleskiver & Søn', accountNumber: 'DK-0042', city: 'Aarhus',
      users: [
        { userId: 'lise@aeble.voip', firstName: 'Lise', lastName: 'Ørsted', extension: '201', phoneNumber: '+45 86 12 34 56', email: 'lise.orsted@aeble.dk' },
        { userId: 'mads@aeble.voip', firstName: 'Mads', lastName: 'Ågård', extension: '202', phoneNumber: null, email: 'mads@aeble.voip' },
        { userId: 'ole@aeble.voip', firstName: 'Ole', lastName: 'Bæk', extension: '203', email: null, status: 'disabled' },
      ],
    },
    { id: 'K-78', name: 'Brasserie Æbleskiver', status: 'suspended', users: [{ userId: 'x@closed.voip', firstName: 'X', lastName: 'Closed', extension: '1' }] },
    {
      id: 'K-90', name: 'Café Ørsted', city: 'Odense',
      users: [{ userId: 'tina@cafe.voip', firstName: 'Tina', lastName: 'Ørsted', extension: '9', phoneNumber: '+33 (0)1 46 22 07 00', email: 'tina@cafe.fr' }],
    },
  ],
});

describe('npm run portal-check against the simulator', () => {
  let generated: SimulatorHandle;
  let fromFile: SimulatorHandle;
  beforeAll(async () => {
    generated = await startSimulator({ seed: 'portal-check never saw this seed' });
    fromFile = await startSimulator({ data: unseen });
  });
  afterAll(async () => {
    await generated.close();
    await fromFile.close();
  });

  it('passes read-only on a generated directory, sends nothing and tries one wrong password', async () => {
    const run = await portalCheck(generated.url, generated.credentials.password, ['--username', generated.credentials.username]);
    expect(failures(run), transcript(run)).toEqual([]);
    expect(run.code).toBe(0);
    expect(summary(run)?.[2]).toBe('0');
    expect(Number(summary(run)?.[1])).toBeGreaterThan(30);
    expect(run.lines.filter((l) => l.startsWith('PASS find caller by phone number')).length, transcript(run)).toBeGreaterThanOrEqual(4);
    const stats = await (await fetch(`${generated.url}/_sim/stats`)).json();
    expect(stats).toMatchObject({ passwordResets: 0, emailsSent: 0 });
    // Four more wrong tries would still not lock the account: portal-check used one of five.
    for (let i = 0; i < 3; i++) await fetch(`${generated.url}/pap/v1/sessions`, { method: 'POST', body: JSON.stringify({ username: 'helpdesk', password: 'wrong' }) });
    const signIn = await fetch(`${generated.url}/pap/v1/sessions`, { method: 'POST', body: JSON.stringify(generated.credentials) });
    expect(signIn.status).toBe(201);
  });

  it('passes on a --data directory with --customer and --reset-user, sending exactly one e-mail', async () => {
    const run = await portalCheck(fromFile.url, 'Unseen-Desk-Pass-9!', ['--customer', 'brasserie', '--reset-user', 'LISE@aeble.voip']);
    expect(failures(run), transcript(run)).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.lines).toEqual(expect.arrayContaining([
      'PASS Access CAP on a suspended customer answers 403 customer_suspended',
      'PASS find caller by phone number "+4586123456"',
      'PASS a reset with expectedEmail sends one temporary password to the Email',
      'PASS the same Idempotency-Key again answers the same body and sends nothing',
    ]));
    const outbox = (await (await fetch(`${fromFile.url}/_sim/outbox`)).json()) as { messages: { to: string }[] };
    expect(outbox.messages.map((m) => m.to)).toEqual(['lise.orsted@aeble.dk']);
  });

  it('refuses a password on the command line and needs one from the environment', async () => {
    const run = await portalCheck(fromFile.url, '', ['--password', 'x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('never an argument');
    const none = await portalCheck(fromFile.url, '');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('PORTAL_PASSWORD');
  });
});

describe('npm run portal-check against a server that breaks the contract', () => {
  let sim: SimulatorHandle;
  let proxy: Server;
  let proxyUrl: string;
  let wrongPasswords = 0;

  beforeAll(async () => {
    sim = await startSimulator({ data: unseen });
    // The simulator behind a tiny proxy that breaks four rules, one per call.
    proxy = createServer((req, res) => {
      void (async () => {
        const body = await readAll(req);
        const path = req.url ?? '/';
        const auth = req.headers.authorization;
        if (path.startsWith('/pap/v1/users?')) {
          res.writeHead(401, { 'content-type': 'application/json' });
          return res.end(JSON.stringify({ error: { code: 'session_expired', message: 'Open a CAP session first.' } }));
        }
        const upstream = await fetch(sim.url + path, {
          method: req.method,
          headers: { ...(auth ? { authorization: auth } : {}), ...(req.headers['idempotency-key'] ? { 'idempotency-key': String(req.headers['idempotency-key']) } : {}) },
          ...(body.length > 0 ? { body } : {}),
        });
        let status = upstream.status;
        let text = await upstream.text();
        if (req.method === 'POST' && path === '/pap/v1/sessions' && status === 401) wrongPasswords++;
        if (req.method === 'DELETE' && status === 204) status = 200;
        if (req.method === 'GET' && /^\/cap\/v1\/users\/[^/?]+$/.test(path) && status === 200) {
          const user = JSON.parse(text);
          delete user.password;
          text = JSON.stringify(user);
        }
        if (path.startsWith('/pap/v1/customers/portal-check') && status === 404) text = JSON.stringify({ error: { message: 'No such customer.' } });
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(status === 204 ? undefined : text);
      })();
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => proxy.close(resolve));
    await sim.close();
  });

  it('fails, naming each broken check, exits 1, and still tried only one wrong password', async () => {
    const run = await portalCheck(proxyUrl, 'Unseen-Desk-Pass-9!', ['--customer', 'brasserie']);
    expect(run.code).toBe(1);
    expect(failedChecks(run).sort(), transcript(run)).toEqual(
      [
        'sign-out answers 204 and the token is then refused',
        'user details',
        'an unknown customer answers 404 not_found',
        'find caller by User ID',
        'find caller by Email',
        'find caller by name, in the contract order',
        'find caller limit and total',
        'find caller refuses bad input with 400 invalid_query',
      ].sort(),
    );
    const line = (start: string) => failures(run).find((l) => l.startsWith(`FAIL ${start}`)) ?? '';
    expect(line('sign-out')).toMatch(/expected 204 with no body, got 200/);
    expect(line('user details')).toMatch(/expected User \(password: .*\), got 200/);
    expect(line('an unknown customer')).toMatch(/expected 404 not_found for GET in the error shape .*, got 404 \{"error":\{"message"/);
    expect(line('find caller by User ID')).toMatch(/expected 200 with \{users: \[UserHit\], total\}, got 401 .*session_expired/);
    expect(summary(run)?.[2]).toBe(String(failures(run).length));
    expect(wrongPasswords).toBe(1);
    expect(run.lines.some((l) => l.includes('Unseen-Desk-Pass-9!'))).toBe(false);
  });

  it('refuses a certificate it cannot verify before sending the password', async () => {
    const https = await startSelfSignedHttpsServer(await makeSelfSignedCert());
    try {
      const run = await portalCheck(https.url, 'Unseen-Desk-Pass-9!');
      expect(run.code).toBe(1);
      expect(failures(run)).toEqual([expect.stringMatching(/^FAIL sign-in: no answer to POST \/pap\/v1\/sessions: .*(SELF_SIGNED|CERT|certificate)/i)]);
      expect(https.requests).toBe(0);
    } finally {
      await https.close();
    }
  });
});

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
