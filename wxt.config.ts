import { defineConfig } from 'wxt';
import { SPACELIFT_MATCHES } from './lib/spacelift/hosts';
import { BUILT_IN_MODEL_HOSTS } from './lib/models/providers';

// The panel is loaded lazily from `/panel.js` (an unlisted script) so the content
// script that runs on every Spacelift page stays a few kB (see docs/architecture.md).
export default defineConfig({
  // Every file imports what it uses. Auto-imports once slipped @wxt-dev/storage into
  // the content script because a parameter was named `storage` (+9 kB).
  imports: false,
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  hooks: {
    // The content script runs on every Spacelift page and uses only runtime.getURL
    // and runtime.onMessage (with sendResponse), which Chrome and Firefox both
    // offer natively: it gets WXT's native `browser` instead of the 10 kB polyfill.
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (!entrypoints.every((entry) => entry.name === 'content')) return;
      const alias = viteConfig.resolve?.alias;
      const nativeBrowser = { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' };
      viteConfig.resolve = {
        ...viteConfig.resolve,
        alias: Array.isArray(alias)
          ? [nativeBrowser, ...alias]
          : [nativeBrowser, ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: replacement as string }))],
      };
    },
  },
  manifest: ({ browser }) => ({
    name: 'Infra Assistant',
    description: 'An AI assistant inside Spacelift, with your own model.',
    // downloads: History's exports are saved by the background (offscreen: Chrome's worker makes no Blob URLs).
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'downloads', ...(browser === 'chrome' ? ['offscreen'] : [])],
    host_permissions: [...SPACELIFT_MATCHES, ...BUILT_IN_MODEL_HOSTS, 'https://docs.spacelift.io/*'],
    // Self-hosted Spacelift hosts and custom model endpoints are asked for at run time.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      'toggle-panel': {
        // Alt+Shift+A: no default binding in Chrome, Firefox or Spacelift's app.
        suggested_key: { default: 'Alt+Shift+A', mac: 'Alt+Shift+A' },
        description: 'Open or close the Infra Assistant panel',
      },
    },
    web_accessible_resources: [
      {
        resources: ['panel.js'],
        // Every host, because self-hosted Spacelift hosts are added at run time. The
        // per-session URL keeps pages from probing for the extension at a fixed path.
        matches: ['<all_urls>'],
        ...(browser === 'chrome' ? { use_dynamic_url: true } : {}),
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: { gecko: { id: 'infra-assistant@example.org', strict_min_version: '128.0' } },
          // Firefox's MV2 build has no optional_host_permissions: hosts go in optional_permissions.
          optional_permissions: ['https://*/*', 'http://*/*'],
        }
      : {}),
  }),
});
