/**
 * Packaging (issue 9): what can be checked without the real Electron runtime.
 *
 * - the electron-builder config passes electron-builder's own schema validation;
 * - the fuse settings in the config are the required ones;
 * - a real electron-builder run of the Linux x64 `dir` target against a stand-in Electron distribution
 *   (`electronDist` → a folder this test prepares) produces an app.asar whose file list holds only what runs,
 *   keytar's native module unpacked, and the fuses flipped in the (stand-in) executable.
 *
 * Network: none. The real Electron zip is never downloaded (`electronDist`), native modules are not rebuilt
 * (`npmRebuild: false` — a rebuild would fetch Electron headers; keytar is N-API, so the host build loads in
 * Electron too), nothing is published (`publish: 'never'`), and the `dir` target needs no fpm/AppImage tools.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Arch, Platform, build, type Configuration } from 'electron-builder';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const configFile = join(root, 'electron-builder.config.cjs');
const requireCjs = createRequire(import.meta.url);
const configModule = requireCjs(configFile) as (() => Configuration) & { config: Configuration; fuses: Record<string, boolean> };
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  productName: string;
  version: string;
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

/** The fuses issue 9 requires, in electron-builder's `electronFuses` names. */
const REQUIRED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};

// @electron/fuses wire format: sentinel, version byte (1), length byte, one byte per fuse ('0' off, '1' on).
const SENTINEL = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'ascii');
// Fuse order of FuseV1Options: RunAsNode, EnableCookieEncryption, EnableNodeOptionsEnvironmentVariable,
// EnableNodeCliInspectArguments, EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar,
// LoadBrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges, WasmTrapHandlers.
// The stand-in starts with every configured fuse opposite to the required state, so each asserted byte
// proves a write; WasmTrapHandlers is not configured and must be left as it was.
const WIRE_BEFORE = '101100111';
const WIRE_AFTER = '010011001';

function readFuseWire(binary: Buffer): string {
  const at = binary.indexOf(SENTINEL);
  expect(at, 'fuse sentinel in the packed executable').toBeGreaterThanOrEqual(0);
  const version = binary[at + SENTINEL.length];
  const length = binary[at + SENTINEL.length + 1]!;
  expect(version).toBe(1);
  const start = at + SENTINEL.length + 2;
  return binary.subarray(start, start + length).toString('latin1');
}

/** A folder shaped like an unpacked Electron linux-x64 zip, with a fuse wire in its (script) executable. */
function makeStandInElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  const script = Buffer.from('#!/bin/sh\necho "stand-in Electron: the real runtime is not available on this machine" >&2\nexit 1\n# ');
  const wire = Buffer.concat([Buffer.from([1, WIRE_BEFORE.length]), Buffer.from(WIRE_BEFORE, 'latin1')]);
  writeFileSync(join(dir, 'electron'), Buffer.concat([script, SENTINEL, wire, Buffer.from('\n')]));
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), electronVersion);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in Electron license\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>stand-in</title>\n');
  writeFileSync(join(dir, 'locales', 'en-US.pak'), 'stand-in');
  writeFileSync(join(dir, 'resources.pak'), 'stand-in');
  writeFileSync(join(dir, 'chrome-sandbox'), 'stand-in');
}

describe('packaging config', () => {
  it("passes electron-builder's schema validation, and the validation is not a no-op", async () => {
    const loaded = await getConfig(root, configFile, null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...loaded, notAnOption: true } as Configuration, new DebugLogger(false))).rejects.toThrow(
      /unknown property 'notAnOption'/,
    );
    // The function export and the plain `config` export are the same configuration.
    expect(configModule()).toEqual(configModule.config);
    expect(configModule()).not.toBe(configModule()); // fresh each time: electron-builder mutates what it gets
  });

  it('sets the app identity, the asar rules and one target set per OS', () => {
    const c = configModule.config;
    expect(c.appId).toBe('net.helpdesk.reset-console');
    expect(c.productName).toBe(pkg.productName);
    expect(c.extraMetadata?.version, 'version comes from package.json').toBeUndefined();
    expect(c.directories?.output).toBe('release');
    expect(c.asar).toBe(true);
    expect(c.asarUnpack).toContain('**/*.node');
    expect(c.files).toEqual(expect.arrayContaining(['out/**/*', 'package.json', '!**/*.map', '!**/.env*']));
    const targets = (t: unknown) => (t as { target: string }[]).map((x) => x.target);
    expect(targets(c.win?.target)).toEqual(['nsis']);
    expect(targets(c.mac?.target)).toEqual(['dmg']);
    expect(targets(c.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(c.linux?.category).toBeTruthy();
    expect(c.linux?.maintainer).toMatch(/<.+@.+>/);
    expect(c.mac?.hardenedRuntime).toBe(true);
    const entitlements = readFileSync(join(root, c.mac!.entitlements!), 'utf8');
    expect(entitlements).toContain('com.apple.security.cs.allow-jit');
    // Icons: PNG, 512×512 (macOS needs ≥512) and 256×256 (Windows needs ≥256).
    const pngSize = (file: string) => {
      const b = readFileSync(join(root, file));
      expect(b.subarray(1, 4).toString('ascii')).toBe('PNG');
      return [b.readUInt32BE(16), b.readUInt32BE(20)];
    };
    expect(pngSize(c.icon as string)).toEqual([512, 512]);
    expect(pngSize('build/icons/512x512.png')).toEqual([512, 512]);
    expect(pngSize('build/icons/256x256.png')).toEqual([256, 256]);
    // No signing material in the repo: credentials come from the environment only.
    const text = readFileSync(configFile, 'utf8');
    expect(text).not.toMatch(/cscLink|cscKeyPassword|certificatePassword|certificateFile|appleIdPassword\s*:/i);
  });

  it('sets exactly the required fuses, in the exported object and in electronFuses', () => {
    expect(configModule.fuses).toEqual(REQUIRED_FUSES);
    expect(configModule.config.electronFuses).toEqual(REQUIRED_FUSES);
  });
});

describe('packaging run: linux x64 dir target against a stand-in Electron', () => {
  let tmp: string;
  let appOutDir: string;
  let entries: string[];
  let packSeconds: number;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'pipe',
    });
    tmp = mkdtempSync(join(tmpdir(), 'reset-console-pack-'));
    const electronDist = join(tmp, 'electron-dist');
    makeStandInElectron(electronDist);
    const started = Date.now();
    await build({
      projectDir: root,
      targets: Platform.LINUX.createTarget(['dir'], Arch.x64),
      publish: 'never',
      // `extends` with a path loads the real config file; these keys are deep-merged over it.
      config: { extends: configFile, electronDist, electronVersion, npmRebuild: false, directories: { output: join(tmp, 'release') } },
    });
    packSeconds = (Date.now() - started) / 1000;
    appOutDir = join(tmp, 'release', 'linux-unpacked');
    entries = listPackage(join(appOutDir, 'resources', 'app.asar'), { isPack: false }).map((p) => p.replace(/\\/g, '/'));
  });

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('packs in well under a minute', () => {
    console.info(`electron-builder dir pack took ${packSeconds.toFixed(1)} s`);
    expect(packSeconds).toBeLessThan(45);
  });

  it('holds the built bundles, package.json and the production dependencies', () => {
    for (const f of ['/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/package.json', '/node_modules/keytar/package.json']) {
      expect(entries).toContain(f);
    }
    for (const dep of Object.keys(pkg.dependencies)) expect(entries).toContain(`/node_modules/${dep}/package.json`);
    // Top level: only out/, node_modules/, package.json.
    const top = new Set(entries.map((p) => p.split('/')[1]));
    expect([...top].sort()).toEqual(['node_modules', 'out', 'package.json']);
    const packed = JSON.parse(extractFile(join(appOutDir, 'resources', 'app.asar'), 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(packed).toMatchObject({ name: pkg.name, productName: pkg.productName, version: pkg.version, main: pkg.main });
    expect(packed.devDependencies).toBeUndefined();
    expect(packed.scripts).toBeUndefined();
  });

  it("unpacks keytar's native module next to the archive", () => {
    const nodeFile = 'node_modules/keytar/build/Release/keytar.node';
    expect(entries).toContain(`/${nodeFile}`);
    expect((statFile(join(appOutDir, 'resources', 'app.asar'), nodeFile) as { unpacked?: boolean }).unpacked).toBe(true);
    const unpacked = join(appOutDir, 'resources', 'app.asar.unpacked', nodeFile);
    expect(existsSync(unpacked)).toBe(true);
    expect(readFileSync(unpacked).subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    // Only native modules are unpacked: no app code outside the archive.
    expect(existsSync(join(appOutDir, 'resources', 'app.asar.unpacked', 'out'))).toBe(false);
  });

  it('holds no sources, tests, maps, env files, docs, bench, build intermediates or dev dependencies', () => {
    const offending = entries.filter(
      (p) =>
        /^\/(src|tests|bench|docs|scripts|build|release|coverage|\.tsbuild)(\/|$)/.test(p) ||
        /\.(ts|tsx|mts|cts|map)$/.test(p) ||
        /(^|\/)\.env(\.|$)/.test(p) ||
        /^\/node_modules\/keytar\/(src|binding\.gyp|build\/(Makefile|config\.gypi|Release\/obj\.target))/.test(p),
    );
    expect(offending).toEqual([]);
    for (const dev of Object.keys(pkg.devDependencies)) expect(entries, dev).not.toContain(`/node_modules/${dev}`);
    for (const dev of ['electron', 'vite', 'react', 'playwright-core', 'typescript', 'vitest', 'electron-builder', 'esbuild', 'rolldown']) {
      expect(entries, dev).not.toContain(`/node_modules/${dev}`);
    }
  });

  it('names the executable after the app and flips the fuses in it', () => {
    const exe = join(appOutDir, 'reset-console');
    expect(existsSync(exe)).toBe(true);
    expect(existsSync(join(appOutDir, 'electron'))).toBe(false);
    expect(readFuseWire(readFileSync(join(tmp, 'electron-dist', 'electron')))).toBe(WIRE_BEFORE);
    expect(readFuseWire(readFileSync(exe))).toBe(WIRE_AFTER);
  });
});
