/**
 * Figure 6 — the simulator at scale: customer lookup and user search at `--scale 300` (about 90,000
 * customers), and "Find caller" (`GET /pap/v1/users`) across every user at `--scale 10` (about
 * 230,000 users, one customer of 20,000), over real HTTP. Prints and returns p50/p95 in
 * milliseconds; the goal is p95 < 20 ms.
 *
 *   npx tsx bench/sim-at-scale.ts
 */
import { startSimulator } from '../src/portal-sim/index';
import { firstNames, lastNames, namePrefixes, nameTrades } from '../src/portal-sim/directory/names';
import { atMost, fmt, type FigureResult } from './figure';
import { summarize as summarizeSamples } from './stats';

export interface SimAtScaleFigures {
  customerLookup: { p50: number; p95: number };
  userSearch: { p50: number; p95: number };
  callerSearch: { p50: number; p95: number };
  runs: number;
  /** Every measured time, for run-all's summaries. */
  samples: { customerLookup: number[]; userSearch: number[]; callerSearch: number[] };
  /** The first caller search at CALLER_SCALE, which builds the index of every user. */
  callerIndexMs: number;
  /** How long the simulator took to generate its directory and listen. */
  startMs: number;
}

const SCALE = 300;
const RUNS = 300;
/** Caller search indexes every user, so it is measured where the 20,000-user customer first appears. */
const CALLER_SCALE = 10;

const summary = (samples: number[]) => {
  const s = summarizeSamples(samples);
  return { p50: Math.round(s.median * 100) / 100, p95: Math.round(s.p95 * 100) / 100 };
};

async function timedGetter(url: string, token: string) {
  return async (path: string): Promise<{ ms: number; body: unknown }> => {
    const t0 = performance.now();
    const res = await fetch(url + path, { headers: { authorization: `Bearer ${token}` } });
    const body: unknown = await res.json();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    return { ms: performance.now() - t0, body };
  };
}

/** Caller searches the way staff type them: phone numbers in several formats, addresses, User IDs, names, extensions, misses. */
async function measureCallerSearch(runs: number, log: (line: string) => void): Promise<{ samples: number[]; indexMs: number }> {
  const sim = await startSimulator({ scale: CALLER_SCALE, seed: 'bench' });
  try {
    const signIn = await fetch(`${sim.url}/pap/v1/sessions`, { method: 'POST', body: JSON.stringify(sim.credentials) });
    const get = await timedGetter(sim.url, ((await signIn.json()) as { token: string }).token);
    const first = await get('/pap/v1/users?q=smith&limit=200');
    log(`caller index at scale ${CALLER_SCALE} built by the first search in ${Math.round(first.ms)} ms`);
    const hits = (first.body as { users: { userId: string; email: string | null; phoneNumber: string | null; extension: string; firstName: string; lastName: string }[] }).users;
    const queries: string[] = [];
    for (let i = 0; queries.length < runs; i++) {
      const u = hits[i % hits.length]!;
      const digits = (u.phoneNumber ?? '+441135551042').replace(/\D/g, '');
      const national = digits.slice(-10);
      const variants = [
        `0${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`, `+44 (0)${national.slice(0, 3)} ${national.slice(3, 6)}-${national.slice(6)}`, `00${digits}`,
        u.email ?? u.userId, u.userId.toUpperCase(), `${u.firstName} ${u.lastName}`, u.lastName.slice(0, 2), 'a', u.extension, 'zzz nobody', firstNames[i % firstNames.length] ?? 'Jane',
      ];
      queries.push(variants[i % variants.length] ?? 'smith');
    }
    for (const q of queries.slice(0, 20)) await get(`/pap/v1/users?q=${encodeURIComponent(q)}&limit=50`);
    const samples: number[] = [];
    for (const q of queries) samples.push((await get(`/pap/v1/users?q=${encodeURIComponent(q)}&limit=50`)).ms);
    return { samples, indexMs: first.ms };
  } finally {
    await sim.close();
  }
}

export async function runSimAtScaleBench(options: { scale?: number; runs?: number; log?: (line: string) => void } = {}): Promise<SimAtScaleFigures> {
  const scale = options.scale ?? SCALE;
  const runs = options.runs ?? RUNS;
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const startedAt = performance.now();
  const sim = await startSimulator({ scale, seed: 'bench' });
  const startMs = performance.now() - startedAt;
  log(`simulator at scale ${scale} started in ${Math.round(startMs)} ms`);
  try {
    const post = async (path: string, body: unknown, token?: string) => {
      const res = await fetch(sim.url + path, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: JSON.stringify(body) });
      return res.json() as Promise<Record<string, string>>;
    };
    const parent = (await post('/pap/v1/sessions', sim.credentials)).token ?? '';
    const timedGet = async (path: string, token: string): Promise<number> => {
      const t0 = performance.now();
      const res = await fetch(sim.url + path, { headers: { authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      return performance.now() - t0;
    };

    // Varied on purpose: one letter (thousands of matches), whole names, accents, substrings, misses.
    const queries: string[] = [];
    for (let i = 0; i < runs; i++) {
      const prefix = namePrefixes[i % namePrefixes.length] ?? 'Oak';
      const trade = nameTrades[(i * 7) % nameTrades.length] ?? 'Dental';
      const variants = [prefix, `${prefix} ${trade}`, prefix.slice(0, 2), trade.toUpperCase(), `${trade.slice(1, 5)}`, 'acme dental', 'voss', 'zurich', 'a', `${prefix} zzz`];
      queries.push(variants[i % variants.length] ?? 'acme');
    }
    // Warm up the JIT and the first-use paths.
    for (const q of queries.slice(0, 20)) await timedGet(`/pap/v1/customers?name=${encodeURIComponent(q)}&limit=50`, parent);
    const lookups: number[] = [];
    for (const q of queries) lookups.push(await timedGet(`/pap/v1/customers?name=${encodeURIComponent(q)}&limit=50`, parent));

    // User search: the 20,000-user customer, Acme Dental and a spread of others, each page of 50.
    const customerIds = ['C1008', 'C1001', ...Array.from({ length: 30 }, (_, i) => `C${1001 + 37 + i * 2_999}`)];
    const capTokens = new Map<string, string>();
    for (const id of customerIds) {
      const answer = await post(`/pap/v1/customers/${id}/cap-sessions`, {}, parent);
      if (answer.capToken) capTokens.set(id, answer.capToken);
    }
    const ids = [...capTokens.keys()];
    const userQueries = ['', 'j', 'smi', 'jane smith', '10', '1042', 'voss', 'zoe', "o'b", 'nunez', ...firstNames.slice(0, 10), ...lastNames.slice(0, 10)];
    for (const id of ids) await timedGet('/cap/v1/users?limit=50', capTokens.get(id) ?? '');
    const searches: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Half the searches go to the big customer, where paging and scanning cost the most.
      const id = i % 2 === 0 ? 'C1008' : (ids[i % ids.length] ?? 'C1001');
      const q = userQueries[i % userQueries.length] ?? '';
      searches.push(await timedGet(`/cap/v1/users?q=${encodeURIComponent(q)}&limit=50`, capTokens.get(id) ?? ''));
    }

    await sim.close();
    const caller = await measureCallerSearch(runs, log);
    const figures = {
      customerLookup: summary(lookups), userSearch: summary(searches), callerSearch: summary(caller.samples), runs,
      samples: { customerLookup: lookups, userSearch: searches, callerSearch: caller.samples }, startMs, callerIndexMs: caller.indexMs,
    };
    log(`customer lookup (${runs} queries): p50 ${figures.customerLookup.p50} ms, p95 ${figures.customerLookup.p95} ms`);
    log(`user search     (${runs} queries): p50 ${figures.userSearch.p50} ms, p95 ${figures.userSearch.p95} ms`);
    log(`caller search   (${runs} queries, scale ${CALLER_SCALE}): p50 ${figures.callerSearch.p50} ms, p95 ${figures.callerSearch.p95} ms`);
    log(`goal: p95 < 20 ms`);
    return figures;
  } finally {
    await sim.close();
  }
}

/** The same measurement as a figure of `npm run bench`. */
export async function runSimAtScale(log: (line: string) => void = console.log): Promise<FigureResult> {
  const f = await runSimAtScaleBench({ log });
  const lookup = summarizeSamples(f.samples.customerLookup);
  const search = summarizeSamples(f.samples.userSearch);
  const caller = summarizeSamples(f.samples.callerSearch);
  return {
    id: 6,
    title: 'Simulator at scale',
    method:
      `\`startSimulator({scale: ${SCALE}})\` (${(SCALE * 300).toLocaleString('en')} customers, one with 20,000 users), started in ${fmt(f.startMs)} ms. ` +
      `${f.runs} customer lookups (\`GET /pap/v1/customers?name=…&limit=50\`: one letter, whole names, substrings, accents, misses) and ` +
      `${f.runs} user searches (\`GET /cap/v1/users?q=…&limit=50\`, half of them on the 20,000-user customer) over loopback HTTP with \`fetch\`, ` +
      `${f.runs} caller searches (\`GET /pap/v1/users?q=…&limit=50\`: phone numbers in three formats, Emails, User IDs, names, ` +
      `one letter, extensions, misses) on a second simulator at \`scale: ${CALLER_SCALE}\` (every user of 3,000 customers, one of 20,000), ` +
      `after the first search built its index in ${fmt(f.callerIndexMs)} ms and 20 warm-ups. ` +
      'One at a time, after 20 warm-up lookups and one list per customer; time from request to the whole body read.',
    measurements: [
      { label: 'customer lookup', unit: 'ms', summary: lookup },
      { label: 'user search', unit: 'ms', summary: search },
      { label: 'caller search', unit: 'ms', summary: caller },
    ],
    goals: [
      atMost('customer lookup p95 under 20 ms', lookup.p95, 20, 'ms', true),
      atMost('user search p95 under 20 ms', search.p95, 20, 'ms', true),
      atMost('caller search p95 under 20 ms', caller.p95, 20, 'ms', true),
    ],
    notes: [],
  };
}

if (process.argv[1]?.replace(/\\/g, '/').endsWith('bench/sim-at-scale.ts')) {
  runSimAtScaleBench().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
