import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Deliberate violations, linted as if they stood in each layer: `npm run lint` must fail on every one.
 * The same texts placed in an allowed layer must pass, so the rules are not simply "fail everything".
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layer rules', () => {
  it.each([
    ["import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;", 'src/renderer/src/bad.ts'],
    ["import { readFileSync } from 'node:fs';\nexport const x = readFileSync;", 'src/renderer/src/bad.ts'],
    ["import fs from 'fs';\nexport const x = fs;", 'src/renderer/src/bad.ts'],
    ["import axios from 'axios';\nexport const x = axios;", 'src/renderer/src/bad.ts'],
    ["import { createCore } from '../../main/core/create-core';\nexport const x = createCore;", 'src/renderer/src/bad.ts'],
    ["import { app } from 'electron';\nexport const x = app;", 'src/main/services/bad.ts'],
    ["import { app } from 'electron';\nexport const x = app;", 'src/main/vault/bad.ts'],
    ["import { readFileSync } from 'node:fs';\nexport const x = readFileSync;", 'src/shared/bad.ts'],
    ["import React from 'react';\nexport const x = React;", 'src/shared/bad.ts'],
    ["import { z } from 'zod';\nexport const x = z;", 'src/preload/bad.ts'],
    ["import { createCore } from '../main/core/create-core';\nexport const x = createCore;", 'src/portal-sim/bad.ts'],
  ])('refuses %j in %s', async (code, filePath) => {
    expect(await ruleIdsFor(code, filePath)).toContain('@typescript-eslint/no-restricted-imports');
  });

  it.each([
    ["import { app } from 'electron';\nexport const x = app;", 'src/main/electron/ok.ts'],
    ["import { readFileSync } from 'node:fs';\nexport const x = readFileSync;", 'src/main/services/ok.ts'],
    ["import { z } from 'zod';\nexport const x = z;", 'src/shared/ok.ts'],
    ["import { contextBridge } from 'electron';\nexport const x = contextBridge;", 'src/preload/ok.ts'],
  ])('allows %j in %s', async (code, filePath) => {
    expect(await ruleIdsFor(code, filePath)).toEqual([]);
  });
});

describe('renderer feature boundaries', () => {
  it.each([
    ["import { userSearchQuery } from '../users/queries';\nexport const x = userSearchQuery;", 'src/renderer/src/features/history/bad.ts'],
    ["import type { FilterForm } from '../history/history-filter';\nexport type X = FilterForm;", 'src/renderer/src/features/reset/bad.ts'],
    ["import { UserCard } from '../../features/users/UserCard';\nexport const x = UserCard;", 'src/renderer/src/features/customers/bad.ts'],
    ["import { UserPanel } from '../../screens/UserPanel';\nexport const x = UserPanel;", 'src/renderer/src/features/users/bad.ts'],
  ])('refuses %j in %s', async (code, filePath) => {
    expect(await ruleIdsFor(code, filePath)).toContain('@typescript-eslint/no-restricted-imports');
  });

  it.each([
    ["import { useConsole } from '../../state/console-state';\nexport const x = useConsole;", 'src/renderer/src/features/users/ok.ts'],
    ["import { userSearchQuery } from './queries';\nexport const x = userSearchQuery;", 'src/renderer/src/features/users/ok.ts'],
    ["import { Address } from '../../components/Address';\nexport const x = Address;", 'src/renderer/src/features/history/ok.ts'],
    ["import { UserCard } from '../features/users/UserCard';\nexport const x = UserCard;", 'src/renderer/src/screens/ok.ts'],
  ])('allows %j in %s', async (code, filePath) => {
    expect(await ruleIdsFor(code, filePath)).toEqual([]);
  });
});

describe('security bans', () => {
  it.each([
    ['export const el = <div dangerouslySetInnerHTML={{ __html: name }} />;', 'src/renderer/src/Bad.tsx'],
    ["import https from 'node:https';\nexport const a = new https.Agent({ rejectUnauthorized: false });", 'src/main/portal/bad.ts'],
    ["process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';", 'src/main/portal/bad.ts'],
    ["import { contextBridge, ipcRenderer } from 'electron';\ncontextBridge.exposeInMainWorld('ipc', ipcRenderer);", 'src/preload/bad.ts'],
    ["import { contextBridge, ipcRenderer } from 'electron';\ncontextBridge.exposeInMainWorld('api', { ipc: ipcRenderer });", 'src/preload/bad.ts'],
    ["import { shell } from 'electron';\nexport const open = (u: string) => shell.openExternal(u);", 'src/main/electron/bad.ts'],
    ['export const run = (s: string) => eval(s);', 'src/renderer/src/bad.ts'],
    ["import { shell } from 'electron';\nexport const open = (u: string) => shell['openExternal'](u);", 'src/main/electron/bad.ts'],
    ["import { shell } from 'electron';\nconst { openExternal } = shell;\nexport const open = openExternal;", 'src/main/electron/bad.ts'],
    ["import { contextBridge, ipcRenderer } from 'electron';\ncontextBridge.exposeInMainWorld('api', { invoke: (c: string, i: unknown) => ipcRenderer.invoke(c, i) });", 'src/preload/bad.ts'],
    ["import https from 'node:https';\nexport const a = new https.Agent({ rejectUnauthorized: false as const });", 'src/main/portal/bad.ts'],
    ['export const show = (el: HTMLElement, name: string) => { el.innerHTML = name; };', 'src/renderer/src/bad.ts'],
  ])('refuses %j', async (code, filePath) => {
    expect(await ruleIdsFor(code, filePath)).toContain('no-restricted-syntax');
  });
});
