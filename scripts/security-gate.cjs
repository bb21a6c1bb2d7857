#!/usr/bin/env node
// Electronegativity over a source folder, for the Electron version we ship; fails on any HIGH or MEDIUM
// finding. Suppressions are inline `eng-disable` comments, each with its reason on the line above.
const { execFileSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..');

function parseCsvLine(line) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { cells.push(cell.trim()); cell = ''; }
    else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

function runGate(input) {
  const electronVersion = require(join(root, 'node_modules/electron/package.json')).version;
  const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  const out = join(dir, 'findings.csv');
  try {
    execFileSync(
      process.execPath,
      ['-r', join(__dirname, 'offline-guard.cjs'), join(root, 'node_modules/@doyensec/electronegativity/dist/index.js'), '-i', input, '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-r', '-o', out],
      { stdio: 'pipe', env: { ...process.env, LANG: 'en' } },
    );
    const lines = readFileSync(out, 'utf8').split('\n').slice(1).filter((l) => l.trim());
    const findings = lines.map((l) => {
      const [id, severity, confidence, file, location] = parseCsvLine(l);
      return { id, severity, confidence, file, location };
    });
    const blocking = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
    return { electronVersion, findings, blocking };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { runGate };

if (require.main === module) {
  const input = resolve(process.argv[2] || join(root, 'src'));
  const { electronVersion, findings, blocking } = runGate(input);
  for (const f of findings) console.log(`${f.severity.padEnd(6)} ${f.id} ${f.file}:${f.location}`);
  console.log(`Electronegativity (Electron ${electronVersion}) over ${input}: ${findings.length} findings, ${blocking.length} high or medium.`);
  process.exit(blocking.length > 0 ? 1 : 0);
}
