/** BENCHMARKS.md from the figures of one run. */
import { fmt, missedBy, type FigureResult } from './figure';
import type { CommitInfo, MachineInfo } from './machine';

export interface RunInfo {
  machine: MachineInfo;
  commit: CommitInfo;
  startedAt: Date;
  seconds: number;
  loadAverageAfter: number[];
  failures: { id: number; title: string; error: string }[];
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function verdictCell(goalMet: boolean, by: string): string {
  return goalMet ? 'met' : `**missed** — ${by}`;
}

export function renderReport(figures: FigureResult[], run: RunInfo): string {
  const { machine, commit } = run;
  const lines: string[] = [];
  lines.push('# Benchmarks', '');
  lines.push('Written by `npm run bench` (`bench/run-all.ts`); do not edit by hand. Method: `docs/benchmarks.md` and each `bench/<figure>.ts`.');
  lines.push('Absolute times on these shared machines drift from run to run; ratios measured within one run hold better.', '');
  lines.push('| | |', '|---|---|');
  lines.push(`| date | ${run.startedAt.toISOString()} |`);
  lines.push(`| commit | \`${commit.sha}\`${commit.dirtyPaths > 0 ? ` + uncommitted changes (dirty: ${commit.dirtyPaths} paths)` : ' (clean)'} |`);
  lines.push(`| CPU | ${cell(machine.cpu)}, ${machine.cores} cores |`);
  lines.push(`| memory | ${fmt(machine.memoryGb)} GB |`);
  lines.push(`| OS | ${cell(machine.os)} |`);
  lines.push(`| Node | ${machine.node} |`);
  lines.push(`| load average (1/5/15 min) | before ${machine.loadAverage.map(fmt).join(' / ')}; after ${run.loadAverageAfter.map(fmt).join(' / ')} |`);
  lines.push(`| run time of \`npm run bench\` | ${fmt(run.seconds)} s |`, '');

  lines.push('## Goals', '', '| figure | goal | measured | verdict |', '|---|---|---|---|');
  for (const f of figures) {
    for (const g of f.goals) lines.push(`| ${f.id}. ${f.title} | ${g.text} | ${fmt(g.actual)} ${g.unit} | ${verdictCell(g.met, missedBy(g))} |`);
  }
  for (const failure of run.failures) lines.push(`| ${failure.id}. ${failure.title} | — | — | **not measured**: ${cell(failure.error.split('\n')[0] ?? '')} |`);
  lines.push('');

  for (const f of figures) {
    lines.push(`## ${f.id}. ${f.title}`, '');
    lines.push(f.method, '');
    lines.push('| measurement | median | p95 | runs |', '|---|---|---|---|');
    for (const m of f.measurements) {
      if (m.summary) lines.push(`| ${cell(m.label)} | ${fmt(m.summary.median)} ${m.unit} | ${fmt(m.summary.p95)} ${m.unit} | ${m.summary.n} |`);
      else lines.push(`| ${cell(m.label)} | ${fmt(m.value ?? NaN)} ${m.unit} | | |`);
    }
    lines.push('');
    for (const g of f.goals) lines.push(`- Goal: ${g.text} — ${g.met ? 'met' : `**missed**, ${missedBy(g)}`} (measured ${fmt(g.actual)} ${g.unit}).`);
    for (const note of f.notes) lines.push(`- ${note}`);
    if (f.seconds !== undefined) lines.push(`- This figure took ${fmt(f.seconds)} s.`);
    lines.push('');
  }
  for (const failure of run.failures) {
    lines.push(`## ${failure.id}. ${failure.title} — not measured`, '', '```', failure.error.slice(0, 2000), '```', '');
  }
  return lines.join('\n');
}
