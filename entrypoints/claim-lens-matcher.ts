import { defineUnlistedScript } from '#imports';
import { matchOnPage } from '@/src/content/fallback-matcher';
import { MATCHER_MODULE, registerModule } from '@/src/content/labeling-module';

// The claim pack and the matcher, imported by the labeler only when the background cannot answer.
export default defineUnlistedScript(() => {
  registerModule(MATCHER_MODULE, matchOnPage);
});
