import { preact } from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { claimPackPlugin } from './src/build/claim-pack-plugin';
import { correctionsRepoNotice } from './src/build/corrections-config';
import { HIGHLIGHT_STYLESHEET, highlightStylesFile } from './src/build/highlight-styles';
import { packUpdatePermissions } from './src/build/pack-update-config';
import { GATE_SCRIPT, ON_DEMAND_MODULES } from './src/content/labeling-module';

// WXT docs: with the default srcDir '.', entrypoints/ is top level and src/ is a plain folder.
export default defineConfig({
  imports: false,
  // AMO reviews a sources zip for Firefox; test and demo artefacts are not sources.
  zip: { excludeSources: ['test-results/**', 'demo-out/**', 'bench/out/**', '.output/**'] },
  hooks: {
    'build:before': () => console.info(correctionsRepoNotice()),
    'build:publicAssets': (_wxt, files) => {
      files.push(highlightStylesFile());
    },
  },
  vite: () => ({
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false }), claimPackPlugin()],
  }),
  manifest: ({ browser }) => ({
    name: 'Claim Lens',
    description:
      'Labels claims about DeepSeek V4 inline with how well-supported they are and where they came from. Matching runs entirely in your browser.',
    // The fewest that work: settings/corrections live in storage; the context menu files a missed claim.
    // No `tabs`, `activeTab`, `scripting` or host permissions: the popup asks the tab's content script for
    // its URL, title and findings (tabs.sendMessage needs none), and a tab that does not answer within
    // 0.7 s (a page waiting for its reader answers once the popup takes its focus) is a page we
    // cannot run on. The content script's own match patterns are the only site access.
    // `alarms` only in builds with a pack update URL (see README, "Claim-pack updates").
    permissions: ['storage', 'contextMenus', ...packUpdatePermissions()],
    action: { default_title: 'Claim Lens', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    // Highlights are not elements and take no tab stops; these move from claim to claim and open its card.
    // Commands need no permission; readers can change the keys at chrome://extensions/shortcuts.
    commands: {
      'next-claim': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Go to the next labeled claim and open its card',
      },
      'previous-claim': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Go to the previous labeled claim and open its card',
      },
    },
    // The gate on every page and frame, including about:blank and about:srcdoc frames, which take their
    // creator's origin. Declared here rather than as a WXT content script (see entrypoints/claim-lens-gate.ts).
    content_scripts: [
      {
        matches: ['http://*/*', 'https://*/*'],
        all_frames: true,
        match_about_blank: true,
        match_origin_as_fallback: true,
        run_at: 'document_idle',
        css: [HIGHLIGHT_STYLESHEET],
        js: [GATE_SCRIPT],
      },
    ],
    // The gate imports the watcher when the title names DeepSeek or a reader is on the page, the watcher
    // the labeler only on pages that mention DeepSeek, and the labeler its parts only when needed; a dynamic import from a content script needs the file to be web-accessible.
    web_accessible_resources: [
      {
        resources: ON_DEMAND_MODULES.map((module) => module.file),
        matches: ['http://*/*', 'https://*/*'],
        use_dynamic_url: true,
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'claim-lens@claimlens.invalid',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
