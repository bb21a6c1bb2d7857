/**
 * Figure 5's child process: the core alone (as in the main process), driven through the dispatcher, with
 * `--expose-gc`. Receives the simulator's address from its parent, answers with memory after 100 searches
 * and after 1,000 searches and 100 customer switches. Run by steady-memory.ts, not by hand.
 */
import { openCoreSession } from './core-session';

export interface MemoryConfig {
  simUrl: string;
  credentials: { username: string; password: string };
  searches: number;
  baselineSearches: number;
  switches: number;
  /** How many different customers the switches go round (attribution: 2 = the same work without new customers). */
  distinctCustomers: number;
}

export interface MemorySample {
  heapUsed: number;
  rss: number;
}

export interface MemoryReport {
  baseline: MemorySample;
  after: MemorySample;
  searches: number;
  switches: number;
}

const QUERIES = ['', 'j', 'ja', 'jan', 'smi', 'sam', 'taylor', '10', '104', 'zoe', 'nunez', 'a', 'b', 'mo', 'zzz'];

async function settledMemory(): Promise<MemorySample> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  // Several collections with turns of the event loop between, so finalizers and weak maps settle.
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((r) => setImmediate(r));
  }
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, rss: m.rss };
}

async function measure(config: MemoryConfig): Promise<MemoryReport> {
  const session = await openCoreSession(config.simUrl, config.credentials);
  try {
    // Active customers to switch between, found the way a staffer finds them.
    const found = await session.call('customers:search', { name: 'a', limit: 200 });
    const customers = found.customers.filter((c) => c.status === 'active');
    if (customers.length < config.distinctCustomers) throw new Error(`only ${customers.length} active customers`);
    let current = customers[0]!;
    await session.call('customers:open', { customerId: current.id });

    let searches = 0;
    const search = () => session.call('users:search', { customerId: current.id, q: QUERIES[searches++ % QUERIES.length]! });
    while (searches < config.baselineSearches) await search();
    const baseline = await settledMemory();

    const perSwitch = Math.floor((config.searches - config.baselineSearches) / config.switches);
    for (let s = 1; s <= config.switches; s++) {
      current = customers[s % config.distinctCustomers]!;
      // A switch as in the console: the Customer search, then opening one result (a new CAP session).
      await session.call('customers:search', { name: current.name });
      await session.call('customers:open', { customerId: current.id });
      for (let k = 0; k < perSwitch; k++) await search();
    }
    while (searches < config.searches) await search();
    const after = await settledMemory();
    return { baseline, after, searches, switches: config.switches };
  } finally {
    await session.close();
  }
}

process.once('message', (config: MemoryConfig) => {
  measure(config).then(
    (report) => process.send?.({ ok: true, report }, () => process.exit(0)),
    (error: unknown) => process.send?.({ ok: false, error: String((error as Error).stack ?? error) }, () => process.exit(1)),
  );
});
