// @ts-check
/**
 * Packaging of Reset Console with electron-builder (issue 9). See docs/packaging.md.
 *
 * `npm run dist` builds the installers for the current OS: Windows NSIS, macOS dmg (arm64 and x64),
 * Linux AppImage and deb. Signing and notarisation credentials come only from the environment
 * (CSC_LINK / CSC_KEY_PASSWORD, WIN_CSC_LINK / WIN_CSC_KEY_PASSWORD, APPLE_API_KEY / APPLE_API_KEY_ID /
 * APPLE_API_ISSUER …) — never from this file.
 *
 * Version, name and description come from package.json.
 */

/**
 * Electron fuses flipped in the packed binary right before signing.
 * Exported as a plain object so tests (and reviewers) can read it.
 * Keys are electron-builder's `electronFuses` names; the comment gives the @electron/fuses option.
 */
const fuses = Object.freeze({
  /** RunAsNode: ELECTRON_RUN_AS_NODE is ignored — the app binary cannot be used as a plain Node. */
  runAsNode: false,
  /** EnableCookieEncryption: the cookie store on disk is encrypted with an OS-keychain key. */
  enableCookieEncryption: true,
  /** EnableNodeOptionsEnvironmentVariable: NODE_OPTIONS / NODE_EXTRA_CA_CERTS are ignored. */
  enableNodeOptionsEnvironmentVariable: false,
  /** EnableNodeCliInspectArguments: --inspect, --inspect-brk … are ignored. */
  enableNodeCliInspectArguments: false,
  /** EnableEmbeddedAsarIntegrityValidation: app.asar is checked against the hash embedded at pack time (macOS, Windows). */
  enableEmbeddedAsarIntegrityValidation: true,
  /** OnlyLoadAppFromAsar: the app is loaded only from app.asar, never from a loose resources/app folder. */
  onlyLoadAppFromAsar: true,
  /** LoadBrowserProcessSpecificV8Snapshot: not used; the browser process uses the default snapshot. */
  loadBrowserProcessSpecificV8Snapshot: false,
  /** GrantFileProtocolExtraPrivileges: file:// gets no extra privileges (the renderer is served from app://console). */
  grantFileProtocolExtraPrivileges: false,
});

/** What goes into app.asar besides the production node_modules electron-builder adds itself. */
const files = [
  'out/**/*',
  'package.json',
  // never: source maps, env files, TypeScript sources and declarations, docs in dependencies
  '!**/*.map',
  '!**/.env*',
  '!**/*.{ts,mts,cts,tsx}',
  '!**/node_modules/**/{README,readme,CHANGELOG,changelog,HISTORY,History}{,.md,.markdown,.txt}',
  '!**/node_modules/**/{test,tests,__tests__,example,examples,docs,doc,bench,benchmark}/**',
  // keytar: ship build/Release/keytar.node and lib/; not its C++ sources or node-gyp intermediates
  // (electron-builder's default node_modules excludes drop these too; listed so the rule is visible here)
  '!**/node_modules/keytar/{src,binding.gyp}',
  '!**/node_modules/keytar/src/**',
  '!**/node_modules/keytar/build/{Makefile,*.mk,config.gypi,binding.Makefile}',
  '!**/node_modules/keytar/build/Release/{obj.target,.deps}/**',
  '!**/node_modules/keytar/build/Release/{obj.target,.deps}',
];

/**
 * A fresh configuration object on each call: electron-builder normalises (mutates) the object it is given.
 * @returns {import('electron-builder').Configuration}
 */
const createConfig = () => ({
  appId: 'net.helpdesk.reset-console',
  productName: 'Reset Console',
  copyright: 'Copyright © Helpdesk tools',
  directories: { output: 'release', buildResources: 'build' },
  files: [...files],
  asar: true,
  // Native modules cannot be loaded from inside an archive.
  asarUnpack: ['**/*.node'],
  icon: 'build/icon.png',
  artifactName: '${name}-${version}-${os}-${arch}.${ext}',
  electronFuses: { ...fuses },
  // keytar uses N-API; @electron/rebuild fetches its prebuilt binary for each target arch (needs internet).
  npmRebuild: true,
  buildDependenciesFromSource: false,
  // Installers are uploaded by hand / by the release job, never implicitly from a CI tag.
  publish: null,

  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'build/icon.png',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'Reset Console',
    // The audit log and settings stay when the app is uninstalled; see docs/packaging.md.
    deleteAppDataOnUninstall: false,
  },

  mac: {
    target: [{ target: 'dmg', arch: ['arm64', 'x64'] }],
    category: 'public.app-category.business',
    icon: 'build/icon.png',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    // Notarises when APPLE_API_KEY/APPLE_API_KEY_ID/APPLE_API_ISSUER (or APPLE_ID/…) are set.
    notarize: true,
  },
  dmg: {
    title: '${productName} ${version}',
  },

  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    executableName: 'reset-console',
    icon: 'build/icons',
    category: 'Office',
    synopsis: 'Helpdesk console for My Phone Next / UC-One password resets',
    description: 'Find the customer and user, check where the reset e-mail goes, send a temporary password and copy a ticket note — in one window.',
    maintainer: 'Helpdesk Tools <helpdesk-tools@example.net>',
    vendor: 'Helpdesk Tools',
  },
  deb: {
    // electron-builder's default deb dependencies already include libsecret-1-0, which keytar needs.
    priority: 'optional',
  },
});

/** @template T @param {T} value @returns {T} */
const deepFreeze = (value) => {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
};

/**
 * electron-builder calls an exported function to get its configuration. Exporting a function (rather than
 * the object itself) lets `config` and `fuses` be read by tests as plain, frozen objects without
 * electron-builder's schema validation seeing an unknown `fuses` key, and without its mutations leaking.
 */
module.exports = createConfig;
module.exports.config = deepFreeze(createConfig());
module.exports.fuses = fuses;
