/** Where and on what the figures were measured: the machine, the commit, the date. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  os: string;
  loadAverage: number[];
}

export interface CommitInfo {
  sha: string;
  /** Paths changed in the working tree (another engineer's work in progress counts too). */
  dirtyPaths: number;
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'));
    if (pretty) return `${pretty[1]} (${os.type()} ${os.release()})`;
  } catch {
    // Not Linux: fall through.
  }
  return `${os.type()} ${os.release()}`;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: os.totalmem() / 1024 ** 3,
    node: process.version,
    os: osName(),
    loadAverage: os.loadavg(),
  };
}

export function commitInfo(cwd: string): CommitInfo {
  const git = (...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
  const status = git('status', '--porcelain');
  return { sha: git('rev-parse', '--short', 'HEAD'), dirtyPaths: status ? status.split('\n').length : 0 };
}
