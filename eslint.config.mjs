// @ts-check
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';

/**
 * The layers of DESIGN.md as import rules, and the security bans of the Electron checklist.
 * `tests/lint/layer-rules.test.ts` proves each rule fails on a deliberate violation.
 */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const restricted = (paths, patterns = []) => [
  'error',
  {
    paths: paths.map((name) => ({ name, message: 'This layer may not import this module (DESIGN.md, Layers).', allowTypeImports: false })),
    patterns,
  },
];
const layerPattern = (group, message) => ({ group, message });

/**
 * Renderer features stand alone: what several share lives in src/renderer/src/state, lib or components,
 * and screens (src/renderer/src/screens) put features together. A feature imports no other feature and
 * no screen, so each can change, move or go without touching the others.
 */
const featuresDir = 'src/renderer/src/features';
const features = readdirSync(new URL(`./${featuresDir}`, import.meta.url), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const rendererBans = ['electron', 'axios', 'keytar', ...nodeBuiltins];
const rendererLayer = layerPattern(['**/main/**', '**/portal-sim/**', '**/preload/**', 'node:*'], 'The renderer reaches the main process only through window.api.');
const featureBlocks = features.map((feature) => {
  const others = features.filter((f) => f !== feature).map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return {
    files: [`${featuresDir}/${feature}/**/*.{ts,tsx}`],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restricted(rendererBans, [
        rendererLayer,
        {
          regex: `^(\\.\\./)+(features/)?(${others.join('|')})(/|$)`,
          message: `Feature "${feature}" may not import another feature: move what they share to src/renderer/src/state (or lib, components), or compose them in a screen.`,
        },
        { regex: '^(\\.\\./)+screens(/|$)', message: 'A feature does not import a screen; screens compose features.' },
      ]),
    },
  };
});

const securityBans = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render markup from data: show portal names as text.' },
  { selector: "Property[key.name='rejectUnauthorized'][value.value=false]", message: 'TLS verification is never turned off.' },
  { selector: "Literal[value='NODE_TLS_REJECT_UNAUTHORIZED']", message: 'TLS verification is never turned off.' },
  { selector: "MemberExpression[property.name='NODE_TLS_REJECT_UNAUTHORIZED']", message: 'TLS verification is never turned off.' },
  { selector: "CallExpression[callee.property.name='exposeInMainWorld'] > Identifier[name='ipcRenderer']", message: 'Never expose ipcRenderer; expose named channels only.' },
  { selector: "CallExpression[callee.property.name='exposeInMainWorld'] Property > Identifier.value[name='ipcRenderer']", message: 'Never expose ipcRenderer; expose named channels only.' },
  { selector: "CallExpression[callee.property.name='openExternal']", message: 'Open external links only through guardWebContents, after isAllowedExternalUrl.' },
  { selector: "MemberExpression[property.value='openExternal']", message: 'Open external links only through guardWebContents, after isAllowedExternalUrl.' },
  { selector: "VariableDeclarator > ObjectPattern > Property[key.name='openExternal']", message: 'Open external links only through guardWebContents, after isAllowedExternalUrl.' },
  { selector: "CallExpression[callee.property.name='exposeInMainWorld'] Property[key.name=/^(invoke|send|on|sendSync|ipc|ipcRenderer)$/]", message: 'Expose named channels only, never a generic IPC pass-through.' },
  { selector: "Property[key.name='rejectUnauthorized'] > TSAsExpression[expression.value=false]", message: 'TLS verification is never turned off.' },
  { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Never write markup from data: use text.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Never write markup from data: use text.' },
  { selector: "CallExpression[callee.name='eval'], NewExpression[callee.name='Function']", message: 'No eval: the CSP forbids it and so do we.' },
  // Electron-host bans, proven in tests/integration/security/electron-checklist.test.ts.
  { selector: "JSXOpeningElement[name.name='webview'], JSXAttribute[name.name='allowpopups'], Property[key.name='webviewTag'][value.value=true]", message: 'No webviews.' },
  { selector: "CallExpression[callee.property.name='loadFile'], CallExpression[callee.property.name='loadURL'] > Literal[value=/^file:/i]", message: 'Load the renderer only from app://console (serveRenderer), never file://.' },
  { selector: "MemberExpression[object.name='document'][property.name=/^write(ln)?$/]", message: 'Never write markup from data: use text.' },
  { selector: "CallExpression[callee.property.name='setCertificateVerifyProc'], CallExpression[callee.property.name='on'][arguments.0.value='certificate-error']", message: 'TLS verification is never turned off.' },
  { selector: "CallExpression[callee.property.name='appendSwitch'][arguments.0.value=/^(no-sandbox|disable-web-security|ignore-certificate-errors|disable-site-isolation-trials)$/]", message: 'Chromium runs with its protections on.' },
  { selector: "CallExpression[callee.object.name='ipcMain'][callee.property.name=/^(on|once|handle|handleOnce|addListener)$/]", message: 'IPC is answered only by bridgeIpc, one handler per contract channel.' },
  { selector: "MemberExpression[object.name='ipcRenderer'][property.name!='invoke']", message: 'The preload only invokes contract channels.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tsbuild/**', 'tests/lint/fixtures/**', 'release/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...securityBans],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restricted(
        ['electron', 'react', 'react-dom', 'axios', 'keytar', ...nodeBuiltins],
        [layerPattern(['**/main/**', '**/renderer/**', '**/preload/**', '**/portal-sim/**', 'node:*'], 'src/shared imports only zod and itself.')],
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer'],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      // A sandboxed preload can load only `electron`; everything else must be bundled source.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!electron$|\\.)', message: 'The preload may import only electron and the channel list.', allowTypeImports: true },
            { group: ['**/main/**', '**/renderer/**', '**/portal-sim/**', '**/shared/ipc/contract*', '**/shared/errors*'], message: 'The preload may import only the channel list.', allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': restricted(rendererBans, [rendererLayer]),
    },
  },
  ...featureBlocks,
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restricted(['electron'], [layerPattern(['**/renderer/**', '**/preload/**'], 'Main does not import the renderer or preload.')]),
    },
  },
  {
    files: ['src/main/electron/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restricted([], [layerPattern(['**/renderer/**'], 'Main does not import the renderer.')]),
    },
  },
  {
    files: ['src/portal-sim/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restricted(
        ['electron', 'axios', 'keytar', 'react'],
        [layerPattern(['**/main/**', '**/renderer/**', '**/preload/**'], 'The simulator imports only src/shared.')],
      ),
    },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.test.{ts,tsx}', 'tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': 'off',
      'no-restricted-globals': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
