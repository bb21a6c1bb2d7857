/**
 * `npm run bench`: builds the renderer, runs every figure one after the other on this machine, and
 * writes BENCHMARKS.md (machine, commit, date, each figure's median and p95, ratios from the same run,
 * goals and verdicts). A figure that fails is reported as not measured; the exit code is then 1.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import type { FigureResult } from './figure';
import { runAuditScale } from './audit-scale';
import { runGatewayOverhead } from './gateway-overhead';
import { commitInfo, machineInfo } from './machine';
import { renderReport, type RunInfo } from './report';
import { runSignInsUnderSkew } from './sign-ins-under-skew';
import { runSimAtScale } from './sim-at-scale';
import { runStafferReset } from './staffer-reset';
import { runStartTime } from './start-time';
import { runSteadyMemory } from './steady-memory';
import { runTeamHistory } from './team-bench';
import { runTypeToResults } from './type-to-results';

const repoRoot = resolve(__dirname, '..');
const log = (line: string) => process.stdout.write(`${line}\n`);

const figures: { id: number; title: string; run: (log: (line: string) => void) => Promise<FigureResult> }[] = [
  { id: 1, title: 'Gateway overhead', run: runGatewayOverhead },
  { id: 2, title: 'Type to results', run: runTypeToResults },
  { id: 3, title: 'Start', run: runStartTime },
  { id: 4, title: "A staffer's reset", run: runStafferReset },
  { id: 5, title: 'Steady memory', run: runSteadyMemory },
  { id: 6, title: 'Simulator at scale', run: runSimAtScale },
  { id: 7, title: 'Audit trail at scale', run: runAuditScale },
  // team-bench.ts numbers itself 7 as well (both were written as "figure 7" in parallel): here it is 8.
  { id: 8, title: 'Team history on PostgreSQL', run: async (log) => ({ ...(await runTeamHistory(log)), id: 8 }) },
  { id: 9, title: 'Sign-ins per hour under clock skew', run: runSignInsUnderSkew },
];

/** The renderer the browser-shell figures load; retried, since a teammate's edit in progress can break a build for a moment. */
function buildRenderer(): void {
  for (let attempt = 1; ; attempt++) {
    const build = spawnSync(join(repoRoot, 'node_modules/.bin/electron-vite'), ['build', '--logLevel', 'warn'], { cwd: repoRoot, encoding: 'utf8' });
    if (build.status === 0) return;
    if (attempt === 3) throw new Error(`electron-vite build failed:\n${build.stderr || build.stdout}`);
    log(`renderer build failed (attempt ${attempt}); retrying in 20 s`);
    spawnSync('sleep', ['20']);
  }
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const t0 = performance.now();
  const machine = machineInfo();
  const commit = commitInfo(repoRoot);
  log(`bench: ${machine.cpu}, ${machine.cores} cores, node ${machine.node}, commit ${commit.sha}${commit.dirtyPaths ? ' (dirty)' : ''}`);
  buildRenderer();

  const results: FigureResult[] = [];
  const failures: RunInfo['failures'] = [];
  for (const figure of figures) {
    const f0 = performance.now();
    log(`— ${figure.id}. ${figure.title}`);
    try {
      const result = await figure.run(log);
      results.push({ ...result, seconds: (performance.now() - f0) / 1000 });
    } catch (error) {
      failures.push({ id: figure.id, title: figure.title, error: (error as Error).stack ?? String(error) });
      log(`   failed: ${(error as Error).message}`);
    }
  }

  const seconds = (performance.now() - t0) / 1000;
  const report = renderReport(results, { machine, commit, startedAt, seconds, loadAverageAfter: os.loadavg(), failures });
  writeFileSync(join(repoRoot, 'BENCHMARKS.md'), report);
  const missed = results.flatMap((r) => r.goals.filter((g) => !g.met).map((g) => `${r.id}. ${g.text}`));
  log(`BENCHMARKS.md written in ${seconds.toFixed(0)} s; goals missed: ${missed.length ? missed.join('; ') : 'none'}${failures.length ? `; not measured: ${failures.map((f) => f.id).join(', ')}` : ''}`);
  process.exitCode = failures.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
