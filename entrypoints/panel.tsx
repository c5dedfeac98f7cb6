import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createPanelModule } from '../components/panel/create-panel-module';
import { PANEL_GLOBAL } from '../lib/panel/panel-module';

// Loaded on demand by the content script (see lib/panel/panel-loader.ts).
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[PANEL_GLOBAL] = createPanelModule;
});
