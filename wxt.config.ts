import { preact } from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { claimPackPlugin } from './src/build/claim-pack-plugin';

// WXT docs: with the default srcDir '.', entrypoints/ is top level and src/ is a plain folder.
export default defineConfig({
  imports: false,
  vite: () => ({
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false }), claimPackPlugin()],
  }),
  manifest: ({ browser }) => ({
    name: 'Claim Lens',
    description:
      'Labels claims about DeepSeek V4 inline with how well-supported they are and where they came from. Matching runs entirely in your browser.',
    permissions: ['storage', 'contextMenus'],
    action: { default_title: 'Claim Lens' },
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
