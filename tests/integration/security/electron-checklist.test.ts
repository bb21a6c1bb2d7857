import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * What the unit tests beside the Electron host (electron-host.test.ts: window, guards, permissions;
 * start-electron-host.test.ts: the wiring, against a stand-in electron) leave open: the lint bans that keep
 * dangerous forms out of every source, justified suppressions, the Electron version, and the checklist
 * document itself.
 */

const root = process.cwd();
const read = (p: string) => readFileSync(join(root, p), 'utf8');

function sourcesUnder(dir: string, exts = ['.ts', '.tsx', '.html', '.cjs', '.mjs']): { file: string; text: string }[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && exts.some((x) => e.name.endsWith(x)) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => {
      const file = relative(root, join(e.parentPath, e.name));
      return { file, text: read(file) };
    });
}

const eslint = new ESLint({ cwd: root });
async function bannedBy(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('lint bans the Electron host’s dangerous forms in every source (npm run lint)', () => {
  it.each([
    ['export const el = <webview src="https://evil.example/" />;', 'src/renderer/src/Bad.tsx', 'No webviews.'],
    ['export const el = <div allowpopups="true" />;', 'src/renderer/src/Bad.tsx', 'No webviews.'],
    ["export const o = { webPreferences: { webviewTag: true } };", 'src/main/electron/bad.ts', 'No webviews.'],
    ["export const load = (w: { loadFile(p: string): void }) => w.loadFile('index.html');", 'src/main/electron/bad.ts', 'never file://'],
    ["export const load = (w: { loadURL(p: string): void }) => w.loadURL('file:///app/index.html');", 'src/main/electron/bad.ts', 'never file://'],
    ["export const w = (s: string) => document.write(s);", 'src/renderer/src/bad.ts', 'use text'],
    ["export const t = (s: { setCertificateVerifyProc(f: unknown): void }) => s.setCertificateVerifyProc(() => 0);", 'src/main/electron/bad.ts', 'TLS verification'],
    ["export const t = (a: { on(e: string, f: unknown): void }) => a.on('certificate-error', () => {});", 'src/main/electron/bad.ts', 'TLS verification'],
    ["import { app } from 'electron';\napp.commandLine.appendSwitch('no-sandbox');", 'src/main/electron/bad.ts', 'protections on'],
    ["import { ipcMain } from 'electron';\nipcMain.on('x', () => {});", 'src/main/electron/bad.ts', 'bridgeIpc'],
    ["import { ipcMain } from 'electron';\nipcMain.handle('anything', () => 1);", 'src/main/electron/bad.ts', 'bridgeIpc'],
    ["import { ipcRenderer } from 'electron';\nipcRenderer.send('x');", 'src/preload/bad.ts', 'only invokes'],
  ])('refuses %j in %s', async (code, filePath, message) => {
    expect((await bannedBy(code, filePath)).join(' ')).toContain(message);
  });

  it('lets the safe forms through (the bans are not "fail everything")', async () => {
    expect(await bannedBy("import { app } from 'electron';\napp.commandLine.appendSwitch('remote-debugging-port', '9333');", 'src/main/electron/ok.ts')).toEqual([]);
    expect(await bannedBy("export const load = (w: { loadURL(p: string): void }) => w.loadURL('app://console/');", 'src/main/electron/ok.ts')).toEqual([]);
    expect(await bannedBy("import { ipcRenderer } from 'electron';\nexport const i = (c: string) => ipcRenderer.invoke(c, {});", 'src/preload/ok.ts')).toEqual([]);
  });

  it('every Electronegativity suppression has its reason in a comment on the line above', () => {
    const suppressions: string[] = [];
    for (const { file, text } of sourcesUnder('src')) {
      const lines = text.split('\n');
      lines.forEach((line, i) => {
        if (!/eng-disable/.test(line)) return;
        suppressions.push(`${file}:${i + 1}`);
        expect(lines[i - 1] ?? '', `${file}:${i + 1} needs a reason above it`).toMatch(/^\s*\/\/\s*\S.{20,}/);
      });
    }
    expect(suppressions.length).toBeGreaterThan(0);
  });
});

describe('Electron version', () => {
  it('ships the Electron the package asks for, a supported major (45 or later)', () => {
    const installed = JSON.parse(read('node_modules/electron/package.json')) as { version: string };
    const wanted = (JSON.parse(read('package.json')) as { devDependencies: Record<string, string> }).devDependencies.electron!;
    const major = Number(installed.version.split('.')[0]);
    expect(major).toBeGreaterThanOrEqual(45);
    expect(wanted).toMatch(new RegExp(`^\\^?${major}\\.`));
  });
});

describe('docs/security-checklist.md', () => {
  const doc = read('docs/security-checklist.md');

  it('covers the twenty items of Electron’s checklist, in order', () => {
    const items = [...doc.matchAll(/^## (\d+)\. /gm)].map((m) => Number(m[1]));
    expect(items).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('names only tests that exist: every `file` › "test name" it cites is found in that file', () => {
    const cited = [...doc.matchAll(/`([^`]+\.test\.tsx?)` › "([^"]+)"/g)];
    expect(cited.length).toBeGreaterThanOrEqual(20);
    for (const [, file, name] of cited) {
      const text = read(file!);
      expect(text.includes(name!), `${file} › "${name}"`).toBe(true);
    }
  });

  it('names only source files that exist', () => {
    const files = new Set([...doc.matchAll(/`((?:src|scripts|tests|electron-builder)[^`\s]*\.(?:ts|tsx|cjs|mjs|html))`/g)].map((m) => m[1]!));
    expect(files.size).toBeGreaterThan(10);
    for (const file of files) expect(() => read(file), file).not.toThrow();
  });
});
