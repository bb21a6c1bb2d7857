import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLocalAuditStore } from '../../../src/main/audit/local/local-audit-store';

/**
 * The audit log survives SIGKILL at any moment: a child appends through the real module and prints each
 * id only after `append()` resolved; the parent kills it after a seeded random delay, many times over on
 * the same file, then reads the log back with the real reader.
 *
 * SIGKILL cannot tear a small write(2) to a regular file on Linux, so to prove the reader and the
 * "fresh line after a fragment" rule as well, some rounds also leave a torn fragment of an entry at the
 * kill point, as a power cut mid-write would. Set AUDIT_CRASH_SEED to replay a run; AUDIT_CRASH_ROUNDS
 * to change the number of kills.
 */

const seed = Number(process.env.AUDIT_CRASH_SEED ?? 0x5eed_2026);
const rounds = Number(process.env.AUDIT_CRASH_ROUNDS ?? 50);
const budgetMs = 40_000;
const child = path.join(__dirname, 'fixtures', 'append-child.ts');

/** mulberry32: small, seeded, good enough to spread kill moments. */
function rng(s: number): () => number {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Round {
  acknowledged: string[];
  killedBeforeReady: boolean;
  delayMs: number;
}

/** Starts a child, kills it with SIGKILL `delayMs` after it is ready (or after spawn when `early`). */
function crashRound(dir: string, round: number, delayMs: number, early: boolean): Promise<Round> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dir, String(round)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acknowledged: string[] = [];
    let ready = false;
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    const kill = () => proc.kill('SIGKILL');
    if (early) timer = setTimeout(kill, delayMs);
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!; // an unterminated id was not fully reported: not acknowledged
      for (const line of lines) {
        if (line === 'ready') {
          ready = true;
          if (!early) timer = setTimeout(kill, delayMs);
        } else if (line) acknowledged.push(line);
      }
    });
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    proc.on('error', reject);
    proc.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`child ended by itself (code ${code}): ${stderr}`));
      else resolve({ acknowledged, killedBeforeReady: !ready, delayMs });
    });
  });
}

interface LineInfo {
  text: string;
  /** Byte offset of the line's first byte. */
  start: number;
  /** Byte offset just after the line's last byte (where its '\n' is or would be). */
  end: number;
}

function linesWithOffsets(buf: Buffer): LineInfo[] {
  const out: LineInfo[] = [];
  let start = 0;
  for (let i = 0; i <= buf.length; i++) {
    if (i === buf.length || buf[i] === 0x0a) {
      if (i > start) out.push({ text: buf.subarray(start, i).toString('utf8'), start, end: i });
      start = i + 1;
    }
  }
  return out;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('audit log under SIGKILL', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it(`loses no acknowledged entry over ${rounds} kills and stays readable (seed ${seed})`, { timeout: budgetMs + 20_000 }, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'audit-crash-'));
    dirs.push(dir);
    const file = path.join(dir, 'audit.log');
    const random = rng(seed);
    const started = Date.now();
    const acknowledged: string[] = [];
    /** File sizes right after each kill (and after any injected fragment): the only places a torn line may end. */
    const killPoints = new Set<number>();
    let earlyKills = 0;
    let injected = 0;
    /** Where each injected fragment begins. */
    const injectedAt: number[] = [];
    let done = 0;

    for (let round = 0; round < rounds && Date.now() - started < budgetMs - 5_000; round++) {
      // Mostly mid-stream kills; one in eight during start-up (opening the log, probing its last byte).
      const early = random() < 0.125;
      const delayMs = early ? Math.floor(random() * 400) : Math.floor(random() * 120);
      const r = await crashRound(dir, round, delayMs, early);
      acknowledged.push(...r.acknowledged);
      if (r.killedBeforeReady) earlyKills++;
      // One round in three: leave a torn fragment of an entry at the kill point, as a power cut mid-write would.
      if (random() < 1 / 3) {
        const line = JSON.stringify({ id: `torn-${round}`, at: new Date().toISOString(), action: 'reset_sent', staffName: 'Crash Test', profile: 'demo', outcome: 'x'.repeat(40) });
        const cut = 1 + Math.floor(random() * (line.length - 2));
        injectedAt.push((await stat(file).catch(() => ({ size: 0 }))).size);
        await appendFile(file, line.slice(0, cut));
        injected++;
      }
      killPoints.add((await stat(file).catch(() => ({ size: 0 }))).size);
      done++;
    }
    const elapsedMs = Date.now() - started;

    // Read back with the real reader.
    const key = Buffer.alloc(32, 7); // the child's key
    const log = await openLocalAuditStore(dir, { key });
    const entries = await log.entriesAfter(null, Number.MAX_SAFE_INTEGER);
    const ids = entries.map((e) => e.id);
    const idSet = new Set(ids);
    const lost = acknowledged.filter((id) => !idSet.has(id));
    expect(lost, `acknowledged ids missing from the log (seed ${seed})`).toEqual([]);
    expect(idSet.size, 'no entry appears twice').toBe(ids.length);
    // Acknowledged order is kept: they appear in the log in the order they were reported.
    const position = new Map(ids.map((id, i) => [id, i]));
    const ackPositions = acknowledged.map((id) => position.get(id)!);
    expect(ackPositions.every((p, i) => i === 0 || p > ackPositions[i - 1]!)).toBe(true);
    // The seal chain survives the kills and the torn fragments: every entry the console wrote still verifies.
    expect(entries.filter((e) => !e.verifiable).map((e) => e.unverifiableReason)).toEqual([]);

    // Every line of the raw file either parses or is a torn fragment that ends exactly at a kill point.
    const raw = await readFile(file);
    const lines = linesWithOffsets(raw);
    const torn = lines.filter((l) => !parses(l.text));
    const tornElsewhere = torn.filter((l) => !killPoints.has(l.end));
    expect(tornElsewhere.map((l) => l.text.slice(0, 60))).toEqual([]);
    expect(lines.length - torn.length).toBe(entries.length);
    // A torn line holds one injected fragment, or several when children were killed before writing anything
    // in between (nothing to start a fresh line); a torn line holding none was torn by SIGKILL itself.
    const holds = (l: LineInfo) => injectedAt.filter((at) => at >= l.start && at < l.end).length;
    const fromSigkill = torn.filter((l) => holds(l) === 0).length;

    // Appending after all those crashes still works, and reads back after a reopen.
    const after = await log.append({ action: 'sign_in_ok', staffName: 'Crash Test', profile: 'demo', outcome: 'ok' });
    await log.close();
    const reopened = await openLocalAuditStore(dir, { key });
    const final = await reopened.entriesAfter(null, Number.MAX_SAFE_INTEGER);
    await reopened.close();
    expect(final.at(-1)?.id).toBe(after.id);
    expect(final).toHaveLength(entries.length + 1);
    expect(final.every((e) => e.verifiable)).toBe(true);

    const report = {
      seed,
      kills: done,
      killedDuringStartUp: earlyKills,
      acknowledged: acknowledged.length,
      entriesOnDisk: entries.length,
      writtenButUnacknowledged: entries.length - acknowledged.length,
      tornLines: torn.length,
      tornBySigkill: fromSigkill,
      tornInjected: injected,
      elapsedMs,
    };
    console.info(`[audit crash] ${JSON.stringify(report)}`);
    expect(done).toBeGreaterThanOrEqual(Math.min(rounds, 25));
    expect(acknowledged.length).toBeGreaterThan(done); // the kills did land mid-stream
    // Every injected fragment sits in a torn line: none was glued onto an entry that then parsed.
    expect(torn.reduce((n, l) => n + holds(l), 0)).toBe(injected);
  });
});
