import { defineContentScript } from '#imports';
import { startGate } from '@/src/content/gate';
import { importModule, LABELER_MODULE, type LabelerModule } from '@/src/content/labeling-module';
import { extensionFileUrl } from '@/src/platform/runtime';
import 'virtual:claim-lens-highlights.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // Frames too, including about:blank and about:srcdoc ones, which take their creator's origin.
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  // WXT's started message would hand our extension id to every page; its context is not used at all (a
  // page can invalidate it by replaying the event), see src/content/lifetime.ts.
  noScriptStartedPostMessage: true,
  main() {
    startGate(() => importModule<LabelerModule>(LABELER_MODULE, extensionFileUrl(LABELER_MODULE.file)));
  },
});
